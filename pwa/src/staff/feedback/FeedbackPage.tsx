/** Phản ánh, kiến nghị (/staff/phan-anh): the unit's items waiting for an answer, overdue first, each with its
 * due date and an answer form; the latest answered ones; and a form to record feedback given at the counter. */

import { useEffect, useState } from "preact/hooks";
import type { Lang, StaffMessages } from "../i18n";
import { errorText } from "../problem";
import { answerItem, listItems, recordItem, type Item, type Items } from "./api";
import { day, FEEDBACK_TEXT, moment, type FeedbackText } from "./text";
import "./feedback.css";

interface Props {
  lang: Lang;
  m: StaffMessages;
}

export default function FeedbackPage({ lang, m }: Props) {
  const t = FEEDBACK_TEXT[lang];
  const [items, setItems] = useState<Items | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const load = (): void => {
    listItems().then(
      (got) => {
        setItems(got);
        setError(null);
      },
      (failure: unknown) => setError(errorText(failure, m, lang)),
    );
  };
  useEffect(load, []);
  const done = (message: string): void => {
    setSaid(message);
    load();
  };
  return (
    <section class="feedback-page">
      <h1 tabIndex={-1}>{t.title}</h1>
      {said && (
        <p role="status" class="success" data-testid="feedback-said">
          {said}
        </p>
      )}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
      {!items && !error && <p role="status">{m.loading}</p>}
      {items && (
        <>
          <h2>
            {t.open} ({items.open.length})
          </h2>
          {items.open.length === 0 && <p>{t.none}</p>}
          <ul class="feedback-items" data-testid="feedback-open">
            {items.open.map((item) => (
              <OpenItem key={item.id} item={item} t={t} m={m} lang={lang} onAnswered={() => done(t.sent(item.code))} />
            ))}
          </ul>
          <h2>{t.answered}</h2>
          {items.answered.length === 0 && <p>{t.noneAnswered}</p>}
          <ul class="feedback-items" data-testid="feedback-answered">
            {items.answered.map((item) => (
              <li key={item.id} class="feedback-card">
                <Facts item={item} t={t} />
                <p class="feedback-answer">{item.answer}</p>
                <p class="hint">{item.answeredAt && t.answeredBy(item.answeredBy, moment(item.answeredAt))}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <RecordForm t={t} m={m} lang={lang} onRecorded={(item) => done(t.recorded(item.code, day(item.dueDate)))} />
    </section>
  );
}

function Facts({ item, t }: { item: Item; t: FeedbackText }) {
  return (
    <>
      <p>
        <strong>{item.code}</strong> · {t[item.kind]} · {t[item.channel]} · {t.received(moment(item.receivedAt))}
      </p>
      <p class={item.state === "overdue" ? "feedback-overdue" : "feedback-due"} data-testid="feedback-due">
        {item.state === "answered" ? null : item.state === "overdue" ? t.overdue(day(item.dueDate)) : t.due(day(item.dueDate))}
      </p>
      {(item.dossierCode ?? item.procedureCode) && (
        <p>
          {item.dossierCode ? `${t.dossier}: ${item.dossierCode}` : `${t.procedure}: ${item.procedureCode ?? ""}`}
        </p>
      )}
      <p class="feedback-text">{item.text}</p>
      {(item.contactName || item.contactPhone) && (
        <p>
          {t.contact}: {[item.contactName, item.contactPhone].filter(Boolean).join(", ")}
        </p>
      )}
      {item.recordedBy && <p class="hint">{t.recordedBy(item.recordedBy)}</p>}
    </>
  );
}

interface OpenProps {
  item: Item;
  t: FeedbackText;
  m: StaffMessages;
  lang: Lang;
  onAnswered: () => void;
}

function OpenItem({ item, t, m, lang, onAnswered }: OpenProps) {
  const [answer, setAnswer] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `answer-${item.code}`;
  const send = (event: Event): void => {
    event.preventDefault();
    setBusy(true);
    answerItem(item.code, answer).then(onAnswered, (failure: unknown) => {
      setError(errorText(failure, m, lang));
      setBusy(false);
    });
  };
  return (
    <li class="feedback-card" data-testid="feedback-item">
      <Facts item={item} t={t} />
      <form onSubmit={send}>
        <label for={id}>{t.answerLabel(item.code)}</label>
        <textarea id={id} rows={3} maxLength={4000} required value={answer} onInput={(event) => setAnswer(event.currentTarget.value)} />
        {error && (
          <p role="alert" class="error-box">
            {error}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t.answerSend}
        </button>
      </form>
    </li>
  );
}

interface RecordProps {
  t: FeedbackText;
  m: StaffMessages;
  lang: Lang;
  onRecorded: (item: Item) => void;
}

function RecordForm({ t, m, lang, onRecorded }: RecordProps) {
  const [kind, setKind] = useState<Item["kind"]>("report");
  const [fields, setFields] = useState({ text: "", dossierCode: "", procedureCode: "", contactName: "", contactPhone: "" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [id, setId] = useState(() => crypto.randomUUID());
  const input = (name: keyof typeof fields, label: string, inputMode: "text" | "tel" = "text") => (
    <>
      <label for={`record-${name}`}>{label}</label>
      <input id={`record-${name}`} type="text" inputMode={inputMode} value={fields[name]} onInput={(event) => setFields({ ...fields, [name]: event.currentTarget.value })} />
    </>
  );
  const send = (event: Event): void => {
    event.preventDefault();
    setBusy(true);
    const optional = Object.fromEntries(Object.entries(fields).filter(([name, value]) => name !== "text" && value.trim() !== ""));
    recordItem({ id, kind, text: fields.text, ...optional }).then(
      (item) => {
        setFields({ text: "", dossierCode: "", procedureCode: "", contactName: "", contactPhone: "" });
        setId(crypto.randomUUID());
        setError(null);
        setBusy(false);
        onRecorded(item);
      },
      (failure: unknown) => {
        setError(errorText(failure, m, lang));
        setBusy(false);
      },
    );
  };
  return (
    <form class="feedback-record" onSubmit={send} data-testid="feedback-record">
      <h2>{t.recordTitle}</h2>
      <fieldset>
        <legend>{t.kind}</legend>
        {(["report", "proposal"] as const).map((value) => (
          <label key={value} class="feedback-choice">
            <input type="radio" name="record-kind" checked={kind === value} onChange={() => setKind(value)} /> {t[value]}
          </label>
        ))}
      </fieldset>
      <label for="record-text">{t.text}</label>
      <textarea id="record-text" rows={3} maxLength={2000} required value={fields.text} onInput={(event) => setFields({ ...fields, text: event.currentTarget.value })} />
      {input("dossierCode", t.dossierCode)}
      {input("procedureCode", t.procedureCode)}
      {input("contactName", t.name)}
      {input("contactPhone", t.phone, "tel")}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
      <button type="submit" class="button" disabled={busy}>
        {t.record}
      </button>
    </form>
  );
}
