/** Public tracking (#/tra-cuu, #/tra-cuu/<code> from the receipt's QR code): code and phone number in,
 * status and dates out. It needs the network, and says so rather than failing silently. */

import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../data/api";
import { normaliseDossierCode, trackDossier } from "../../data/intake";
import type { TrackingView } from "../../shared/types";
import { fieldId } from "../drafts/steps";
import { formatDay, MESSAGES, type Lang } from "../i18n";
import { formatVietnamTime } from "./format";
import { DOSSIER_TEXT, formatWait, statusLabel, type DossierText } from "./text";
import { Facts, HistoryList } from "./parts";
import "../../shared/form/forms.css";
import "./dossiers.css";

interface Props {
  code: string | null;
  lang: Lang;
  online: boolean;
}

type Outcome = { kind: "idle" } | { kind: "busy" } | { kind: "found"; view: TrackingView } | { kind: "failed"; message: string };

function explain(error: unknown, t: DossierText, lang: Lang): string {
  if (!(error instanceof ApiError) || error.kind === "network") return t.needsNetwork;
  if (error.status === 404) return t.trackNotFound;
  if (error.status === 429) return t.tooMany(error.retryAfter === null ? null : formatWait(error.retryAfter, t));
  if (error.status === 422 || error.status === 400) return error.problem?.message[lang] ?? t.trackNotFound;
  return t.serverError;
}

export function TrackingPage({ code: initialCode, lang, online }: Props) {
  const t = DOSSIER_TEXT[lang];
  const [code, setCode] = useState(initialCode ?? "");
  const [phone, setPhone] = useState("");
  const [missing, setMissing] = useState<{ code: boolean; phone: boolean }>({ code: false, phone: false });
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const result = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t.trackTitle} — Một cửa`;
  }, [t]);
  useEffect(() => {
    if (outcome.kind === "found") result.current?.focus();
  }, [outcome]);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const wanted = { code: normaliseDossierCode(code), phone: phone.trim() };
    const gaps = { code: wanted.code === "", phone: wanted.phone === "" };
    setMissing(gaps);
    if (gaps.code || gaps.phone) return setOutcome({ kind: "idle" });
    if (!navigator.onLine) return setOutcome({ kind: "failed", message: t.needsNetwork });
    setOutcome({ kind: "busy" });
    try {
      setOutcome({ kind: "found", view: await trackDossier(wanted.code, wanted.phone) });
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(error);
      setOutcome({ kind: "failed", message: explain(error, t, lang) });
    }
  };

  const codeId = fieldId("tracking.code");
  const phoneId = fieldId("tracking.phone");
  return (
    <section class="tracking">
      <h2>{t.trackTitle}</h2>
      <p>{t.trackIntro}</p>
      {!online && <p class="dossier-notice-inline">{t.needsNetwork}</p>}
      <form class="tracking-form" noValidate onSubmit={(e) => void submit(e)}>
        <div class={`field${missing.code ? " field-invalid" : ""}`}>
          <label class="field-label" for={codeId}>
            {t.codeLabel}
          </label>
          <p id={`${codeId}-help`} class="field-help">
            {t.codeHint}
          </p>
          {missing.code && (
            <p id={`${codeId}-error`} class="field-error">
              {t.codeMissing}
            </p>
          )}
          <input
            id={codeId}
            class="field-input code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            aria-invalid={missing.code ? "true" : undefined}
            aria-describedby={missing.code ? `${codeId}-help ${codeId}-error` : `${codeId}-help`}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </div>
        <div class={`field${missing.phone ? " field-invalid" : ""}`}>
          <label class="field-label" for={phoneId}>
            {t.phoneLabel}
          </label>
          <p id={`${phoneId}-help`} class="field-help">
            {t.phoneHint}
          </p>
          {missing.phone && (
            <p id={`${phoneId}-error`} class="field-error">
              {t.phoneMissing}
            </p>
          )}
          <input
            id={phoneId}
            class="field-input"
            type="tel"
            inputMode="tel"
            autocomplete="tel"
            value={phone}
            aria-invalid={missing.phone ? "true" : undefined}
            aria-describedby={missing.phone ? `${phoneId}-help ${phoneId}-error` : `${phoneId}-help`}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={outcome.kind === "busy"}>
          {t.track}
        </button>
      </form>
      <div class="tracking-outcome" aria-live="polite">
        {outcome.kind === "busy" && <p class="status">{t.tracking}</p>}
        {outcome.kind === "failed" && (
          <p class="dossier-notice-inline" role="alert">
            {outcome.message}
          </p>
        )}
      </div>
      {outcome.kind === "found" && <Result view={outcome.view} heading={result} lang={lang} t={t} />}
    </section>
  );
}

interface ResultProps {
  view: TrackingView;
  heading: RefObject<HTMLHeadingElement | null>;
  lang: Lang;
  t: DossierText;
}

function Result({ view, heading, lang, t }: ResultProps) {
  const m = MESSAGES[lang];
  const rows: [string, string][] = [
    [t.code, view.code],
    [t.procedure, view.procedureName[lang]],
    [t.agency, view.agencyName[lang]],
    [t.submittedAt, formatVietnamTime(view.submittedAt)],
  ];
  if (view.competentAgencyName) rows.splice(3, 0, [t.competentAgency, view.competentAgencyName[lang]]);
  if (view.receivedAt) rows.push([t.receivedAt, formatVietnamTime(view.receivedAt)]);
  if (view.appointmentDate) rows.push([t.appointment, formatDay(view.appointmentDate, m)]);
  return (
    <section class="tracking-result" data-testid="tracking-result" data-status={view.status} aria-labelledby="tracking-result-title">
      <h3 id="tracking-result-title" ref={heading} tabIndex={-1}>
        {t.resultTitle}
      </h3>
      <p>
        <span class={`status-tag status-${view.status}`}>{statusLabel(view.status, t)}</span>
      </p>
      <Facts rows={rows} />
      {view.history.length > 0 && (
        <>
          <h4 class="dossier-section">{t.historyTitle}</h4>
          <HistoryList events={view.history} t={t} />
        </>
      )}
    </section>
  );
}
