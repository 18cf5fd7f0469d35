/** The list: search and browse the catalogue on the phone, offline, by field and level. */

import { useEffect, useMemo, useState } from "preact/hooks";
import { searchEntries } from "../shared/catalogue";
import { search } from "../shared/search";
import type { Catalogue, Level } from "../shared/types";
import type { Lang, Messages } from "./i18n";
import { href } from "./route";

interface Props {
  catalogue: Catalogue;
  m: Messages;
  lang: Lang;
  /** True while another page is shown: the list stays mounted, so its query and scroll survive. */
  hidden: boolean;
  /** The procedure the user last opened, to put focus back on it when they return. */
  lastOpened: string | null;
  onOpen: (code: string) => void;
}

/** A page of results: enough to pick from on a phone, and cheap to lay out on one (500 items are not). */
const PAGE = 30;

function resultId(code: string): string {
  return `ket-qua-${code}`;
}

export function SearchPage({ catalogue, m, lang, hidden, lastOpened, onOpen }: Props) {
  const [query, setQuery] = useState("");
  const [field, setField] = useState("");
  const [level, setLevel] = useState("");
  const [limit, setLimit] = useState(PAGE);
  const entries = useMemo(() => searchEntries(catalogue), [catalogue]);
  const byCode = useMemo(() => new Map(catalogue.procedures.map((p) => [p.code, p])), [catalogue]);
  const levels = useMemo(() => [...new Set(catalogue.procedures.map((p) => p.level))], [catalogue]);
  // Searching 500 procedures in memory takes about a millisecond: no debounce, results as you type.
  const found = useMemo(() => search(entries, query, { field, level }), [entries, query, field, level]);

  useEffect(() => setLimit(PAGE), [query, field, level]);
  useEffect(() => {
    if (!hidden && lastOpened !== null) document.getElementById(resultId(lastOpened))?.focus();
  }, [hidden]);

  const shown = found.slice(0, limit);
  const status = found.length === 0 && query.trim() ? m.noResults(query.trim()) : m.resultCount(shown.length, found.length);
  return (
    <section class="search-page" hidden={hidden}>
      <form class="search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="search-input">{m.searchLabel}</label>
        <input
          id="search-input"
          type="search"
          inputMode="search"
          enterKeyHint="search"
          autoComplete="off"
          spellcheck={false}
          placeholder={m.searchPlaceholder}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <div class="filters">
          <label>
            <span>{m.filterField}</span>
            <select value={field} onChange={(event) => setField(event.currentTarget.value)}>
              <option value="">{m.allFields}</option>
              {catalogue.fields.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.name[lang]}
                </option>
              ))}
            </select>
          </label>
          {levels.length > 1 && (
            <label>
              <span>{m.filterLevel}</span>
              <select value={level} onChange={(event) => setLevel(event.currentTarget.value)}>
                <option value="">{m.allLevels}</option>
                {levels.map((l) => (
                  <option key={l} value={l}>
                    {m.levels[l as Level] ?? l}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </form>
      <p class="status" role="status">
        {status}
      </p>
      {shown.length > 0 && (
        <ul class="results">
          {shown.map((entry) => {
            const procedure = byCode.get(entry.code);
            if (!procedure) return null;
            return (
              <li key={entry.code}>
                <a
                  class="result"
                  id={resultId(entry.code)}
                  href={href.procedure(entry.code)}
                  onClick={() => onOpen(entry.code)}
                >
                  <span class="result-name">{procedure.name[lang]}</span>
                  <span class="result-meta">
                    <span class="code">{procedure.code}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{m.workingDays(procedure.processing.workingDays)}</span>
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < found.length && (
        <button type="button" class="button button-secondary more" onClick={() => setLimit((n) => n + PAGE)}>
          {m.showMore(Math.min(PAGE, found.length - shown.length))}
        </button>
      )}
    </section>
  );
}
