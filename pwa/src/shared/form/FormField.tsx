/** One question of a form, drawn from its widget: label, help, the input, and its error message; the
 * citizen's draft and the counter's intake both draw their forms with it (and style it with forms.css).
 * Values are stored typed (integers as numbers, ticks as true/false); an emptied answer is `undefined`. */

import { kindOf, tidy, type Kind } from "../answerText";
import type { Lang } from "../lang";
import type { FieldSchema, UiField } from "../types";
import { todayInVietnam } from "../vietnamTime";
import { fieldId } from "./answers";

/** The few words of the field itself, in the app's language. */
export interface FieldText {
  /** The empty choice of a list: "— Chọn —". */
  choose: string;
  /** Read before an error message by screen readers: "Lỗi:". */
  errorPrefix: string;
}

interface Props {
  path: string;
  field: UiField;
  schema: FieldSchema;
  value: unknown;
  error: string | null;
  lang: Lang;
  t: FieldText;
  onChange: (value: unknown) => void;
}

/** Blank text is no answer: removing the key makes "required" apply rather than "too_short". */
const textValue = (raw: string): string | undefined => (raw.trim() === "" ? undefined : raw);
/** The answer as it will be kept (and printed): tidied as the server tidies it, see shared/answerText. */
const tidied = (raw: string, kind: Kind): string | undefined => tidy(raw, kind) || undefined;

/** Digits become an integer; anything else is kept as typed so the validator can say what is wrong. */
function integerValue(raw: string): unknown {
  const text = raw.trim();
  if (text === "") return undefined;
  return /^-?\d{1,15}$/.test(text) ? Number(text) : raw;
}

const shown = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

/** Option keys are the enum's values; an integer field's keys are numbers written as text. */
const optionValue = (schema: FieldSchema, key: string): unknown => (schema.type === "integer" ? Number(key) : key);

export function FormField(props: Props) {
  const { path, field, error, lang, t } = props;
  const id = fieldId(path);
  const describedBy = [field.help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const help = field.help && (
    <p id={`${id}-help`} class="field-help">
      {field.help[lang]}
    </p>
  );
  const message = <FieldError id={id} error={error} prefix={t.errorPrefix} />;
  const a11y: A11y = { "aria-invalid": error ? "true" : undefined, "aria-describedby": describedBy };

  if (field.widget === "radio" || field.widget === "checkbox") {
    return (
      <div class={`field${error ? " field-invalid" : ""}`}>
        {field.widget === "radio" ? (
          <fieldset class="field-group" aria-describedby={describedBy}>
            <legend class="field-label">{field.label[lang]}</legend>
            {help}
            {message}
            <Radios {...props} id={id} a11y={a11y} />
          </fieldset>
        ) : (
          <>
            {help}
            {message}
            <label class="choice">
              <input
                id={id}
                type="checkbox"
                checked={props.value === true}
                onChange={(e) => props.onChange(e.currentTarget.checked)}
                {...a11y}
              />
              <span>{field.label[lang]}</span>
            </label>
          </>
        )}
      </div>
    );
  }
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label class="field-label" for={id}>
        {field.label[lang]}
      </label>
      {help}
      {message}
      <Control {...props} id={id} a11y={a11y} />
    </div>
  );
}

/** A question's error, under its label: `${id}-error`, which the input names in aria-describedby. */
export function FieldError({ id, error, prefix }: { id: string; error: string | null; prefix: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      <span class="visually-hidden">{prefix} </span>
      {error}
    </p>
  );
}

interface A11y {
  "aria-invalid": "true" | undefined;
  "aria-describedby": string | undefined;
}

type ControlProps = Props & { id: string; a11y: A11y };

function Radios({ id, field, schema, value, lang, onChange, a11y }: ControlProps) {
  return (
    <>
      {Object.entries(field.options ?? {}).map(([key, label], index) => (
        <label class="choice" key={key}>
          <input
            id={index === 0 ? id : `${id}-${index}`}
            type="radio"
            name={id}
            value={key}
            checked={value === optionValue(schema, key)}
            onChange={() => onChange(optionValue(schema, key))}
            aria-invalid={a11y["aria-invalid"]}
          />
          <span>{label[lang]}</span>
        </label>
      ))}
    </>
  );
}

function Control({ id, field, schema, value, lang, t, onChange, a11y }: ControlProps) {
  const common = { id, class: "field-input", ...a11y };
  const set = (next: unknown): void => {
    if (next !== value) onChange(next);
  };
  // Typing keeps what was typed; leaving the field shows it as it will be kept: stray spaces gone, a
  // phone or ID number written as digits only ("0912 345 678" becomes "0912345678").
  const kind = kindOf(field.widget, schema.pattern);
  const text = {
    value: shown(value),
    onInput: (e: Event) => set(textValue((e.currentTarget as HTMLInputElement).value)),
    onChange: (e: Event) => set(tidied((e.currentTarget as HTMLInputElement).value, kind)),
  };
  switch (field.widget) {
    case "textarea":
      return <textarea {...common} {...text} rows={3} />;
    case "select":
      return (
        <select
          {...common}
          value={shown(value)}
          onChange={(e) => set(e.currentTarget.value === "" ? undefined : optionValue(schema, e.currentTarget.value))}
        >
          <option value="">{t.choose}</option>
          {Object.entries(field.options ?? {}).map(([key, label]) => (
            <option key={key} value={key}>
              {label[lang]}
            </option>
          ))}
        </select>
      );
    case "number":
      return (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={shown(value)}
          onInput={(e) => set(integerValue(e.currentTarget.value))}
        />
      );
    case "date": {
      // Old WebViews fire only "change" on date inputs, newer ones "input" too.
      const onDate = (e: Event): void => set(textValue((e.currentTarget as HTMLInputElement).value));
      const max = schema.format === "past-date" ? todayInVietnam() : undefined;
      return <input {...common} type="date" value={shown(value)} max={max} onInput={onDate} onChange={onDate} />;
    }
    case "tel":
      return <input {...common} {...text} type="tel" inputMode="tel" autoComplete="tel" />;
    default:
      // A number of digits only (identity numbers) gets the phone's number pad.
      return <input {...common} {...text} type="text" inputMode={kind === "digits" ? "numeric" : undefined} />;
  }
}
