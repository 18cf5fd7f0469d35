/** The app shell: header (network state, language), navigation, the current page, the update prompt.
 * State lives here (language, catalogue, route); pages get what they show as props. */

import { useEffect, useRef, useState } from "preact/hooks";
import { useCatalogue, useDraftCount, useOnline } from "./hooks";
import { formatTime, loadLang, MESSAGES, saveLang, type Lang, type Messages } from "./i18n";
import { lazyComponent } from "./lazy";
import { useOutbox } from "./outboxRunner";
import { ProcedurePage } from "./ProcedurePage";
import { go, href, useRoute } from "./route";
import { SearchPage } from "./SearchPage";
import { useUnread } from "./notices/useUnread";
import { registerServiceWorker, useUnsent, type Update } from "./update";
import type { Catalogue } from "../shared/types";

const DraftPage = lazyComponent(() => import("./drafts/DraftPage").then((module) => module.DraftPage), "…");
const DraftsPage = lazyComponent(() => import("./drafts/DraftsPage").then((module) => module.DraftsPage), "…");
const SubmittedPage = lazyComponent(() => import("./dossiers/SubmittedPage").then((module) => module.SubmittedPage), "…");
const DossierPage = lazyComponent(() => import("./dossiers/DossierPage").then((module) => module.DossierPage), "…");
const CorrectionPage = lazyComponent(() => import("./dossiers/CorrectionPage").then((module) => module.CorrectionPage), "…");
const TrackingPage = lazyComponent(() => import("./dossiers/TrackingPage").then((module) => module.TrackingPage), "…");
const InboxPage = lazyComponent(() => import("./notices/InboxPage").then((module) => module.InboxPage), "…");
const FeedbackPages = lazyComponent(() => import("./feedback/FeedbackPages").then((module) => module.FeedbackPages), "…");
const TransparencyPage = lazyComponent(() => import("./transparency/TransparencyPage").then((module) => module.TransparencyPage), "…");

/** Pages that do not need the catalogue: they work from "my dossiers" or from the network alone. */
const WITHOUT_CATALOGUE = new Set(["submitted", "dossier", "tracking", "inbox", "feedback", "feedbackForm", "transparency"]);

export function App() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const m = MESSAGES[lang];
  const route = useRoute();
  const online = useOnline();
  const catalogue = useCatalogue(online);
  const draftCount = useDraftCount(location.hash);
  const outboxCount = useOutbox();
  const unread = useUnread(online, lang);
  const [update, setUpdate] = useState<Update | null>(null);
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  // Opened from the list: "back" is a real history step, so the phone's back button agrees with ours.
  const openedFromList = useRef(false);

  useEffect(() => {
    void registerServiceWorker(setUpdate);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    if (route.page === "search") document.title = m.title;
  }, [lang, route.page]);
  useEffect(() => {
    if (route.page === "search") openedFromList.current = false;
  }, [route.page]);

  const switchLanguage = (): void => {
    const next = m.otherLanguage.lang;
    saveLang(next);
    setLang(next);
  };
  const backToList = (): void => {
    if (openedFromList.current) history.back();
    else go(href.search(), true);
  };

  const snapshot = catalogue.stored?.snapshot ?? null;
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
          <p class="header-status">
            <span class={online ? "pill pill-online" : "pill pill-offline"} role="status">
              {online ? m.online : m.offline}
            </span>
            {snapshot?.demo && <span class="badge">{m.demoBadge}</span>}
          </p>
        </div>
        <nav class="nav" aria-label={m.title}>
          <a href={href.search()} aria-current={route.page === "search" || route.page === "procedure" ? "page" : undefined}>
            {m.navSearch}
          </a>
          <a href={href.drafts()} aria-current={route.page === "drafts" || route.page === "draft" ? "page" : undefined}>
            {m.navDrafts(draftCount)}
          </a>
          <a href={href.submitted()} aria-current={route.page === "submitted" || route.page === "dossier" || route.page === "correction" ? "page" : undefined}>
            {m.navSubmitted}
            {outboxCount > 0 && <Count shown={outboxCount} said={m.navWaiting(outboxCount)} />}
          </a>
          <a href={href.tracking()} aria-current={route.page === "tracking" ? "page" : undefined}>
            {m.navTracking}
          </a>
          <a href={href.inbox()} aria-current={route.page === "inbox" || route.page === "feedback" ? "page" : undefined} data-testid="nav-inbox">
            {m.navInbox}
            {unread > 0 && <Count shown={unread} said={m.navUnread(unread)} />}
          </a>
        </nav>
      </header>
      <main class="main">
        {snapshot && (
          <Pages
            route={route}
            m={m}
            lang={lang}
            catalogue={catalogue}
            lastOpened={lastOpened}
            onOpen={(code) => {
              openedFromList.current = true;
              setLastOpened(code);
            }}
            onBack={backToList}
            online={online}
          />
        )}
        {WITHOUT_CATALOGUE.has(route.page) && <DossierPages route={route} lang={lang} online={online} catalogue={snapshot} />}
        {!snapshot && !WITHOUT_CATALOGUE.has(route.page) && (
          <p class="status" role="status">
            {catalogue.loaded && (catalogue.failed || !online) ? m.noCatalogueOffline : m.noCatalogueYet}
          </p>
        )}
      </main>
      <footer class="footer">
        <p>
          <a href={href.transparency()}>{m.transparency}</a>
        </p>
        <Freshness catalogue={catalogue} m={m} />
      </footer>
      {update && <UpdateBanner m={m} update={update} onLater={() => setUpdate(null)} />}
    </>
  );
}

interface PagesProps {
  route: ReturnType<typeof useRoute>;
  m: Messages;
  lang: Lang;
  catalogue: ReturnType<typeof useCatalogue>;
  lastOpened: string | null;
  onOpen: (code: string) => void;
  onBack: () => void;
  online: boolean;
}

function Pages({ route, m, lang, catalogue, lastOpened, onOpen, onBack, online }: PagesProps) {
  const snapshot = catalogue.stored!.snapshot;
  const calendar = catalogue.calendar?.calendar ?? null;
  return (
    <>
      <SearchPage catalogue={snapshot} m={m} lang={lang} hidden={route.page !== "search"} lastOpened={lastOpened} onOpen={onOpen} />
      {route.page === "procedure" && (
        <ProcedurePage
          key={route.code}
          procedure={snapshot.procedures.find((p) => p.code === route.code)}
          calendar={calendar}
          m={m}
          lang={lang}
          fields={snapshot.fields}
          onBack={onBack}
        />
      )}
      {route.page === "drafts" && <DraftsPage catalogue={snapshot} lang={lang} />}
      {route.page === "draft" && <DraftPage key={route.id} id={route.id} step={route.step} catalogue={snapshot} lang={lang} />}
      {route.page === "correction" && <CorrectionPage key={route.code} code={route.code} catalogue={snapshot} lang={lang} online={online} />}
    </>
  );
}

interface DossierPagesProps {
  route: ReturnType<typeof useRoute>;
  lang: Lang;
  online: boolean;
  catalogue: Catalogue | null;
}

function DossierPages({ route, lang, online, catalogue }: DossierPagesProps) {
  if (route.page === "submitted") return <SubmittedPage catalogue={catalogue} lang={lang} online={online} />;
  if (route.page === "dossier") return <DossierPage key={route.code} code={route.code} catalogue={catalogue} lang={lang} online={online} />;
  if (route.page === "tracking") return <TrackingPage key={route.code ?? ""} code={route.code} lang={lang} online={online} />;
  if (route.page === "inbox") return <InboxPage lang={lang} online={online} />;
  if (route.page === "feedback" || route.page === "feedbackForm") return <FeedbackPages route={route} catalogue={catalogue} lang={lang} online={online} />;
  if (route.page === "transparency") return <TransparencyPage lang={lang} online={online} />;
  return null;
}

/** A count beside a navigation link: the figure shown, the words read out. */
function Count({ shown, said }: { shown: number; said: string }) {
  return (
    <span class="nav-count">
      <span aria-hidden="true">{shown}</span>
      <span class="visually-hidden">{said}</span>
    </span>
  );
}

function Freshness({ catalogue, m }: { catalogue: ReturnType<typeof useCatalogue>; m: Messages }) {
  const stored = catalogue.stored;
  return (
    <div class="freshness" aria-live="polite">
      {stored && <p>{m.refreshedAt(formatTime(stored.refreshedAt))}</p>}
      {stored && <p>{m.catalogueVersion(stored.snapshot.version)}</p>}
      {catalogue.refreshing && <p>{m.refreshing}</p>}
      {!catalogue.refreshing && catalogue.failed && stored && <p>{m.refreshFailed}</p>}
      <p class="app-version">{m.appVersion(__APP_VERSION__)}</p>
    </div>
  );
}

interface BannerProps {
  m: Messages;
  update: Update;
  onLater: () => void;
}

function UpdateBanner({ m, update, onLater }: BannerProps) {
  // Work waits to be sent: the new version must not take over now (nor can it: sw.ts); nor before it is counted.
  const unsent = useUnsent();
  return (
    <div class="update-banner" role="alert">
      <p>{m.updateReady}</p>
      {!!unsent && <p class="update-note">{m.updateAfterSending}</p>}
      <div class="update-actions">
        {unsent === 0 && (
          <button type="button" class="button button-primary" onClick={update.apply}>
            {m.updateNow}
          </button>
        )}
        <button type="button" class="button button-secondary" onClick={onLater}>
          {m.updateLater}
        </button>
      </div>
    </div>
  );
}
