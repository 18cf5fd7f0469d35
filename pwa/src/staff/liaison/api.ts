/** Requests between agencies (backend/handling/api.py HandOverController): liên thông's parts and the
 * Phiếu chuyển xử lý, the paper dossier's hand-over and receipt; each step names the dossier version seen. */

import { call } from "../api";
import type { ActionAnswer } from "../counter/api";

export interface Part {
  code: string;
  agency: string;
  agencyName: string;
  leadAgency: string;
  task: string;
  workingDays: number;
  sentAt: string;
  sentBy: string;
  dueAt: string;
  returnedAt: string | null;
  returnedBy: string;
  result: string;
  /** early, on_time or late once returned; "late" while still out after its deadline. */
  verdict: "early" | "on_time" | "late" | null;
}

export interface PartWanted {
  agency: string;
  task: string;
  workingDays: number;
}

export interface SlipLine {
  n: number;
  agency: string;
  agencyName: string;
  task: string;
  workingDays: number;
  dueText: string;
}

export interface ReferralSlip {
  kind: "referral";
  number: number;
  count: number;
  title: string;
  agencyHeader: { committee: string; unit: string };
  placeDate: string;
  form: string;
  legalBasis: string[];
  verify: string;
  code: string;
  procedure: { code: string; name: string };
  applicant: string;
  lead: { code: string; name: string };
  body: string;
  labels: Record<"lead" | "sentAt" | "sentBy", string>;
  columns: string[];
  sentText: string;
  sentBy: { username: string; fullName: string };
  lines: SlipLine[];
  signatures: { title: string }[];
}

/** A line of Mẫu 06 (GET .../control-slip), as the paper hand-over card shows it. */
export interface SlipEntry {
  step: string;
  label: string;
  atText: string;
  dueText: string;
  verdictLabel: string;
  lateBy: string;
  to: { unitName: string; user: string; userName: string };
}

const path = (code: string): string => `/dossiers/${encodeURIComponent(code)}`;

export const readParts = async (code: string): Promise<Part[]> => (await call<{ items: Part[] }>("GET", `${path(code)}/parts`)).items;
export const readOpenParts = async (): Promise<Part[]> => (await call<{ items: Part[] }>("GET", "/parts")).items;

export const refer = (code: string, version: number, parts: PartWanted[], internalNote: string): Promise<ActionAnswer> =>
  call("POST", `${path(code)}/referral`, { version, parts, internalNote });

export const returnPart = (code: string, version: number, result: string): Promise<ActionAnswer> =>
  call("POST", `${path(code)}/part-return`, { version, result });

export const readReferralSlip = async (code: string, n: number): Promise<ReferralSlip> =>
  (await call<{ data: ReferralSlip }>("GET", `${path(code)}/referral-slip?n=${n}`)).data;

export const readControlLines = async (code: string): Promise<SlipEntry[]> =>
  (await call<{ data: { lines: SlipEntry[] } }>("GET", `${path(code)}/control-slip`)).data.lines;

/** `handedAt`: "YYYY-MM-DDTHH:MM" as typed, a Vietnam time (UTC+7 all year); empty: now. */
export function handOverPaper(code: string, version: number, handedAt: string, recipient: string): Promise<ActionAnswer> {
  const body: Record<string, unknown> = { version, recipient };
  if (handedAt) body.handedAt = `${handedAt}:00+07:00`;
  return call("POST", `${path(code)}/paper-handover`, body);
}

export const acknowledgePaper = (code: string, version: number): Promise<ActionAnswer> =>
  call("POST", `${path(code)}/paper-received`, { version });
