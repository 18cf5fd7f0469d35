/** The list: a search box and the matching procedures (tên, mã, thời hạn giải quyết). */

import { useEffect, useRef, useState } from "preact/hooks";
import { searchProcedures } from "../data/api";
import type { SearchResult } from "../shared/types";
import { ErrorNotice } from "./ErrorNotice";
import type { Lang, Messages } from "./i18n";
import { procedureHref } from "./route";
import { useLoad } from "./useLoad";

/** Typing on a phone keyboard is slow; wait for a pause instead of sending a request per letter. */
const DEBOUNCE_MS = 250;

interface Props {
  m: Messages;
  lang: Lang;
  /** True while a procedure is shown: the list stays mounted, so its results and scroll survive. */
  hidden: boolean;
  /** The procedure the user last opened, to put focus back on it when they return. */
  lastOpened: string | null;
  onOpen: (code: string) => void;
}

function resultId(code: string): string {
  return `ket-qua-${code}`;
}

export function SearchPage({ m, lang, hidden, lastOpened, onOpen }: Props) {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  // Opened straight on a procedure: the list loads only once the user actually goes to it.
  const [wanted, setWanted] = useState(!hidden);
  const [loaded, retry] = useLoad(wanted ? query : null, searchProcedures);
  const shown = useRef<SearchResult | null>(null);
  if (loaded.state === "ok") shown.current = loaded.value;

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (hidden) return;
    setWanted(true);
    if (lastOpened !== null) document.getElementById(resultId(lastOpened))?.focus();
  }, [hidden]);

  const results = loaded.state === "error" ? null : shown.current;
  let status = "";
  if (loaded.state === "loading") status = m.loading;
  else if (results && results.total === 0) status = m.noResults(results.query);
  else if (results) status = m.resultCount(results.results.length, results.total);

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
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </form>
      <p class="status" role="status">
        {status}
      </p>
      {loaded.state === "error" && <ErrorNotice error={loaded.error} m={m} lang={lang} onRetry={retry} />}
      {results && results.results.length > 0 && (
        <ul class="results">
          {results.results.map((procedure) => (
            <li key={procedure.code}>
              <a
                class="result"
                id={resultId(procedure.code)}
                href={procedureHref(procedure.code)}
                onClick={() => onOpen(procedure.code)}
              >
                <span class="result-name">{procedure.name[lang]}</span>
                <span class="result-meta">
                  <span class="code">{procedure.code}</span>
                  <span aria-hidden="true"> · </span>
                  <span>{m.workingDays(procedure.workingDays)}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
