/** Answer validation offline for the JSON Schema subset of backend/catalogue/data/FORMAT.md.
 * A port of validate_answers() in backend/catalogue/forms.py (jsonschema's behaviour included);
 * tests/vectors/form_answers.json and answer_text.json keep the two sides alike. */

import type { Bilingual } from "./types";
import { byCodePoint } from "./search";
import { digitCount, fieldKinds, hasRefused, tidyAnswers, type Kind } from "./answerText";

/** A schema node of the subset: objects (root and sections), strings, integers, booleans. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  const?: unknown;
}

export interface Form {
  schema: Schema;
  ui?: {
    sections?: { key: string; title: Bilingual; fields?: { key: string; label: Bilingual; widget?: string }[] }[];
  };
}

// One value gets one error: the first rule it breaks, in this order (the server follows the same order).
export const ERROR_ORDER = [
  "unknown_field",
  "required",
  "wrong_type",
  "invalid_characters",
  "not_in_options",
  "too_short",
  "too_long",
  "pattern",
  "phone_format",
  "digits_only",
  "digit_count",
  "invalid_date",
  "date_in_future",
  "too_small",
  "too_large",
  "must_accept",
] as const;

export type ErrorCode = (typeof ERROR_ORDER)[number];

export const MESSAGES: Record<ErrorCode, Bilingual> = {
  required: { vi: "Vui lòng nhập {label}.", en: "Please fill in {label}." },
  wrong_type: { vi: "{label}: giá trị không đúng kiểu.", en: "{label}: the value has the wrong type." },
  not_in_options: { vi: "{label}: vui lòng chọn một mục trong danh sách.", en: "{label}: choose one of the options." },
  too_short: { vi: "{label}: cần ít nhất {limit} ký tự.", en: "{label}: at least {limit} characters." },
  too_long: { vi: "{label}: tối đa {limit} ký tự.", en: "{label}: at most {limit} characters." },
  invalid_characters: {
    vi: "{label}: có ký tự không hợp lệ (ký tự ẩn hoặc ký tự điều khiển). Vui lòng xóa và gõ lại.",
    en:
      "{label}: contains a character that is not allowed (a hidden or control character). " +
      "Please delete it and type it again.",
  },
  pattern: { vi: "{label}: không đúng định dạng.", en: "{label}: the format is not right." },
  phone_format: {
    vi: "{label}: gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).",
    en: "{label}: 10 digits starting with 0 (for example 0912345678).",
  },
  digits_only: {
    vi: "{label}: chỉ gồm chữ số từ 0 đến 9, đúng {limit} chữ số.",
    en: "{label}: digits 0 to 9 only, {limit} of them.",
  },
  digit_count: {
    vi: "{label}: gồm đúng {limit} chữ số; bạn đã nhập {typed}.",
    en: "{label}: exactly {limit} digits; you typed {typed}.",
  },
  invalid_date: { vi: "{label}: ngày không hợp lệ.", en: "{label}: not a valid date." },
  date_in_future: { vi: "{label}: ngày không được sau hôm nay.", en: "{label}: the date cannot be after today." },
  too_small: { vi: "{label}: tối thiểu là {limit}.", en: "{label}: the smallest allowed is {limit}." },
  too_large: { vi: "{label}: tối đa là {limit}.", en: "{label}: the largest allowed is {limit}." },
  must_accept: { vi: "Vui lòng xác nhận: {label}", en: "Please confirm: {label}" },
  unknown_field: { vi: "Trường «{path}» không có trong mẫu đơn.", en: "The field “{path}” is not part of this form." },
};

/** One problem with one answer: where (`section.field`), what (a code from ERROR_ORDER), why. */
export interface AnswerError {
  path: string;
  code: ErrorCode;
  message: Bilingual;
}

const LIMITS: Partial<Record<ErrorCode, keyof Schema>> = {
  too_short: "minLength",
  too_long: "maxLength",
  too_small: "minimum",
  too_large: "maximum",
};

// Own keys only: answers may hold "constructor" or "__proto__", which a plain `in` or `[]` would find.
const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function isType(value: unknown, type: string): boolean {
  if (type === "object") return isObject(value);
  // jsonschema counts 3.0 as an integer (JSON.parse makes it 3 anyway); booleans are not numbers.
  if (type === "integer") return Number.isInteger(value);
  return typeof value === type;
}

/** A real calendar date written YYYY-MM-DD (Python's date.fromisoformat: year 1 to 9999). */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const days = m === 2 ? (y % 4 || (y % 100 === 0 && y % 400) ? 28 : 29) : 30 + ((m + (m >> 3)) & 1);
  return y > 0 && m > 0 && m < 13 && d > 0 && d <= days;
}

type Found = Map<string, ErrorCode>;

function report(found: Found, path: string, code: ErrorCode): void {
  const known = found.get(path);
  if (!known || ERROR_ORDER.indexOf(code) < ERROR_ORDER.indexOf(known)) found.set(path, code);
}

function checkObject(node: Schema, value: Record<string, unknown>, path: string, today: string, found: Found): void {
  const prefix = path ? `${path}.` : "";
  const props = node.properties ?? {};
  // A key holding `undefined` vanishes in JSON.stringify: the server never sees it.
  const present = (key: string): boolean => has(value, key) && value[key] !== undefined;
  for (const name of node.required ?? []) if (!present(name)) report(found, prefix + name, "required");
  for (const key of Object.keys(value)) {
    if (!present(key)) continue;
    if (has(props, key)) check(props[key] as Schema, value[key], prefix + key, today, found);
    else if (node.additionalProperties === false) report(found, prefix + key, "unknown_field");
  }
}

/** Like jsonschema, each keyword judges only the kinds of value it applies to. */
function check(node: Schema, value: unknown, path: string, today: string, found: Found): void {
  if (node.type !== undefined && !isType(value, node.type)) report(found, path, "wrong_type");
  if (node.enum && !node.enum.includes(value)) report(found, path, "not_in_options");
  if ("const" in node && value !== node.const) report(found, path, "must_accept");
  if (isObject(value)) checkObject(node, value, path, today, found);
  if (typeof value === "number") {
    if (node.minimum !== undefined && value < node.minimum) report(found, path, "too_small");
    if (node.maximum !== undefined && value > node.maximum) report(found, path, "too_large");
  }
  if (typeof value !== "string") return;
  // Python's len() counts code points, not UTF-16 units.
  const length = [...value].length;
  if (node.minLength !== undefined && length < node.minLength) report(found, path, "too_short");
  if (node.maxLength !== undefined && length > node.maxLength) report(found, path, "too_long");
  if (node.pattern !== undefined && !new RegExp(node.pattern, "u").test(value)) report(found, path, "pattern");
  if (node.format === "date" || node.format === "past-date") {
    if (!isDate(value)) report(found, path, "invalid_date");
    else if (node.format === "past-date" && value > today) report(found, path, "date_in_future");
  }
}

/** Section titles and field labels by path, in form order. */
function labels(form: Form, lang: keyof Bilingual): Map<string, string> {
  const found = new Map<string, string>();
  for (const section of form.ui?.sections ?? []) {
    found.set(section.key, section.title[lang]);
    for (const item of section.fields ?? []) found.set(`${section.key}.${item.key}`, item.label[lang]);
  }
  return found;
}

function nodeAt(schema: Schema, path: string): Schema {
  let node: Schema = schema;
  for (const part of path ? path.split(".") : []) {
    node = node.properties && has(node.properties, part) ? (node.properties[part] as Schema) : {};
  }
  return node;
}

function limit(node: Schema, code: ErrorCode): string {
  if (code === "digits_only" || code === "digit_count") return String(digitCount(node.pattern));
  const keyword = LIMITS[code];
  return keyword && node[keyword] !== undefined ? String(node[keyword]) : "";
}

function answerAt(answers: unknown, path: string): unknown {
  const [section = "", name = ""] = path.split(".");
  const fields = isObject(answers) && has(answers, section) ? answers[section] : undefined;
  return isObject(fields) && has(fields, name) ? fields[name] : undefined;
}

/** A phone or a digit code that does not fit its pattern gets an error saying what is expected. */
function refine(code: ErrorCode, kind: Kind | undefined, value: unknown): ErrorCode {
  if (code !== "pattern" || (kind !== "phone" && kind !== "digits")) return code;
  if (kind === "phone") return "phone_format";
  return typeof value === "string" && /^[0-9]+$/.test(value) ? "digit_count" : "digits_only";
}

/** Every problem with `answers` (judged once tidied: see answerText.ts), at most one per path, in form
 * order; `today` is "YYYY-MM-DD" in Vietnam. */
export function validateAnswers(form: Form, answers: unknown, today: string): AnswerError[] {
  const tidied = tidyAnswers(form, answers);
  const kinds = fieldKinds(form);
  const found: Found = new Map();
  check(form.schema, tidied, "", today, found);
  for (const [path, code] of found) found.set(path, refine(code, kinds.get(path), answerAt(tidied, path)));
  for (const [path, kind] of kinds) {
    const value = answerAt(tidied, path);
    if (typeof value === "string" && hasRefused(value, kind)) report(found, path, "invalid_characters");
  }
  const vi = labels(form, "vi");
  const en = labels(form, "en");
  const order = [...vi.keys()];
  const errors = [...found].map(([path, code]): AnswerError => {
    const value = answerAt(tidied, path);
    const typed = typeof value === "string" ? String(value.replace(/[^0-9]/g, "").length) : "0";
    const params: Record<string, string> = { path, typed, limit: limit(nodeAt(form.schema, path), code) };
    const fill = (template: string, label: string): string =>
      template.replace(/\{(\w+)\}/g, (_, key: string) => (key === "label" ? label : (params[key] ?? "")));
    const { vi: msgVi, en: msgEn } = MESSAGES[code];
    return { path, code, message: { vi: fill(msgVi, vi.get(path) ?? path), en: fill(msgEn, en.get(path) ?? path) } };
  });
  const rank = (path: string): number => {
    const i = order.indexOf(path);
    return i < 0 ? order.length : i;
  };
  return errors.sort((a, b) => rank(a.path) - rank(b.path) || byCodePoint(a.path, b.path));
}
