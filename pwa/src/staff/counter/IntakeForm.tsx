/** The dossier at the counter once its procedure is chosen: how it came and the VNeID check, the procedure's
 * own form (the phone's fields and messages), a scan per paper, and "Tiếp nhận hồ sơ", which sends once. */

import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { fieldId, type AnswerProblem } from "../../shared/form/answers";
import { ErrorSummary } from "../../shared/form/ErrorSummary";
import { FormField } from "../../shared/form/FormField";
import type { Bilingual, Form, Procedure } from "../../shared/types";
import { todayInVietnam } from "../../shared/vietnamTime";
import type { Lang } from "../i18n";
import { COUNTER, intakeProblems, scanSlots, shortName, type IntakeAnswer } from "./intake";
import type { IntakeDraft, Scan } from "./intakeDraft";
import { sendIntake, type Refusal } from "./intakeSend";
import { INTAKE_TEXT, type IntakeText } from "./intakeText";
import { ScanSlot } from "./ScanSlot";
import { useHasCamera } from "./Webcam";

interface Props {
  procedure: Procedure;
  counterForm: Form;
  draft: IntakeDraft;
  /** The draft as it is now, for the steps of a send that outlive a render. */
  current: () => IntakeDraft;
  onAnswer: (section: string, field: string, value: unknown) => void;
  onCounter: (field: string, value: unknown) => void;
  onScan: (slot: string, blob: Blob, name: string) => Promise<void>;
  onRemoveScan: (slot: string) => void;
  onUploaded: (scan: Scan) => void;
  onDone: (answer: IntakeAnswer) => void;
  lang: Lang;
  t: IntakeText;
}

/** Required papers without a scan, and scans the server refused, as problems of their slots. */
function scanProblems(procedure: Procedure, scans: Record<string, Scan>): AnswerProblem[] {
  const t = INTAKE_TEXT;
  const problems: AnswerProblem[] = [];
  for (const doc of scanSlots(procedure)) {
    const scan = scans[doc.key];
    const name = shortName(doc.name);
    if (scan?.state === "refused" && scan.error) problems.push({ path: `documents.${doc.key}`, message: scan.error });
    else if (!scan && doc.upload === "required") {
      problems.push({ path: `documents.${doc.key}`, message: { vi: t.vi.scanMissing(name), en: t.en.scanMissing(name) } });
    }
  }
  return problems;
}

export function IntakeForm(props: Props) {
  const { procedure, counterForm, draft, lang, t } = props;
  const code = procedure.code;
  const answers = draft.answers[code] ?? {};
  const counter = draft.counter[code] ?? {};
  const scans = draft.scans[code] ?? {};
  const camera = useHasCamera();
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<AnswerProblem[]>([]);
  const [general, setGeneral] = useState<Bilingual | null>(null);
  const [attempt, setAttempt] = useState(0);

  const errorAt = (path: string): string | null => shown.find((p) => p.path === path)?.message[lang] ?? null;
  const fixed = (path: string): void => setShown((all) => all.filter((p) => p.path !== path));
  const refused = (refusal: Refusal): void => {
    setShown(refusal.problems);
    setGeneral(refusal.message);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (sending.current) return; // a second click while the first is on its way
    const today = todayInVietnam();
    const problems = [
      ...intakeProblems(procedure, answers, counterForm, counter, today),
      ...scanProblems(procedure, scans),
    ];
    if (problems.length > 0) return refused({ problems, message: null });
    sending.current = true;
    setBusy(true);
    setGeneral(null);
    try {
      const outcome = await sendIntake(procedure, props.current, props.onUploaded);
      if ("code" in outcome) props.onDone(outcome);
      else refused(outcome);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const fieldText = { choose: t.chooseOption, errorPrefix: t.errorPrefix };
  const setCounter = (_: string, field: string, value: unknown): void => props.onCounter(field, value);
  type Values = Record<string, Record<string, unknown>>;
  const drawn = (form: Form, values: Values, set: (s: string, f: string, v: unknown) => void, only = (_: string) => true) =>
    form.ui.sections.map((section) => (
      <Section key={section.key} title={section.key === COUNTER ? null : section.title[lang]} hint={section.description?.[lang]}>
        {section.fields.filter((field) => only(field.key)).map((field) => {
          const path = `${section.key}.${field.key}`;
          const schema = form.schema.properties[section.key]?.properties[field.key];
          if (!schema) return null;
          return (
            <FormField
              key={path}
              path={path}
              field={field}
              schema={schema}
              value={values[section.key]?.[field.key]}
              error={errorAt(path)}
              lang={lang}
              t={fieldText}
              onChange={(value) => {
                set(section.key, field.key, value);
                fixed(path);
              }}
            />
          );
        })}
      </Section>
    ));

  return (
    <form class="intake-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary
        problems={shown}
        attempt={attempt}
        target={(problem) => fieldId(problem.path)}
        lang={lang}
        title={t.errorSummary}
        heading="h2"
      />
      <div class="intake-layout">
        <div>
          <section class="card intake-card" aria-labelledby="intake-how">
            <h2 id="intake-how">{t.howTitle}</h2>
            {drawn(counterForm, { [COUNTER]: counter }, setCounter, (key) => key !== "receipt")}
          </section>
          <section class="card intake-card" aria-labelledby="intake-answers">
            <h2 id="intake-answers">{t.formTitle}</h2>
            {drawn(procedure.form, answers, props.onAnswer)}
          </section>
        </div>
        <div>
          {scanSlots(procedure).length > 0 && (
            <section class="card intake-card" aria-labelledby="intake-scans">
              <h2 id="intake-scans">{t.scansTitle}</h2>
              <p class="hint">{t.scansHint}</p>
              {scanSlots(procedure).map((doc) => (
                <ScanSlot
                  key={doc.key}
                  doc={doc}
                  scan={scans[doc.key]}
                  error={errorAt(`documents.${doc.key}`)}
                  camera={camera}
                  busy={busy}
                  onScan={(blob, name) => {
                    fixed(`documents.${doc.key}`);
                    void props.onScan(doc.key, blob, name);
                  }}
                  onRemove={() => props.onRemoveScan(doc.key)}
                  lang={lang}
                  t={t}
                />
              ))}
            </section>
          )}
          <section class="card intake-card" aria-labelledby="intake-send">
            <h2 id="intake-send">{t.sendTitle}</h2>
            <p class="hint">{procedure.processing.workingDays === 0 ? t.sameDay : t.receiptAlways}</p>
            {drawn(counterForm, { [COUNTER]: counter }, setCounter, (key) => key === "receipt")}
            {general && (
              <p class="error-box" role="alert">
                {general[lang]}
              </p>
            )}
            <button type="submit" class="button intake-submit" aria-disabled={busy ? "true" : undefined}>
              {busy ? t.sending : t.submit}
            </button>
          </section>
        </div>
      </div>
    </form>
  );
}

function Section({ title, hint, children }: { title: string | null; hint: string | undefined; children: ComponentChildren }) {
  return (
    <div class="intake-section">
      {title && <h3>{title}</h3>}
      {hint && <p class="hint">{hint}</p>}
      {children}
    </div>
  );
}
