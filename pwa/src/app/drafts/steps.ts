/** The steps of a draft (one page each) and what is still missing in each, with no I/O:
 * where to submit, one step per form section, photos of papers, then "check your answers". */

import type { Draft, Photo } from "../../data/db";
import type { Agency, Answers, Bilingual, Catalogue, Procedure, RequiredDocument, UiSection } from "../../shared/types";
import { tidyAnswers } from "../../shared/answerText";
import {
  answerProblems as formProblems,
  sectionProblems as formSectionProblems,
  type AnswerProblem,
} from "../../shared/form/answers";
import { todayInVietnam } from "../../shared/vietnamTime";
import { DRAFT_TEXT } from "./text";

export { fieldId, withAnswer } from "../../shared/form/answers";

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

/** A problem of the form, on the step of its section. */
const onItsStep = (problem: AnswerProblem): Problem => ({ step: problem.path.split(".")[0] ?? "", ...problem });

function answerProblems(procedure: Procedure, answers: Answers): Problem[] {
  return formProblems(procedure, answers, todayInVietnam()).map(onItsStep);
}

/** The problems of one section (see shared/form/answers.ts). */
export function sectionProblems(procedure: Procedure, answers: Answers, key: string): Problem[] {
  return formSectionProblems(procedure, answers, key, todayInVietnam()).map(onItsStep);
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
