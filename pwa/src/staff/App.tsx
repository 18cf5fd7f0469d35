/** The staff app: reads the session, then shows the login page, the forced password change, or the shell
 * (header with who is signed in, navigation, the current page). Pages get what they show as props. */

import { useEffect, useRef, useState } from "preact/hooks";
import { readSession, signOut, StaffApiError, whenSignedOut, type StaffMe } from "./api";
import { AccountsPage } from "./accounts/AccountsPage";
import { DossierPage } from "./counter/DossierPage";
import { IntakePage } from "./counter/IntakePage";
import { IntakeLink } from "./counter/IntakeDone";
import { INTAKE_TEXT } from "./counter/intakeText";
import { PaperPage } from "./counter/PaperPage";
import { QueuePage } from "./counter/QueuePage";
import { COUNTER_TEXT } from "./counter/text";
import { ControlSlipPage } from "./forms/ControlSlipPage";
import { RegisterPage } from "./forms/RegisterPage";
import { FORMS_TEXT } from "./forms/text";
import { HomePage } from "./HomePage";
import { loadLang, MESSAGES, saveLang, type Lang, type StaffMessages } from "./i18n";
import { LoginPage } from "./LoginPage";
import { PartsPage } from "./liaison/PartsPage";
import { partsHref } from "./liaison/routes";
import { SlipPage } from "./liaison/SlipPage";
import { LIAISON_TEXT } from "./liaison/text";
import { PasswordPage } from "./PasswordPage";
import { followLink, href, useRoute, type Route } from "./route";
import { lazyPage } from "./lazy";

// Pages only some staff open, each its own chunk: the counter's rating tablet, statistics, feedback.
const KioskRoute = lazyPage(() => import("./kiosk/KioskPage"));
const StatisticsRoute = lazyPage(() => import("./statistics/StatisticsPage"));
const FeedbackRoute = lazyPage(() => import("./feedback/FeedbackPage"));

type Session =
  | { state: "loading" }
  | { state: "unreachable" }
  | { state: "signedOut"; expired: boolean }
  | { state: "signedIn"; me: StaffMe };

export function StaffApp() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const [session, setSession] = useState<Session>({ state: "loading" });
  const [signOutFailed, setSignOutFailed] = useState(false);
  const route = useRoute();
  const m = MESSAGES[lang];

  const load = (): void => {
    setSession({ state: "loading" });
    readSession().then(
      (me) => setSession({ state: "signedIn", me }),
      (error: unknown) => {
        const gone = error instanceof StaffApiError && error.status === 401;
        setSession(gone ? { state: "signedOut", expired: false } : { state: "unreachable" });
      },
    );
  };
  useEffect(() => {
    // Several requests in flight can each meet the 401: the first one tells whether work was interrupted.
    whenSignedOut(() =>
      setSession((now) => (now.state === "signedOut" ? now : { state: "signedOut", expired: now.state === "signedIn" })),
    );
    load();
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const switchLanguage = (): void => {
    saveLang(m.otherLanguage.lang);
    setLang(m.otherLanguage.lang);
  };
  // At a shared counter computer the login page must only show once the server has ended the session.
  const leave = (): void => {
    setSignOutFailed(false);
    signOut().then(
      () => setSession({ state: "signedOut", expired: false }),
      () => setSignOutFailed(true),
    );
  };

  // Kiosk mode: the tablet facing the citizen shows the rating page alone (no staff header or navigation).
  if (route.page === "kiosk" && session.state === "signedIn" && session.me.role === "officer" && !session.me.mustChangePassword) {
    return (
      <main id="main" tabIndex={-1}>
        <KioskRoute lang={lang} m={m} />
      </main>
    );
  }
  return (
    <>
      <a class="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header class="header">
        <div class="header-inner">
          <p class="brand" lang="vi">
            {m.appName}
          </p>
          {session.state === "signedIn" && <Who me={session.me} m={m} lang={lang} />}
          <div class="header-actions">
            <button type="button" class="link-button" lang={m.otherLanguage.lang} onClick={switchLanguage}>
              {m.otherLanguage.label}
            </button>
            {session.state === "signedIn" && (
              <button type="button" class="link-button" onClick={leave}>
                {m.signOut}
              </button>
            )}
          </div>
        </div>
        {session.state === "signedIn" && !session.me.mustChangePassword && <Nav me={session.me} m={m} lang={lang} />}
      </header>
      <main id="main" class="main" tabIndex={-1}>
        {signOutFailed && session.state === "signedIn" && (
          <p role="alert" class="error-box">
            {m.signOutFailed}
          </p>
        )}
        <Body session={session} m={m} lang={lang} onRetry={load} onSignedIn={(me) => setSession({ state: "signedIn", me })} />
      </main>
    </>
  );
}

function Who({ me, m, lang }: { me: StaffMe; m: StaffMessages; lang: Lang }) {
  return (
    <p class="who" data-testid="who">
      <strong>{me.fullName}</strong>
      <span>{m.roles[me.role]}</span>
      <span>{me.agencyName[lang]}</span>
    </p>
  );
}

function Nav({ me, m, lang }: { me: StaffMe; m: StaffMessages; lang: Lang }) {
  const route = useRoute();
  const current = (page: Route["page"]): "page" | undefined => (route.page === page ? "page" : undefined);
  const counter = route.page === "queue" || route.page === "dossier" || route.page === "paper" || route.page === "slip";
  return (
    <nav class="nav" aria-label={m.mainNav} onClick={followLink}>
      <a href={href.home()} aria-current={current("home")}>
        {m.navHome}
      </a>
      {me.role !== "admin" && (
        <a href={href.queue()} aria-current={counter ? "page" : undefined}>
          {m.navQueue}
        </a>
      )}
      {me.role === "officer" && (
        <a href={href.intake()} aria-current={current("intake")}>
          {INTAKE_TEXT[lang].navLink}
        </a>
      )}
      {(me.role === "specialist" || me.role === "leader") && (
        <a href={partsHref()} aria-current={current("parts")}>
          {LIAISON_TEXT[lang].navLink}
        </a>
      )}
      {(me.role === "officer" || me.role === "leader") && (
        <a href={href.register()} aria-current={current("register")}>
          {FORMS_TEXT[lang].registerNav}
        </a>
      )}
      {me.role !== "specialist" && (
        <a href={href.feedback()} aria-current={current("feedback")}>
          {m.navFeedback}
        </a>
      )}
      {(me.role === "leader" || me.role === "admin") && (
        <a href={href.statistics()} aria-current={current("statistics")}>
          {m.navStatistics}
        </a>
      )}
      {me.role === "admin" && (
        <a href={href.accounts()} aria-current={current("accounts")}>
          {m.navAccounts}
        </a>
      )}
      <a href={href.password()} aria-current={current("password")}>
        {m.navPassword}
      </a>
    </nav>
  );
}

interface BodyProps {
  session: Session;
  m: StaffMessages;
  lang: Lang;
  onRetry: () => void;
  onSignedIn: (me: StaffMe) => void;
}

function Body({ session, m, lang, onRetry, onSignedIn }: BodyProps) {
  if (session.state === "loading") return <p role="status">{m.loading}</p>;
  if (session.state === "unreachable") {
    return (
      <div role="alert">
        <p>{m.unreachable}</p>
        <button type="button" class="button" onClick={onRetry}>
          {m.retry}
        </button>
      </div>
    );
  }
  if (session.state === "signedOut") return <LoginPage m={m} lang={lang} expired={session.expired} onSignedIn={onSignedIn} />;
  const me = session.me;
  if (me.mustChangePassword) {
    return <PasswordPage m={m} lang={lang} forced onChanged={() => onSignedIn({ ...me, mustChangePassword: false })} />;
  }
  return <Pages me={me} m={m} lang={lang} />;
}

function Pages({ me, m, lang }: { me: StaffMe; m: StaffMessages; lang: Lang }) {
  const route = useRoute();
  const first = useRef(true);
  useEffect(() => {
    document.title = `${pageTitle(route, m, lang)} — ${m.appName}`;
  }, [route, m, lang]);
  // A new page is announced by moving the focus to its title (not on the first page: the browser starts there).
  useEffect(() => {
    if (first.current) first.current = false;
    else document.querySelector<HTMLElement>("#main h1")?.focus();
  }, [route.page, route.page === "dossier" || route.page === "paper" || route.page === "slip" ? route.code : ""]);
  switch (route.page) {
    case "accounts":
      return me.role === "admin" ? <AccountsPage me={me} m={m} lang={lang} /> : <HomePage me={me} m={m} lang={lang} />;
    case "password":
      return <PasswordPage m={m} lang={lang} forced={false} onChanged={() => undefined} />;
    case "queue":
      return (
        <>
          {me.role === "officer" && <IntakeLink lang={lang} />}
          <QueuePage lang={lang} me={me.username} role={me.role} />
        </>
      );
    case "intake":
      return me.role === "officer" ? <IntakePage me={me} lang={lang} /> : <HomePage me={me} m={m} lang={lang} />;
    case "statistics":
      return me.role === "leader" || me.role === "admin" ? <StatisticsRoute lang={lang} m={m} /> : <HomePage me={me} m={m} lang={lang} />;
    case "feedback":
      return me.role !== "specialist" ? <FeedbackRoute lang={lang} m={m} /> : <HomePage me={me} m={m} lang={lang} />;
    case "dossier":
      return <DossierPage me={me} code={route.code} lang={lang} />;
    case "paper":
      return <PaperPage code={route.code} kind={route.kind} lang={lang} />;
    case "parts":
      return <PartsPage lang={lang} />;
    case "referralSlip":
      return <SlipPage code={route.code} n={route.n} lang={lang} />;
    case "slip":
      return <ControlSlipPage code={route.code} lang={lang} />;
    case "register":
      return me.role === "officer" || me.role === "leader" ? <RegisterPage lang={lang} /> : <HomePage me={me} m={m} lang={lang} />;
    default:
      return <HomePage me={me} m={m} lang={lang} />;
  }
}

function pageTitle(route: Route, m: StaffMessages, lang: Lang): string {
  if (route.page === "accounts") return m.accountsTitle;
  if (route.page === "password") return m.passwordTitle;
  if (route.page === "queue") return COUNTER_TEXT[lang].queueTitle;
  if (route.page === "intake") return INTAKE_TEXT[lang].title;
  if (route.page === "parts") return LIAISON_TEXT[lang].todoTitle;
  if (route.page === "referralSlip") return route.code;
  if (route.page === "dossier" || route.page === "paper" || route.page === "slip") return route.code;
  if (route.page === "register") return FORMS_TEXT[lang].registerTitle;
  if (route.page === "statistics") return m.navStatistics;
  if (route.page === "feedback") return m.navFeedback;
  return m.navHome;
}
