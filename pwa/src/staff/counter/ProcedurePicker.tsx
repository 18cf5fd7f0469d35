/** The procedure of the dossier at the counter: searched by name or code (with or without diacritics, the
 * catalogue's own search), then shown as chosen with a way back to the search. */

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { searchEntries } from "../../shared/catalogue";
import { search } from "../../shared/search";
import type { Catalogue, Procedure } from "../../shared/types";
import type { Lang } from "../i18n";
import { counterProcedures } from "./intake";
import type { IntakeText } from "./intakeText";

const SHOWN = 12;

interface Props {
  catalogue: Catalogue;
  chosen: Procedure | null;
  onChoose: (code: string | null) => void;
  lang: Lang;
  t: IntakeText;
}

export function ProcedurePicker({ catalogue, chosen, onChoose, lang, t }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const picked = useRef(false);
  useEffect(() => {
    // After a choice (or "choose another"), go on from the card's title rather than from the page's top.
    if (picked.current) heading.current?.focus();
  }, [chosen?.code]);
  const choose = (code: string | null): void => {
    picked.current = true;
    onChoose(code);
  };
  return (
    <section class="card intake-card" aria-labelledby="intake-procedure">
      <h2 id="intake-procedure" ref={heading} tabIndex={-1}>
        {chosen ? t.chosen : t.pickTitle}
      </h2>
      {chosen ? (
        <div class="intake-chosen">
          <p>
            <strong lang="vi">{chosen.name.vi}</strong>
            <span class="hint">{` ${chosen.code} · ${t.duration(chosen.processing.workingDays)}`}</span>
          </p>
          <button type="button" class="button-secondary" onClick={() => choose(null)}>
            {t.changeProcedure}
          </button>
        </div>
      ) : (
        <Search catalogue={catalogue} onChoose={choose} lang={lang} t={t} />
      )}
    </section>
  );
}

function Search({ catalogue, onChoose, lang, t }: Omit<Props, "chosen">) {
  const [query, setQuery] = useState("");
  const procedures = useMemo(() => counterProcedures(catalogue), [catalogue]);
  const entries = useMemo(() => {
    const codes = new Set(procedures.map((p) => p.code));
    return searchEntries(catalogue).filter((entry) => codes.has(entry.code));
  }, [catalogue, procedures]);
  const found = useMemo(() => search(entries, query), [entries, query]);
  const byCode = useMemo(() => new Map(procedures.map((p) => [p.code, p])), [procedures]);
  const shown = found.slice(0, SHOWN);
  return (
    <div class="intake-search" role="search">
      <label for="intake-query">{t.searchLabel}</label>
      <input
        id="intake-query"
        type="search"
        autoComplete="off"
        spellcheck={false}
        value={query}
        aria-describedby="intake-query-hint"
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <p id="intake-query-hint" class="hint">
        {t.searchHint}
      </p>
      <p class="hint" role="status">
        {found.length === 0 ? t.noResults : t.found(shown.length, found.length)}
      </p>
      <ul class="intake-results">
        {shown.map((entry) => {
          const procedure = byCode.get(entry.code);
          if (!procedure) return null;
          return (
            <li key={entry.code}>
              <button type="button" class="intake-result" onClick={() => onChoose(entry.code)}>
                <span class="intake-result-name" lang="vi">
                  {procedure.name.vi}
                </span>
                <span class="hint">
                  {lang === "en" && procedure.name.en ? `${procedure.name.en} · ` : ""}
                  {`${procedure.code} · ${t.duration(procedure.processing.workingDays)}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
