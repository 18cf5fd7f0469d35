/** The handling steps open to the signed-in staff member on this dossier (steps.ts), as buttons; the one
 * chosen opens its form, which sends the version the page showed, once. A paper issued is opened to print. */

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Procedure } from "../../shared/types";
import type { StaffMe } from "../api";
import type { Dossier } from "../counter/api";
import { Buttons, CorrectionsForm } from "../counter/Actions";
import { COUNTER_TEXT } from "../counter/text";
import { useSending } from "../counter/useSending";
import type { Lang } from "../i18n";
import type { PaperKind } from "../route";
import { proposal, takeStep, type Handling } from "./api";
import { ResultScanField, type ScanState } from "./ResultScan";
import { availableSteps, missingFields, stepBody, type FieldSpec, type StepSpec } from "./steps";
import { HANDLING_TEXT } from "./text";

interface Props {
  me: StaffMe;
  dossier: Dossier;
  handling: Handling;
  procedure: Procedure | null;
  lang: Lang;
  onPaper: (kind: PaperKind) => void;
  onDone: () => void;
  onStale: () => void;
}

export function Steps({ me, dossier, handling, procedure, lang, onPaper, onDone, onStale }: Props) {
  const t = HANDLING_TEXT[lang];
  const c = COUNTER_TEXT[lang];
  const [open, setOpen] = useState<StepSpec | null>(null);
  const [scan, setScan] = useState<ScanState>({ state: "none" });
  const stale = (): void => {
    setOpen(null);
    onStale();
  };
  const { busy, error, run } = useSending(lang, c.failed, stale);
  const steps = availableSteps(me, dossier, handling, t);
  if (steps.length === 0) return null;
  const send = (spec: StepSpec, fields: Record<string, unknown>): void =>
    run(
      () => takeStep(dossier.code, spec.step, dossier.version, fields),
      () => {
        setOpen(null);
        if (spec.paper) onPaper(spec.paper);
        else onDone();
      },
    );
  const props = { t: c, busy: busy || scan.state === "uploading", onCancel: () => setOpen(null) };
  // Issuing the result may name the scan uploaded for it.
  const withScan = (spec: StepSpec, body: Record<string, unknown>): Record<string, unknown> =>
    spec.step === "result" && scan.state === "held" ? { ...body, scan: scan.sha256 } : body;
  const choose = (spec: StepSpec): void => {
    setScan({ state: "none" });
    setOpen(spec);
  };
  return (
    <div class="card actions" data-testid="steps">
      <h2>{c.actions}</h2>
      {!open && (
        <div class="action-buttons">
          {steps.map((spec, index) => (
            <button key={spec.step} type="button" class={index === 0 ? "button" : "button-secondary"} onClick={() => choose(spec)}>
              {spec.label}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
      {open?.step === "propose-supplement" && procedure && (
        <>
          <h3>{open.label}</h3>
          {handling.supplementLastDay && <p class="hint">{t.supplementBy(handling.supplementLastDay.split("-").reverse().join("/"))}</p>}
          <CorrectionsForm {...props} procedure={procedure} lang={lang} onSend={(items, message) => send(open, proposal(items, message))} />
        </>
      )}
      {open && open.step !== "propose-supplement" && (
        <StepForm key={open.step} spec={open} lang={lang} {...props} onSend={(body) => send(open, withScan(open, body))}>
          {open.step === "result" && <ResultScanField lang={lang} scan={scan} onScan={setScan} />}
        </StepForm>
      )}
    </div>
  );
}

interface StepFormProps {
  spec: StepSpec;
  lang: Lang;
  busy: boolean;
  onCancel: () => void;
  onSend: (body: Record<string, unknown>) => void;
  children?: ComponentChildren; // what a step adds to its fields (the result's scan)
}

function StepForm(props: StepFormProps) {
  const { spec } = props;
  const t = HANDLING_TEXT[props.lang];
  const first = (f: FieldSpec): string => f.initial ?? (f.kind === "radio" && f.options ? f.options[0]?.[0] ?? "" : "");
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(spec.fields.map((f) => [f.name, first(f)])));
  const [missing, setMissing] = useState<string[]>([]);
  const set = (name: string, value: string): void => setValues({ ...values, [name]: value });
  const shown = spec.fields.filter((f) => !f.when || values[f.when[0]] === f.when[1]);
  return (
    <form
      class="form"
      aria-label={spec.label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const empty = missingFields(spec, values);
        setMissing(empty);
        if (empty.length === 0) props.onSend(stepBody(spec, values));
      }}
    >
      <h3>{spec.label}</h3>
      {shown.map((field) => (
        <Input key={field.name} field={field} value={values[field.name] ?? ""} missing={missing.includes(field.name) ? t.required : ""} onValue={(v) => set(field.name, v)} />
      ))}
      {props.children}
      <Buttons t={COUNTER_TEXT[props.lang]} busy={props.busy} onCancel={props.onCancel} />
    </form>
  );
}

function Input({ field, value, missing, onValue }: { field: FieldSpec; value: string; missing: string; onValue: (value: string) => void }) {
  const id = `step-${field.name}`;
  const described = [field.hint ? `${id}-hint` : "", missing ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-describedby": described, "aria-invalid": missing ? true : undefined, required: field.required };
  const after = (
    <>
      {field.hint && (
        <p id={`${id}-hint`} class="hint">
          {field.hint}
        </p>
      )}
      {missing && (
        <p id={`${id}-error`} class="field-error">
          {missing}
        </p>
      )}
    </>
  );
  if (field.kind === "radio") {
    return (
      <fieldset>
        <legend>{field.label}</legend>
        {field.options?.map(([option, label]) => (
          <label key={option} class="check">
            <input type="radio" name={id} value={option} checked={value === option} onChange={() => onValue(option)} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  const input = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement }): void => onValue(event.currentTarget.value);
  return (
    <>
      <label for={id}>{field.label}</label>
      {field.kind === "select" && (
        <select {...common} value={value} onChange={input}>
          <option value="">{field.placeholder}</option>
          {field.options?.map(([option, label]) => (
            <option key={option} value={option}>
              {label}
            </option>
          ))}
        </select>
      )}
      {(field.kind === "textarea" || field.kind === "lines") && <textarea {...common} value={value} maxLength={2000} onInput={input} />}
      {field.kind === "text" && <input {...common} type="text" value={value} maxLength={40} onInput={input} />}
      {field.kind === "date" && <input {...common} type="date" value={value} onInput={input} />}
      {after}
    </>
  );
}
