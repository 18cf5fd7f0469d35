/** The feedback requests of the staff app (backend/feedback/api.py): the unit's items, an answer, and feedback
 * given at the counter. */

import { call } from "../api";

export interface Item {
  id: string;
  code: string;
  kind: "report" | "proposal";
  channel: "app" | "counter";
  procedureCode: string | null;
  dossierCode: string | null;
  unitCode: string;
  unitName: { vi: string; en: string };
  text: string;
  receivedAt: string;
  dueDate: string;
  state: "open" | "overdue" | "answered";
  answer: string | null;
  answeredAt: string | null;
  contactName: string;
  contactPhone: string;
  recordedBy: string;
  answeredBy: string;
}

export interface Items {
  open: Item[];
  answered: Item[];
}

export interface CounterFeedback {
  id: string;
  kind: "report" | "proposal";
  text: string;
  dossierCode?: string;
  procedureCode?: string;
  contactName?: string;
  contactPhone?: string;
}

export const listItems = (): Promise<Items> => call<Items>("GET", "/feedback");

export const answerItem = (code: string, answer: string): Promise<Item> =>
  call<Item>("POST", `/feedback/${encodeURIComponent(code)}/answer`, { answer });

export const recordItem = (item: CounterFeedback): Promise<Item> => call<Item>("POST", "/feedback", item);
