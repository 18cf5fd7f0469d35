/** The steps of a draft (one page each) and what is still missing in each, with no I/O:
 * where to submit, one step per form section, photos of papers, then "check your answers". */

import type { Draft, Photo } from "../../data/db";
import type { Agency, Answers, Bilingual, Catalogue, Procedure, RequiredDocument, UiSection } from "../../shared/types";
import { tidyAnswers } from "../../shared/answerText";
import { MESSAGES, validateAnswers, type AnswerError } from "../../shared/validate";
import { todayInVietnam } from "../../shared/vietnamTime";
import { DRAFT_TEXT } from "./text";

export const AGENCY_STEP = "noi-nop";
export const PHOTOS_STEP = "giay-to";
export const CHECK_STEP = "kiem-tra";

export type Step =
  | { kind: "agency"; slug: string }
  | { kind: "section"; slug: string; section: UiSection; optional: boolean }
  | { kind: "photos"; slug: string }
  | { kind: "check"; slug: string };

/** Something still to do, on the step where it is fixed; `path` is the form path, "agency" or a photo slot. */
export interface Problem {
  step: string;
  path: string;
  message: Bilingual;
}

/** The agencies that may decide the draft's dossier: a commune-level procedure, any commune of the
 * catalogue (the citizen chooses); a province-level one, its own agency (chosen for them). */
export function agenciesFor(procedure: Procedure, catalogue: Catalogue): Agency[] {
  if (procedure.level === "commune") return catalogue.agencies.filter((agency) => agency.kind === "commune");
  return catalogue.agencies.filter((agency) => agency.code === procedure.competentAgencyCode);
}

export function photoDocuments(procedure: Procedure): RequiredDocument[] {
  return procedure.documents.filter((doc) => doc.upload !== "none");
}

/** With a single possible agency there is nothing to choose: the step is left out (and chosen for them). */
export function stepsFor(procedure: Procedure, agencies: Agency[]): Step[] {
  const required = procedure.form.schema.required ?? [];
  const steps: Step[] = agencies.length > 1 ? [{ kind: "agency", slug: AGENCY_STEP }] : [];
  for (const section of procedure.form.ui.sections) {
    steps.push({ kind: "section", slug: section.key, section, optional: !required.includes(section.key) });
  }
  if (photoDocuments(procedure).length > 0) steps.push({ kind: "photos", slug: PHOTOS_STEP });
  steps.push({ kind: "check", slug: CHECK_STEP });
  return steps;
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

function answerProblems(procedure: Procedure, answers: Answers): Problem[] {
  return validateAnswers(procedure.form, answers, todayInVietnam()).map((error) => ({
    step: error.path.split(".")[0] ?? "",
    path: error.path,
    message: reworded(procedure, error),
  }));
}

const inSection = (path: string, key: string): boolean => path === key || path.startsWith(`${key}.`);

/** The problems of one section. A required section nobody has started is judged field by field, so the
 * page can point at each missing answer rather than at the whole section. */
export function sectionProblems(procedure: Procedure, answers: Answers, key: string): Problem[] {
  const checked = { ...answers, [key]: answers[key] ?? {} };
  const optional = !(procedure.form.schema.required ?? []).includes(key);
  if (optional && answers[key] === undefined) return [];
  return answerProblems(procedure, checked).filter((problem) => inSection(problem.path, key));
}

const both = (pick: (text: (typeof DRAFT_TEXT)["vi"]) => string): Bilingual => ({
  vi: pick(DRAFT_TEXT.vi),
  en: pick(DRAFT_TEXT.en),
});

export function agencyProblems(draft: Draft, agencies: Agency[]): Problem[] {
  if (agencies.length === 0 || agencies.some((a) => a.code === draft.agencyCode)) return [];
  return [{ step: AGENCY_STEP, path: "agency", message: both((t) => t.agencyMissing) }];
}

export function photoProblems(procedure: Procedure, photos: Photo[]): Problem[] {
  return photoDocuments(procedure)
    .filter((doc) => doc.upload === "required" && !photos.some((photo) => photo.slot === doc.key))
    .map((doc) => ({ step: PHOTOS_STEP, path: doc.key, message: both((t) => t.photoMissing(doc.name)) }));
}

/** Everything still missing in the dossier, in the order of the steps. */
export function draftProblems(procedure: Procedure, draft: Draft, photos: Photo[], agencies: Agency[]): Problem[] {
  const answers = answerProblems(procedure, draft.answers);
  return [...agencyProblems(draft, agencies), ...answers, ...photoProblems(procedure, photos)];
}

/** Where to reopen a draft: the first step with something missing, else the check page. */
export function firstUnfinished(steps: Step[], problems: Problem[]): string {
  const open = steps.find((step) => problems.some((p) => p.step === step.slug));
  return open?.slug ?? CHECK_STEP;
}

/** How many steps (not counting the check page) have nothing missing. */
export function progress(steps: Step[], problems: Problem[]): { done: number; total: number } {
  const work = steps.filter((step) => step.kind !== "check");
  const done = work.filter((step) => !problems.some((p) => p.step === step.slug)).length;
  return { done, total: work.length };
}

// Own keys only: "constructor" is in every object.
const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

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

/** Drops answers to fields the current catalogue's form no longer has (they could never be fixed on a page),
 * and tidies the others as the server keeps them, so that the phone sends what will be printed. */
export function pruneAnswers(procedure: Procedure, answers: Answers): Answers {
  const sections = procedure.form.schema.properties;
  const next: Answers = {};
  for (const [key, fields] of Object.entries(tidyAnswers(procedure.form, answers) as Answers)) {
    const schema = has(sections, key) ? sections[key] : undefined;
    if (!schema) continue;
    const kept = Object.entries(fields).filter(([name]) => has(schema.properties, name));
    if (kept.length > 0) next[key] = Object.fromEntries(kept);
  }
  return next;
}

/** The DOM id of a field's input; error links and aria attributes point at it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
