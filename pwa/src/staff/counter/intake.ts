/** Counter intake's data and rules (POST /api/staff/counter-intake, PUT /api/staff/scans/{sha256}): the
 * procedures a counter takes, the counter's own questions as a small form judged by the shared validator. */

import { sectionProblems, type AnswerProblem } from "../../shared/form/answers";
import type {
  Agency,
  Answers,
  Bilingual,
  Catalogue,
  FieldSchema,
  Form,
  Procedure,
  RequiredDocument,
  UiField,
} from "../../shared/types";
import { validateAnswers } from "../../shared/validate";
import { call, readPublic } from "../api";
import type { Paper } from "./api";

export type CounterChannel = "in_person" | "postal";
export const COUNTER_CHANNELS: readonly CounterChannel[] = ["in_person", "postal"];

/** The counter's own questions live under this key, apart from the procedure's sections. */
export const COUNTER = "counter";

export interface IntakeBody {
  intakeId: string;
  procedureCode: string;
  competentAgencyCode?: string;
  channel: CounterChannel;
  answers: Answers;
  identityChecked: boolean;
  idNumber: string;
  attachments: { slot: string; sha256: string }[];
  receipt: boolean;
}

export interface IntakeAnswer {
  code: string;
  status: string;
  version: number;
  paper: Paper | null;
}

export const readCatalogue = (): Promise<Catalogue> => readPublic<Catalogue>("/api/catalogue");

/** Keeps one scan for this session (201 new, 200 already kept). */
export const putScan = (sha256: string, blob: Blob): Promise<unknown> => call("PUT", `/scans/${sha256}`, blob);

export const registerIntake = (body: IntakeBody): Promise<IntakeAnswer> => call("POST", "/counter-intake", body);

/** Made once per form: a double click or a retry of the same form names the same intake, one dossier. */
export const newIntakeId = (): string => crypto.randomUUID();

/** The procedures a citizen may bring or post to a counter, by their channels. */
export function counterProcedures(catalogue: Catalogue): Procedure[] {
  return catalogue.procedures.filter((p) => p.channels.some((c) => c === "in_person" || c === "postal"));
}

/** The documents that take a scan (thành phần hồ sơ with a file), in the procedure's order. */
export const scanSlots = (procedure: Procedure): RequiredDocument[] => procedure.documents.filter((d) => d.upload !== "none");

/** A published document's name runs long; the part before its first ";" names the paper (as the server does). */
export const shortName = (name: string): string => name.split(";", 1)[0]?.trim() ?? name;

/** The commune whose centre (or reception point) `code` is: it decides commune-level dossiers by default. */
export function communeOf(agencies: Agency[], code: string): Agency | null {
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  for (let unit = byCode.get(code); unit; unit = unit.parentCode ? byCode.get(unit.parentCode) : undefined) {
    if (unit.kind === "commune") return unit;
  }
  return null;
}

/** Communes of the officer's province: a centre receives any of them (Decree 118/2025 Art 14, boundary-free). */
export function communesFor(agencies: Agency[], unitCode: string): Agency[] {
  const province = agencies.find((a) => a.code === unitCode)?.provinceCode ?? null;
  return agencies.filter((a) => a.kind === "commune" && (province === null || a.provinceCode === province));
}

export interface CounterLabels {
  channel: Bilingual;
  channels: Record<CounterChannel, Bilingual>;
  competent: Bilingual;
  identityChecked: Bilingual;
  idNumber: Bilingual;
  idHelp: Bilingual;
  receipt: Bilingual;
}

/** The counter's questions as a form of one section, drawn and judged as a procedure's are: how the dossier
 * came, who decides it (commune level), the VNeID check with the ID number it was made with, the receipt. */
export function counterForm(procedure: Procedure, communes: Agency[], values: Record<string, unknown>, l: CounterLabels): Form {
  const channels = COUNTER_CHANNELS.filter((c) => procedure.channels.includes(c));
  const options = Object.fromEntries(channels.map((c) => [c, l.channels[c]]));
  const fields: UiField[] = [{ key: "channel", label: l.channel, widget: "radio", options }];
  const required = ["channel"];
  const properties: Record<string, FieldSchema> = { channel: { type: "string", enum: [...channels] } };
  if (procedure.level === "commune") {
    const names = Object.fromEntries(communes.map((a) => [a.code, a.name]));
    fields.push({ key: "competent", label: l.competent, widget: "select", options: names });
    properties["competent"] = { type: "string", enum: communes.map((a) => a.code) };
    required.push("competent");
  }
  fields.push({ key: "identity_checked", label: l.identityChecked, widget: "checkbox" });
  fields.push({ key: "id_number", label: l.idNumber, help: l.idHelp, widget: "text" });
  properties["identity_checked"] = { type: "boolean" };
  properties["id_number"] = { type: "string", pattern: "^[0-9]{12}$" };
  if (values["identity_checked"] === true) required.push("id_number");
  if (procedure.processing.workingDays === 0) {
    fields.push({ key: "receipt", label: l.receipt, widget: "checkbox" });
    properties["receipt"] = { type: "boolean" };
  }
  const section = { type: "object" as const, additionalProperties: false as const, required, properties };
  return {
    title: l.channel,
    schema: { type: "object", additionalProperties: false, required: [COUNTER], properties: { [COUNTER]: section } },
    ui: { sections: [{ key: COUNTER, title: l.channel, fields }] },
  };
}

/** What stops the intake before anything is sent: the procedure's answers, then the counter's questions. */
export function intakeProblems(
  procedure: Procedure,
  answers: Answers,
  counter: Form,
  counterValues: Record<string, unknown>,
  today: string,
): AnswerProblem[] {
  const own = procedure.form.ui.sections.flatMap((s) => sectionProblems(procedure, answers, s.key, today));
  const asked = validateAnswers(counter, { [COUNTER]: counterValues }, today);
  return [...asked.map(({ path, message }) => ({ path, message })), ...own];
}
