/** The counter's requests (README "The counter"): the queue and its filters' choices, one dossier, the three
 * actions and the papers; the procedure's form comes from the public catalogue API for the answers' labels. */

import type { Procedure } from "../../shared/types";
import { call, readPublic } from "../api";
import type { PaperKind } from "../route";

export type CounterList = "to_check" | "waiting_citizen" | "received" | "due_soon" | "overdue" | "ready" | "stop_requested";
export type AgencyList = "to_assign" | "to_handle" | "assigned" | "to_approve" | "late_warning";
export type ListName = CounterList | AgencyList;
export const LISTS: readonly CounterList[] = ["to_check", "waiting_citizen", "received", "due_soon", "overdue", "ready", "stop_requested"];
/** The lists of each role (backend/review/queue.py ROLE_LISTS), the first shown by default. */
export const ROLE_LISTS: Record<string, readonly ListName[]> = {
  officer: LISTS,
  specialist: ["to_handle", "assigned", "late_warning"],
  leader: ["to_assign", "to_approve", "late_warning", ...LISTS],
};
export const listsOf = (role: string): readonly ListName[] => ROLE_LISTS[role] ?? LISTS;
export type Band = "ok" | "soon" | "today" | "overdue";

export interface QueueItem {
  code: string;
  procedure: { code: string; name: string };
  applicantName: string;
  channel: string;
  status: string;
  submittedAt: string;
  openedAt: string | null;
  version: number;
  band: Band;
  checkDueAt?: string | null;
  minutesLeft?: number | null;
  openedLate?: boolean | null;
  appointmentDate?: string | null;
  assignee?: string;
  lateWithoutApology?: boolean;
  /** The citizen asked to stop from the app (Art 21), not confirmed yet. */
  stopRequested?: boolean;
}

export interface Queue {
  counts: Partial<Record<ListName, number>>;
  items: QueueItem[];
  next: string | null;
}

export interface Named {
  code: string;
  name: { vi: string; en: string };
}

/** What the queue's filters offer (GET /api/staff/queue/choices): fields with their procedures, the unit's staff. */
export interface QueueChoices {
  fields: (Named & { procedures: Named[] })[];
  staff: { username: string; fullName: string; role: string }[];
}

export interface Paper {
  kind: PaperKind;
  issuedAt: string;
  data: PaperData;
}

export interface PaperData {
  kind: string;
  title: string;
  agencyHeader: { committee: string; unit: string };
  placeDate: string;
  code: string;
  applicant: string;
  procedure: { code: string; name: string };
  documents: { name: string; kind: string; count: number }[];
  officer: string;
  signatures: { title: string }[];
  appointmentDate?: string;
  items?: { kind: string; label: string; note: string }[];
  message?: { vi: string; en: string } | null;
  reasons?: string[];
  /** Handling's papers (02 during appraisal, 04, 05): the form's number, its text and legal basis. */
  form?: string;
  body?: string;
  legalBasis?: string[];
  newDate?: string;
  stage?: string;
}

export interface Attachment {
  slot: string;
  sha256: string;
  size: number;
  contentType: string;
  url: string;
}

export interface Dossier {
  code: string;
  status: string;
  version: number;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  channel: string;
  receivingUnitCode: string;
  competentAgencyCode: string;
  submittedAt: string;
  openedAt: string | null;
  receivedAt: string | null;
  appointmentDate: string | null;
  answers: Record<string, Record<string, unknown>>;
  attachments: Attachment[];
  correctionRequest: { items?: { label: string; note: string }[] } | null;
  idNumber: string;
  history: { at: string; status: string; note: string }[];
  audit: {
    at: string;
    actorUsername: string;
    action: string;
    fromStatus: string;
    toStatus: string;
    reasonForCitizen: string;
    internalNote: string;
  }[];
  papers: Paper[];
}

export type CorrectionItem = { kind: "field"; path: string; note: string } | { kind: "document"; slot: string; note: string };

export interface ActionAnswer {
  code: string;
  status: string;
  version: number;
}

const path = (code: string): string => `/dossiers/${encodeURIComponent(code)}`;

/** One page of a list: `params` names the list and the filters (queueQuery.ts), `after` the page. */
export function readQueue(list: ListName, params: URLSearchParams, after?: string): Promise<Queue> {
  const query = new URLSearchParams(params);
  query.set("list", list);
  if (after) query.set("after", after);
  return call<Queue>("GET", `/queue?${query.toString()}`);
}

export const readChoices = (): Promise<QueueChoices> => call<QueueChoices>("GET", "/queue/choices");

export const readDossier = (code: string): Promise<Dossier> => call<Dossier>("GET", path(code));
export const readPaper = (code: string, kind: PaperKind): Promise<Paper> => call<Paper>("GET", `${path(code)}/papers/${kind}`);

export const accept = (code: string, version: number, note: string): Promise<ActionAnswer> =>
  call("POST", `${path(code)}/accept`, { version, note });

export const requestCorrections = (code: string, version: number, items: CorrectionItem[], message: string): Promise<ActionAnswer> =>
  call("POST", `${path(code)}/request-corrections`, message.trim() ? { version, items, message: { vi: message } } : { version, items });

export const refuse = (code: string, version: number, reasons: string[], internalNote: string): Promise<ActionAnswer> =>
  call("POST", `${path(code)}/refuse`, { version, reasons, internalNote });

/** The public procedure (its form and documents); the staff session is not needed for it. */
export const readProcedure = (code: string): Promise<Procedure> =>
  readPublic<Procedure>(`/api/procedures/${encodeURIComponent(code)}`);
