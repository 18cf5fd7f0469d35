/** The officer's three answers to a submitted dossier: Tiếp nhận, Yêu cầu bổ sung (every answer and
 * document to correct, a note each), Từ chối (reasons); each sends the version loaded, once. */

import { useState } from "preact/hooks";
import type { Procedure } from "../../shared/types";
import type { Lang } from "../i18n";
import type { PaperKind } from "../route";
import { accept, refuse, requestCorrections, type ActionAnswer, type CorrectionItem, type Dossier } from "./api";
import { COUNTER_TEXT, type CounterText } from "./text";
import { useSending } from "./useSending";

type Mode = "none" | "accept" | "corrections" | "refuse";

interface Props {
  dossier: Dossier;
  procedure: Procedure | null;
  lang: Lang;
  onDone: (kind: PaperKind) => void;
  onStale: () => void;
}

export function Actions({ dossier, procedure, lang, onDone, onStale }: Props) {
  const t = COUNTER_TEXT[lang];
  const [mode, setMode] = useState<Mode>("none");
  const stale = (): void => {
    setMode("none");
    onStale();
  };
  const { busy, error, run: send } = useSending(lang, t.failed, stale);
  const run = (kind: PaperKind, request: () => Promise<ActionAnswer>): void => send(request, () => onDone(kind));
  const props = { t, busy, onCancel: () => setMode("none") };

  return (
    <div class="card actions" data-testid="actions">
      <h2>{t.actions}</h2>
      {mode === "none" && (
        <div class="action-buttons">
          <button type="button" class="button" onClick={() => setMode("accept")}>
            {t.accept}
          </button>
          <button type="button" class="button-secondary" onClick={() => setMode("corrections")}>
            {t.askCorrections}
          </button>
          <button type="button" class="button-secondary" onClick={() => setMode("refuse")}>
            {t.refuse}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
      {mode === "accept" && <AcceptForm {...props} onSend={(note) => run("01", () => accept(dossier.code, dossier.version, note))} />}
      {mode === "corrections" && procedure && (
        <CorrectionsForm
          {...props}
          procedure={procedure}
          lang={lang}
          onSend={(items, message) => run("02", () => requestCorrections(dossier.code, dossier.version, items, message))}
        />
      )}
      {mode === "refuse" && (
        <RefuseForm {...props} onSend={(reasons, note) => run("03", () => refuse(dossier.code, dossier.version, reasons, note))} />
      )}
    </div>
  );
}

export interface FormProps {
  t: CounterText;
  busy: boolean;
  onCancel: () => void;
}

export function Buttons({ t, busy, onCancel }: FormProps) {
  return (
    <div class="action-buttons">
      <button type="submit" class="button" disabled={busy}>
        {busy ? t.sending : t.send}
      </button>
      <button type="button" class="button-secondary" disabled={busy} onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}

function AcceptForm(props: FormProps & { onSend: (note: string) => void }) {
  const [note, setNote] = useState("");
  return (
    <form
      class="form"
      aria-label={props.t.accept}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSend(note);
      }}
    >
      <label>
        {props.t.acceptNote}
        <textarea value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <Buttons {...props} />
    </form>
  );
}

type Ticked = Record<string, { item: CorrectionItem; label: string } | undefined>;

export function CorrectionsForm(props: FormProps & { procedure: Procedure; lang: Lang; onSend: (items: CorrectionItem[], message: string) => void }) {
  const { t, procedure, lang } = props;
  const [ticked, setTicked] = useState<Ticked>({});
  const [message, setMessage] = useState("");
  const [missing, setMissing] = useState(false);
  const sections = procedure.form.ui.sections.map((section) => ({
    title: section.title[lang],
    choices: section.fields.map((field) => {
      const path = `${section.key}.${field.key}`;
      return { id: `field:${path}`, label: field.label[lang], item: { kind: "field", path, note: "" } as CorrectionItem };
    }),
  }));
  const documents = procedure.documents.map((doc) => ({
    id: `document:${doc.key}`,
    label: doc.name,
    item: { kind: "document", slot: doc.key, note: "" } as CorrectionItem,
  }));
  const toggle = (id: string, label: string, item: CorrectionItem): void => setTicked({ ...ticked, [id]: ticked[id] ? undefined : { item, label } });
  const note = (id: string, text: string): void => {
    const entry = ticked[id];
    if (entry) setTicked({ ...ticked, [id]: { ...entry, item: { ...entry.item, note: text } } });
  };
  const choice = ({ id, label, item }: { id: string; label: string; item: CorrectionItem }) => (
    <li key={id}>
      <label class="check">
        <input type="checkbox" checked={Boolean(ticked[id])} onChange={() => toggle(id, label, item)} />
        <span lang={item.kind === "document" ? "vi" : undefined}>{label}</span>
      </label>
      {ticked[id] && (
        <label class="item-note">
          {t.noteFor(label)}
          <input type="text" maxLength={2000} value={ticked[id]?.item.note ?? ""} onInput={(e) => note(id, e.currentTarget.value)} />
        </label>
      )}
    </li>
  );
  return (
    <form
      class="form"
      aria-label={t.askCorrections}
      onSubmit={(event) => {
        event.preventDefault();
        const items = Object.values(ticked).flatMap((entry) => (entry ? [entry.item] : []));
        setMissing(items.length === 0);
        if (items.length > 0) props.onSend(items, message);
      }}
    >
      <p class="hint">{t.correctionsHint}</p>
      {missing && (
        <p role="alert" class="error-box">
          {t.pickOne}
        </p>
      )}
      {sections.map((section) => (
        <fieldset key={section.title}>
          <legend>{section.title}</legend>
          <ul class="choices">{section.choices.map(choice)}</ul>
        </fieldset>
      ))}
      <fieldset>
        <legend>{t.documents}</legend>
        <ul class="choices">{documents.map(choice)}</ul>
      </fieldset>
      <label>
        {t.message}
        <textarea value={message} maxLength={2000} onInput={(e) => setMessage(e.currentTarget.value)} />
      </label>
      <Buttons {...props} />
    </form>
  );
}

function RefuseForm(props: FormProps & { onSend: (reasons: string[], note: string) => void }) {
  const { t } = props;
  const [reasons, setReasons] = useState("");
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="form"
      aria-label={t.refuse}
      onSubmit={(event) => {
        event.preventDefault();
        const lines = reasons.split("\n").map((line) => line.trim()).filter(Boolean);
        setMissing(lines.length === 0);
        if (lines.length > 0) props.onSend(lines, note);
      }}
    >
      {missing && (
        <p role="alert" class="error-box">
          {t.reasonRequired}
        </p>
      )}
      <label>
        {t.reasons}
        <textarea value={reasons} maxLength={2000} aria-describedby="reasons-hint" onInput={(e) => setReasons(e.currentTarget.value)} />
      </label>
      <p id="reasons-hint" class="hint">
        {t.reasonsHint}
      </p>
      <label>
        {t.internalNote}
        <textarea value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <Buttons {...props} />
    </form>
  );
}
