/** Typed answers tidied as they will be printed on official papers: Unicode NFC, spaces, phone numbers and
 * digit codes, and the invisible characters refused. The twin of backend/catalogue/answer_text.py. */

// Spaces a phone keyboard or a copied text may bring; each run of them becomes one plain space.
const SPACE_RUN = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/gu;
// Control characters (C0 but the tab and line breaks, DEL, C1), the soft hyphen, zero-width and joiner
// characters, bidirectional marks, embeddings, overrides and isolates, the byte order mark: invisible on
// screen, yet they change what a printed name says. A line break is refused outside multi-line fields.
// Regex literals keep their escapes through the build: the bundle holds no invisible character itself.
const REFUSED_CHAR =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u;
const COUNTRY_CODE = /^(?:\+84|0084|84(?=[0-9]{9}$))/;
const DIGIT_CODE = /^\^\[0-9\]\{([0-9]+)\}\$$/;

export type Kind = "line" | "lines" | "phone" | "digits";

interface FormShape {
  schema: { properties?: Record<string, { properties?: Record<string, { pattern?: string }> }> };
  ui?: { sections?: { key: string; fields?: { key: string; widget?: string }[] }[] };
}

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** N for a field of exactly N digits (its pattern is `^[0-9]{N}$`: an identity number), else null. */
export function digitCount(pattern: unknown): number | null {
  const found = typeof pattern === "string" ? DIGIT_CODE.exec(pattern) : null;
  return found ? Number(found[1]) : null;
}

const collapse = (text: string): string => text.replace(SPACE_RUN, " ");

/** `text` as it should be kept: NFC, runs of spaces made one, no spaces at either end (of each line in
 * a multi-line field); a phone without separators and with 0 for +84; a digit code without separators. */
export function tidy(text: string, kind: Kind): string {
  text = text.normalize("NFC");
  if (kind === "lines") {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    return lines
      .map((line) => collapse(line).replace(/^ +| +$/g, ""))
      .join("\n")
      .replace(/^\n+|\n+$/g, "");
  }
  text = collapse(text).replace(/^[ \r\n]+|[ \r\n]+$/g, "");
  if (kind === "phone") {
    text = text.replace(/[ .()-]/g, "");
    if (COUNTRY_CODE.test(text)) {
      const national = text.replace(COUNTRY_CODE, "");
      text = national.startsWith("0") ? national : `0${national}`;
    }
  } else if (kind === "digits") {
    text = text.replace(/[ .-]/g, "");
  }
  return text;
}

/** Whether tidied `text` holds a character that may not go on paper. */
export function hasRefused(text: string, kind: Kind): boolean {
  return REFUSED_CHAR.test(text) || (kind !== "lines" && /[\r\n]/.test(text));
}

/** How a field shown with `widget` and checked against `pattern` is tidied. */
export function kindOf(widget: string | undefined, pattern: unknown): Kind {
  if (digitCount(pattern) !== null) return "digits";
  return widget === "textarea" ? "lines" : widget === "tel" ? "phone" : "line";
}

/** How each field of the form is tidied, by `section.field`. */
export function fieldKinds(form: FormShape): Map<string, Kind> {
  const sections = form.schema.properties ?? {};
  const kinds = new Map<string, Kind>();
  for (const section of form.ui?.sections ?? []) {
    const props = (has(sections, section.key) ? sections[section.key]?.properties : undefined) ?? {};
    for (const item of section.fields ?? []) {
      const pattern = has(props, item.key) ? props[item.key]?.pattern : undefined;
      kinds.set(`${section.key}.${item.key}`, kindOf(item.widget, pattern));
    }
  }
  return kinds;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
// An own property even for a key such as "__proto__", which a plain assignment would take as the prototype.
const put = (object: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
};

/** `answers` with every text of a known field tidied, and texts left empty removed (blank is missing). */
export function tidyAnswers(form: FormShape, answers: unknown): unknown {
  if (!isObject(answers)) return answers;
  const kinds = fieldKinds(form);
  const tidied: Record<string, unknown> = {};
  for (const [key, fields] of Object.entries(answers)) {
    if (!isObject(fields)) {
      put(tidied, key, fields);
      continue;
    }
    const section: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      const kind = kinds.get(`${key}.${name}`);
      const text = kind && typeof value === "string" ? tidy(value, kind) : value;
      if (text !== "" || kind === undefined) put(section, name, text);
    }
    put(tidied, key, section);
  }
  return tidied;
}
