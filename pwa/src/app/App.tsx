/** The app shell: header with the language toggle, the list or one procedure, and the footer.
 * State lives here (language, current procedure); pages get what they show as props. */

import { useEffect, useRef, useState } from "preact/hooks";
import { getCatalogue } from "../data/api";
import { loadLang, MESSAGES, saveLang, type Lang } from "./i18n";
import { ProcedurePage } from "./ProcedurePage";
import { replaceWithList, useProcedureCode } from "./route";
import { SearchPage } from "./SearchPage";
import { useLoad } from "./useLoad";

export function App() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const m = MESSAGES[lang];
  const code = useProcedureCode();
  const [catalogue] = useLoad("catalogue", (_key, signal) => getCatalogue(signal));
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  // Opened from the list: "back" is a real history step, so the phone's back button agrees with ours.
  const openedFromList = useRef(false);

  useEffect(() => {
    document.documentElement.lang = lang;
    if (code === null) document.title = m.title;
  }, [lang, code]);
  useEffect(() => {
    if (code === null) openedFromList.current = false;
  }, [code]);

  const switchLanguage = (): void => {
    const next = m.otherLanguage.lang;
    saveLang(next);
    setLang(next);
  };
  const openProcedure = (opened: string): void => {
    openedFromList.current = true;
    setLastOpened(opened);
  };
  const backToList = (): void => {
    if (openedFromList.current) history.back();
    else replaceWithList();
  };

  const info = catalogue.state === "ok" ? catalogue.value : null;
  return (
    <>
      <header class="header">
        <div class="header-inner">
          <div class="header-bar">
            <div>
              <h1 lang="vi">Một cửa</h1>
              <p class="tagline">{m.tagline}</p>
            </div>
            <button type="button" class="lang-toggle" lang={m.otherLanguage.lang} onClick={switchLanguage}>
              {m.otherLanguage.label}
            </button>
          </div>
          {info?.demo && <p class="badge">{m.demoBadge}</p>}
        </div>
      </header>
      <main class="main">
        <SearchPage m={m} lang={lang} hidden={code !== null} lastOpened={lastOpened} onOpen={openProcedure} />
        {code !== null && (
          <ProcedurePage key={code} code={code} m={m} lang={lang} fields={info?.fields ?? []} onBack={backToList} />
        )}
      </main>
      <footer class="footer">
        {info && <p>{m.catalogueVersion(info.version)}</p>}
        <p>{m.previewNote}</p>
      </footer>
    </>
  );
}
