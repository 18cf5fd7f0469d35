/** A procedure's form as both apps fill it: answers changed one field at a time, and what is wrong with them
 * in the phone's words (the citizen's draft and the counter's intake show the same messages). */

import { MESSAGES, validateAnswers, type AnswerError } from "../validate";
import type { Answers, Bilingual, Procedure } from "../types";

/** One problem with one answer: its form path (`section.field`) and what to say. */
export interface AnswerProblem {
  path: string;
  message: Bilingual;
}

const isEmpty = (value: unknown): boolean => value === undefined || value === "" || value === false;

/** The answers with one field changed; `undefined` removes the field, so "required" applies rather than
 * "too_short", and a section left with nothing in it is removed, so an optional one is not judged. */
export function withAnswer(answers: Answers, section: string, field: string, value: unknown): Answers {
  const fields = { ...answers[section] };
  if (value === undefined) delete fields[field];
  else fields[field] = value;
  const next = { ...answers };
  if (Object.values(fields).every(isEmpty)) delete next[section];
  else next[section] = fields;
  return next;
}

/** A box that must be ticked but never was is reported as "required" ("Vui lòng nhập ..."): say
 * "Vui lòng xác nhận: ..." instead, as for a box ticked then unticked. */
function reworded(procedure: Procedure, error: AnswerError): Bilingual {
  // "required" paths come from the schema's own `required` lists, so the lookups below are safe.
  if (error.code !== "required") return error.message;
  const [section = "", field = ""] = error.path.split(".");
  const schema = procedure.form.schema.properties[section]?.properties[field];
  if (schema?.type !== "boolean" || schema.const !== true) return error.message;
  const ui = procedure.form.ui.sections.find((s) => s.key === section)?.fields.find((f) => f.key === field);
  if (!ui) return error.message;
  const fill = (lang: keyof Bilingual): string => MESSAGES.must_accept[lang].replace("{label}", ui.label[lang]);
  return { vi: fill("vi"), en: fill("en") };
}

/** Every problem of the answers, in form order; `today` is "YYYY-MM-DD" in Vietnam. */
export function answerProblems(procedure: Procedure, answers: Answers, today: string): AnswerProblem[] {
  return validateAnswers(procedure.form, answers, today).map((error) => ({
    path: error.path,
    message: reworded(procedure, error),
  }));
}

const inSection = (path: string, key: string): boolean => path === key || path.startsWith(`${key}.`);

/** The problems of one section. A required section nobody has started is judged field by field, so the
 * page can point at each missing answer rather than at the whole section. */
export function sectionProblems(procedure: Procedure, answers: Answers, key: string, today: string): AnswerProblem[] {
  const checked = { ...answers, [key]: answers[key] ?? {} };
  const optional = !(procedure.form.schema.required ?? []).includes(key);
  if (optional && answers[key] === undefined) return [];
  return answerProblems(procedure, checked, today).filter((problem) => inSection(problem.path, key));
}

/** The DOM id of a field's input; error links and aria attributes point at it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
