/** Handling's requests (backend/handling/api.py): a dossier's handling page and each step from assignment
 * to return; every step names the dossier version its page showed (409 stale_version otherwise). */

import { call } from "../api";
import type { ActionAnswer, CorrectionItem } from "../counter/api";

export interface Deadline {
  kind: "original" | "restarted" | "extended";
  dueDate: string;
  countedFrom: string;
  setAt: string;
  reason: string;
  actor: string;
}

export interface Handover {
  at: string;
  step: string;
  fromUnit: string;
  fromUser: string;
  toUnit: string;
  toUser: string;
  medium: string;
  note: string;
}

export interface Handling {
  assignee: string;
  draftResult: { kind: "granted" | "refused"; text: string } | null;
  supplementProposal: { items?: { label: string; note: string }[]; message?: { vi: string } } | null;
  appraisalSupplements: number;
  resultKind: string;
  resultAt: string | null;
  resultNote: string;
  returnMethod: string;
  trackingNumber: string;
  lateDeclaredAt: string | null;
  apologies: number;
  forecastLate: boolean;
  apologyLastDay: string | null;
  supplementLastDay: string | null;
  closeLastDay: string | null;
  deadlines: Deadline[];
  waits: { reason: string; startedAt: string; endedAt: string; outcome: string }[];
  handovers: Handover[];
  specialists: { username: string; fullName: string }[];
  /** The result's scan, when it was issued with one (read at `url` with the session). */
  resultScan?: { sha256: string; size: number; contentType: string; url: string } | null;
  /** The citizen asked to stop from the app (Art 21); absent from servers before it. */
  stopRequestedAt?: string | null;
  stopRequestReason?: string;
}

export type Step =
  | "assign"
  | "propose-supplement"
  | "issue-supplement"
  | "close"
  | "submit-for-approval"
  | "approve"
  | "send-back"
  | "result"
  | "refuse-after-appraisal"
  | "ready"
  | "return"
  | "stop"
  | "declare-late"
  | "apology";

const path = (code: string): string => `/dossiers/${encodeURIComponent(code)}`;

export const readHandling = (code: string): Promise<Handling> => call<Handling>("GET", `${path(code)}/handling`);

/** One step on the dossier as its page showed it (`version`), with the step's own fields. */
export const takeStep = (code: string, step: Step, version: number, fields: Record<string, unknown>): Promise<ActionAnswer> =>
  call("POST", `${path(code)}/${step}`, { version, ...fields });

/** The handler's proposal names items as the counter's request does (fields and documents, a note each). */
export const proposal = (items: CorrectionItem[], message: string): Record<string, unknown> =>
  message.trim() ? { items, message: { vi: message } } : { items };
