/** My feedback (#/phan-anh): every item the phone sent or keeps to send, newest first, with where it stands
 * (waiting for a connection, sent with its due date, overdue, answered with the answer); read offline from the
 * phone's copy, brought up to date when the server can be reached. */

import { useEffect, useState } from "preact/hooks";
import { listen } from "../../data/changes";
import { dropFeedback, listFeedback, retryFeedback, type StoredFeedback } from "../../data/feedback";
import { refreshFeedback } from "../../sync/feedback";
import { formatVietnamTime } from "../dossiers/format";
import type { Lang } from "../i18n";
import { sendOutbox } from "../outboxRunner";
import { href } from "../route";
import { dayMonth, FEEDBACK_TEXT, type FeedbackText } from "./text";
import "./feedback.css";

function useFeedback(online: boolean): StoredFeedback[] | null {
  const [items, setItems] = useState<StoredFeedback[] | null>(null);
  useEffect(() => {
    const read = (): void => void listFeedback().then(setItems);
    read();
    return listen((change) => {
      if (change.kind === "feedback") read();
    });
  }, []);
  useEffect(() => {
    if (online) refreshFeedback().catch((error: unknown) => console.warn("feedback not refreshed", error));
  }, [online]);
  return items;
}

export function FeedbackPage({ lang, online }: { lang: Lang; online: boolean }) {
  const t = FEEDBACK_TEXT[lang];
  const items = useFeedback(online);
  useEffect(() => {
    document.title = `${t.mine} — Một cửa`;
  }, [t]);
  return (
    <section class="feedback">
      <p class="dossier-back">
        <a href={href.inbox()}>
          <span aria-hidden="true">← </span>
          {t.backToInbox}
        </a>
      </p>
      <h2>{t.mine}</h2>
      {!online && <p class="dossier-hint">{t.offline}</p>}
      {items === null && <p class="status">…</p>}
      {items?.length === 0 && <p>{t.empty}</p>}
      {items && items.length > 0 && (
        <ul class="feedback-list" data-testid="feedback-list">
          {items.map((item) => (
            <Item key={item.id} item={item} lang={lang} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Item({ item, lang, t }: { item: StoredFeedback; lang: Lang; t: FeedbackText }) {
  const view = item.view;
  const about = view?.dossierCode ?? item.dossierCode ?? item.body.procedureCode ?? "";
  return (
    <li class="feedback-item" data-testid="feedback-item">
      <p>
        <strong>{t[item.body.kind]}</strong> · {about} {view && <span class="code">· {view.code}</span>}
      </p>
      <p class="feedback-text" lang="vi">
        {item.body.text}
      </p>
      <p class={`feedback-state feedback-${view?.state ?? item.pending?.state ?? "waiting"}`} data-testid="feedback-state">
        {state(item, t)}
      </p>
      {item.pending?.state === "attention" && (
        <>
          <p class="feedback-error">
            {t.refused} {item.pending.lastError?.[lang]}
          </p>
          <p class="dossier-actions">
            <button type="button" class="button" onClick={() => void retryFeedback(item.id).then(() => sendOutbox("force"))}>
              {t.retry}
            </button>
            <button type="button" class="button button-secondary" onClick={() => void dropFeedback(item.id)}>
              {t.drop}
            </button>
          </p>
        </>
      )}
      {view?.answer && (
        <div class="feedback-answer" data-testid="feedback-answer">
          <p>
            <strong>{t.answerFrom(view.unitName[lang])}</strong>
          </p>
          <p lang="vi">{view.answer}</p>
        </div>
      )}
    </li>
  );
}

function state(item: StoredFeedback, t: FeedbackText): string {
  const view = item.view;
  if (!view) return item.pending?.state === "attention" ? t.refused : t.waiting;
  if (view.state === "answered" && view.answeredAt) return t.answered(formatVietnamTime(view.answeredAt).slice(-10));
  if (view.state === "overdue") return `${t.sent}, ${t.overdue(dayMonth(view.dueDate))}`;
  return `${t.sent}, ${t.due(dayMonth(view.dueDate))}`;
}
