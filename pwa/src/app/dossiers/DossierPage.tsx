/** One of my dossiers (#/da-nop/<code>): status, history, the photos sent, and the receipt to show at
 * the counter or print, all from the phone's copy, refreshed when the server can be reached. */

import { useEffect } from "preact/hooks";
import type { StoredDossier } from "../../data/db";
import { markDossierRead } from "../../data/notices";
import type { Catalogue } from "../../shared/types";
import { formatBytes } from "../drafts/text";
import { formatDay, MESSAGES, type Lang } from "../i18n";
import { href } from "../route";
import { ReceiptView } from "./Receipt";
import { Freshness, procedureName } from "./SubmittedPage";
import { formatVietnamTime } from "./format";
import { DOSSIER_TEXT, statusLabel, type DossierText } from "./text";
import { useMyDossiers } from "./useMyDossiers";
import { CorrectionNotice, RefusalNotice } from "./CorrectionNotice";
import { Facts, HistoryList } from "./parts";
import { StopRequest } from "./StopRequest";
import { Rating } from "./Rating";
import "./dossiers.css";

interface Props {
  code: string;
  catalogue: Catalogue | null;
  lang: Lang;
  online: boolean;
}

export function DossierPage({ code, catalogue, lang, online }: Props) {
  const t = DOSSIER_TEXT[lang];
  const state = useMyDossiers(online);
  const dossier = state.dossiers?.find((d) => d.code === code);
  const name = dossier ? procedureName(dossier.procedureCode, catalogue, lang, dossier) : code;
  useEffect(() => {
    document.title = `${code} — ${t.title}`;
  }, [code, t]);
  // What the dossier's notices said is on the screen now (a notice arriving meanwhile is read too).
  useEffect(() => {
    if (dossier) void markDossierRead(code);
  }, [dossier?.fetchedAt, dossier !== undefined]);

  if (state.dossiers === null) {
    return (
      <p class="status" role="status">
        {t.loading}
      </p>
    );
  }
  if (!dossier) {
    return (
      <section class="dossier">
        <div class="dossier-notice" role="alert">
          <h2>{t.notFound}</h2>
          <p>{t.notFoundHint}</p>
          <p>
            <a href={href.tracking(code)}>{t.trackOther}</a>
          </p>
          <p>
            <a href={href.submitted()}>{t.backToList}</a>
          </p>
        </div>
      </section>
    );
  }
  const receipt = dossier.view?.receipt ?? null;
  return (
    <section class="dossier">
      <div class="no-print">
        <p class="dossier-back">
          <a href={href.submitted()}>
            <span aria-hidden="true">← </span>
            {t.backToList}
          </a>
        </p>
        <h2>{name}</h2>
        <p>
          <span class={`status-tag status-${dossier.status}`}>{statusLabel(dossier.status, t)}</span>
        </p>
        <Rating dossier={dossier} lang={lang} />
        <CorrectionNotice dossier={dossier} lang={lang} />
        <RefusalNotice dossier={dossier} lang={lang} />
        <ReadyNotice dossier={dossier} lang={lang} t={t} />
        <StopRequest dossier={dossier} lang={lang} />
        <DossierFacts dossier={dossier} lang={lang} t={t} />
        <Freshness state={state} online={online} t={t} />
        <History dossier={dossier} t={t} />
        <Attachments dossier={dossier} catalogue={catalogue} lang={lang} t={t} />
        <h3 class="dossier-section">{t.receiptTitle}</h3>
        {!receipt && <p>{t.noReceiptYet}</p>}
        {receipt && t.receiptLanguage && <p class="dossier-hint">{t.receiptLanguage}</p>}
      </div>
      {receipt && (
        <>
          <ReceiptView receipt={receipt} />
          <div class="dossier-actions no-print">
            <button type="button" class="button" data-testid="print-receipt" onClick={() => window.print()}>
              {t.print}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function DossierFacts({ dossier, lang, t }: { dossier: StoredDossier; lang: Lang; t: DossierText }) {
  const view = dossier.view;
  const m = MESSAGES[lang];
  const rows: [string, string][] = [[t.code, dossier.code]];
  if (view) rows.push([t.agency, view.agencyName[lang]]);
  if (view?.competentAgencyName) rows.push([t.competentAgency, view.competentAgencyName[lang]]);
  rows.push([t.submittedAt, formatVietnamTime(dossier.submittedAt)]);
  if (view?.receivedAt) rows.push([t.receivedAt, formatVietnamTime(view.receivedAt)]);
  if (view?.appointmentDate) rows.push([t.appointment, formatDay(view.appointmentDate, m)]);
  const change = view?.appointmentChange;
  return (
    <>
      <Facts rows={rows} />
      {change && (
        <p class="dossier-hint" data-testid="new-date-why">
          {t.newDateWhy[change.kind](change.previous.split("-").reverse().join("/"))}
          {change.kind === "extended" && change.reason && (
            <>
              {" "}
              <span lang="vi">{change.reason}</span>
            </>
          )}
        </p>
      )}
    </>
  );
}

/** Where to collect a result that is ready, and what to bring. */
function ReadyNotice({ dossier, lang, t }: { dossier: StoredDossier; lang: Lang; t: DossierText }) {
  if (dossier.status !== "ready" || !dossier.view) return null;
  return (
    <section class="dossier-notice" aria-labelledby="ready-title" data-testid="ready">
      <h3 id="ready-title">{t.readyTitle}</h3>
      <p>{t.readyWhere(dossier.view.agencyName[lang])}</p>
      <p>{t.readyBring}</p>
    </section>
  );
}

function History({ dossier, t }: { dossier: StoredDossier; t: DossierText }) {
  const history = dossier.view?.history ?? [];
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title" class="dossier-section">
        {t.historyTitle}
      </h3>
      <HistoryList events={history} t={t} />
    </section>
  );
}

function Attachments({ dossier, catalogue, lang, t }: { dossier: StoredDossier; catalogue: Catalogue | null; lang: Lang; t: DossierText }) {
  const attachments = dossier.view?.attachments;
  if (!attachments) return null;
  const documents = catalogue?.procedures.find((p) => p.code === dossier.procedureCode)?.documents ?? [];
  return (
    <section aria-labelledby="attachments-title">
      <h3 id="attachments-title" class="dossier-section">
        {t.attachmentsTitle}
      </h3>
      {attachments.length === 0 && <p>{t.noAttachments}</p>}
      <ul class="plain-list">
        {attachments.map((file) => (
          <li key={file.slot}>
            <span lang="vi">{documents.find((doc) => doc.key === file.slot)?.name ?? file.slot}</span>
            {` · ${formatBytes(file.size, lang)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
