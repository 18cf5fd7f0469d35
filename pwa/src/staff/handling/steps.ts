/** Which handling steps the signed-in staff member may take on a dossier in its current status, and each
 * step's fields: the server's rules (backend/dossiers/rules.py TRANSITIONS, handling's guards) seen from the
 * page, so that only the buttons that can work are shown; the server still decides. */

import type { StaffMe } from "../api";
import type { Dossier } from "../counter/api";
import type { PaperKind } from "../route";
import type { Handling, Step } from "./api";
import type { HandlingText } from "./text";

export type FieldKind = "text" | "textarea" | "lines" | "date" | "select" | "radio";

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  options?: [string, string][];
  required?: boolean;
  hint?: string;
  placeholder?: string;
  /** Shown only when another field has this value. */
  when?: [string, string];
  /** The value the form opens with (else the first option of a radio, or nothing). */
  initial?: string;
}

export interface StepSpec {
  step: Step;
  label: string;
  fields: FieldSpec[];
  paper?: PaperKind;
}

const HANDLED = ["in_progress", "supplement_proposed", "appraisal_supplement", "awaiting_approval", "approved"];
const STOPPABLE = ["received", ...HANDLED];

function note(t: HandlingText): FieldSpec {
  return { name: "internalNote", label: t.internalNote, kind: "textarea" };
}

function agencySteps(me: StaffMe, d: Dossier, h: Handling, t: HandlingText): StepSpec[] {
  const leader = me.role === "leader";
  const handler = leader || (me.role === "specialist" && h.assignee === me.username);
  const steps: StepSpec[] = [];
  const people: [string, string][] = h.specialists.map((p) => [p.username, `${p.fullName} (${p.username})`]);
  if (leader && (d.status === "received" || HANDLED.includes(d.status))) {
    const label = d.status === "received" ? t.steps.assign : t.reassign;
    steps.push({ step: "assign", label, fields: [{ name: "specialist", label: t.specialist, kind: "select", options: people, required: true, placeholder: t.pickSpecialist }, note(t)] });
  }
  if (me.role === "specialist" && handler && d.status === "in_progress") {
    if (h.supplementLastDay) steps.push({ step: "propose-supplement", label: t.steps["propose-supplement"], fields: [] });
    steps.push({
      step: "submit-for-approval",
      label: t.steps["submit-for-approval"],
      fields: [
        { name: "outcome", label: t.outcome, kind: "radio", options: [["granted", t.outcomes.granted], ["refused", t.outcomes.refused]], required: true },
        { name: "text", label: t.draftText, kind: "textarea", required: true, hint: t.draftHint },
        note(t),
      ],
    });
  }
  if (leader && d.status === "awaiting_approval") {
    steps.push({ step: "approve", label: t.steps.approve, fields: [note(t)] });
    steps.push({ step: "send-back", label: t.steps["send-back"], fields: [{ name: "reason", label: t.sendBackReason, kind: "textarea", required: true }] });
  }
  if (handler && d.status === "approved" && h.draftResult?.kind === "granted") {
    steps.push({ step: "result", label: t.steps.result, fields: [{ name: "note", label: t.resultNote, kind: "textarea", required: true, hint: t.resultHint }, note(t)] });
  }
  if (handler && d.status === "approved" && h.draftResult?.kind === "refused") {
    const reasons: FieldSpec = { name: "reasons", label: t.refusalReasons, kind: "lines", required: true };
    steps.push({ step: "refuse-after-appraisal", label: t.steps["refuse-after-appraisal"], fields: [reasons, note(t)], paper: "03" });
  }
  if (handler && HANDLED.includes(d.status) && !h.lateDeclaredAt && !h.apologies) {
    steps.push({ step: "declare-late", label: t.steps["declare-late"], fields: [note(t)] });
  }
  if (handler && HANDLED.includes(d.status) && h.apologyLastDay) {
    const fields: FieldSpec[] = [
      { name: "newDate", label: t.newDate, kind: "date", required: true, hint: t.apologyBy(h.apologyLastDay.split("-").reverse().join("/")) },
      { name: "reason", label: t.apologyReason, kind: "textarea", required: true },
      note(t),
    ];
    steps.push({ step: "apology", label: t.steps.apology, fields, paper: "04" });
  }
  return steps;
}

function counterSteps(d: Dossier, h: Handling, t: HandlingText): StepSpec[] {
  const steps: StepSpec[] = [];
  if (d.status === "supplement_proposed") steps.push({ step: "issue-supplement", label: t.steps["issue-supplement"], fields: [note(t)], paper: "02" });
  if (d.status === "appraisal_supplement") steps.push({ step: "close", label: t.steps.close, fields: [note(t)] });
  if (d.status === "result_issued" || d.status === "appraisal_refused") steps.push({ step: "ready", label: t.steps.ready, fields: [note(t)] });
  if (d.status === "ready") {
    const method: FieldSpec = { name: "method", label: t.method, kind: "radio", options: [["counter", t.methods.counter], ["post", t.methods.post]], required: true };
    const number: FieldSpec = { name: "trackingNumber", label: t.trackingNumber, kind: "text", required: true, when: ["method", "post"] };
    steps.push({ step: "return", label: t.steps.return, fields: [method, number, note(t)] });
  }
  if (STOPPABLE.includes(d.status)) {
    const via: [string, string][] = [["counter", t.via.counter], ["app", t.via.app], ["post", t.via.post]];
    const fields: FieldSpec[] = [
      // The citizen's own request from the app, when there is one: the stop confirms it.
      { name: "reason", label: t.stopReason, kind: "textarea", required: true, initial: h.stopRequestReason ?? "" },
      { name: "requestedVia", label: t.requestedVia, kind: "radio", options: via, required: true, initial: h.stopRequestedAt ? "app" : "counter" },
      note(t),
    ];
    steps.push({ step: "stop", label: t.steps.stop, fields, paper: "05" });
  }
  return steps;
}

/** The steps open to `me` on dossier `d`: the counter's when their unit received it, the deciding agency's
 * when theirs decides it (a commune's centre may be both). */
export function availableSteps(me: StaffMe, d: Dossier, h: Handling, t: HandlingText): StepSpec[] {
  const steps: StepSpec[] = [];
  if (me.role === "officer" && d.receivingUnitCode === me.agencyCode) steps.push(...counterSteps(d, h, t));
  if ((me.role === "leader" || me.role === "specialist") && d.competentAgencyCode === me.agencyCode) steps.push(...agencySteps(me, d, h, t));
  return steps;
}

/** What a filled form sends: lines split into a list, empty optional fields and hidden ones left out. */
export function stepBody(spec: StepSpec, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (field.when && values[field.when[0]] !== field.when[1]) continue;
    const value = (values[field.name] ?? "").trim();
    if (field.kind === "lines") body[field.name] = value.split("\n").map((line) => line.trim()).filter(Boolean);
    else if (value) body[field.name] = value;
  }
  return body;
}

/** The required fields left empty (visible ones only). */
export function missingFields(spec: StepSpec, values: Record<string, string>): string[] {
  return spec.fields
    .filter((f) => f.required && !(f.when && values[f.when[0]] !== f.when[1]))
    .filter((f) => !(values[f.name] ?? "").trim())
    .map((f) => f.name);
}
