/** "Hồ sơ đã nộp": submissions still waiting in the outbox on top, then the dossiers the server has
 * confirmed, from the phone's copy (offline too) refreshed from the server when it can be reached. */

import { useEffect } from "preact/hooks";
import type { StoredDossier } from "../../data/db";
import type { Catalogue } from "../../shared/types";
import { formatDay, formatTime, MESSAGES, type Lang } from "../i18n";
import { NoticeOffer } from "../notices/NoticeOffer";
import { href } from "../route";
import { OutboxItem } from "./OutboxItem";
import { formatVietnamTime } from "./format";
import { DOSSIER_TEXT, statusLabel, type DossierText } from "./text";
import { bytesSent, useMyDossiers, type MyDossiers } from "./useMyDossiers";
import "./dossiers.css";

interface Props {
  catalogue: Catalogue | null;
  lang: Lang;
  online: boolean;
}

/** The procedure's name from the server's view, else from the catalogue, else its code. */
export function procedureName(code: string, catalogue: Catalogue | null, lang: Lang, dossier?: StoredDossier): string {
  return dossier?.view?.procedureName[lang] ?? catalogue?.procedures.find((p) => p.code === code)?.name[lang] ?? code;
}

/** "Cập nhật lúc …", or why the copy on the phone is what is shown. */
export function Freshness({ state, online, t }: { state: MyDossiers; online: boolean; t: DossierText }) {
  const times = (state.dossiers ?? []).map((d) => d.fetchedAt).filter((at): at is string => at !== null);
  const latest = times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null;
  return (
    <div class="dossier-freshness" role="status">
      <p>{latest ? t.updatedAt(formatTime(latest)) : t.neverUpdated}</p>
      {state.refreshing && <p>{t.refreshing}</p>}
      {!state.refreshing && !online && <p>{t.offlineCache}</p>}
      {!state.refreshing && online && state.failed && <p>{t.refreshFailed}</p>}
    </div>
  );
}

export function SubmittedPage({ catalogue, lang, online }: Props) {
  const t = DOSSIER_TEXT[lang];
  const state = useMyDossiers(online);
  useEffect(() => {
    document.title = `${t.title} — Một cửa`;
  }, [t]);

  return (
    <section class="dossiers">
      <h2>{t.title}</h2>
      {state.dossiers && state.dossiers.length > 0 && <NoticeOffer lang={lang} where="submitted" />}
      {state.outbox === null && (
        <p class="status" role="status">
          {t.loading}
        </p>
      )}
      {state.outbox && state.outbox.length > 0 && (
        <section class="outbox" aria-labelledby="outbox-title">
          <h3 id="outbox-title">{t.outboxTitle}</h3>
          <p class="dossier-hint">{t.outboxHint}</p>
          <ul class="dossier-list">
            {state.outbox.map((entry) => (
              <OutboxItem
                key={entry.submissionId}
                entry={entry}
                name={procedureName(entry.body.procedureCode, catalogue, lang)}
                sent={bytesSent(entry, state.live)}
                online={online}
                lang={lang}
                t={t}
              />
            ))}
          </ul>
        </section>
      )}
      <section class="mine" aria-labelledby="mine-title">
        <h3 id="mine-title">{t.mineTitle}</h3>
        {state.dossiers && state.dossiers.length > 0 && <Freshness state={state} online={online} t={t} />}
        {state.dossiers?.length === 0 && <p>{t.mineEmpty}</p>}
        {state.dossiers && state.dossiers.length > 0 && (
          <ul class="dossier-list">
            {state.dossiers.map((dossier) => (
              <DossierItem key={dossier.code} dossier={dossier} catalogue={catalogue} lang={lang} t={t} />
            ))}
          </ul>
        )}
      </section>
      <p class="dossier-more">
        <a href={href.tracking()}>{t.trackOther}</a>
      </p>
    </section>
  );
}

interface ItemProps {
  dossier: StoredDossier;
  catalogue: Catalogue | null;
  lang: Lang;
  t: DossierText;
}

function DossierItem({ dossier, catalogue, lang, t }: ItemProps) {
  const appointment = dossier.view?.appointmentDate ?? null;
  return (
    <li class="dossier-item" data-testid="dossier-item" data-code={dossier.code} data-status={dossier.status}>
      <a class="dossier-item-name" href={href.dossier(dossier.code)}>
        {procedureName(dossier.procedureCode, catalogue, lang, dossier)}
      </a>
      <p class="dossier-item-status">
        <span class={`status-tag status-${dossier.status}`}>{statusLabel(dossier.status, t)}</span>
      </p>
      <dl class="dossier-item-facts">
        <div>
          <dt>{t.code}</dt>
          <dd class="code">{dossier.code}</dd>
        </div>
        <div>
          <dt>{t.submittedAt}</dt>
          <dd>{formatVietnamTime(dossier.submittedAt)}</dd>
        </div>
        {appointment && (
          <div>
            <dt>{t.appointment}</dt>
            <dd>{formatDay(appointment, MESSAGES[lang])}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
