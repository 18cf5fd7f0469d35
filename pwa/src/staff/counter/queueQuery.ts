/** The queue's filters as the page's query string (/staff/ho-so?list=received&field=ho-tich&assignee=me): a
 * reload or a shared link shows the same list. The names are the API's own (GET /api/staff/queue). */

import { LISTS, type ListName } from "./api";

export interface QueueFilter {
  list: ListName;
  field: string;
  procedure: string;
  status: string;
  channel: string;
  assignee: string;
  q: string;
}

type Chosen = Exclude<keyof QueueFilter, "list">;
const CHOSEN: readonly Chosen[] = ["field", "procedure", "status", "channel", "assignee", "q"];

export const NO_FILTER: QueueFilter = { list: "to_check", field: "", procedure: "", status: "", channel: "", assignee: "", q: "" };

/** The statuses each list may hold (backend/dossiers/queue.py LIST_STATUSES): the server refuses any other. */
export const LIST_STATUSES: Record<ListName, readonly string[]> = {
  to_check: ["submitted"],
  waiting_citizen: ["supplement_requested"],
  received: ["received", "in_progress"],
  due_soon: ["submitted", "received", "in_progress"],
  overdue: ["submitted", "received", "in_progress"],
  ready: ["ready"],
  stop_requested: ["received", "in_progress", "supplement_proposed", "appraisal_supplement", "awaiting_approval", "approved"],
  to_assign: ["received"],
  to_handle: ["in_progress", "approved"],
  assigned: ["in_progress", "supplement_proposed", "appraisal_supplement", "awaiting_approval", "approved"],
  to_approve: ["awaiting_approval"],
  late_warning: ["received", "in_progress", "supplement_proposed", "awaiting_approval", "approved"],
};

/** The filter a query string names; a list not among `lists` (the role's) is the first of them, a status
 * its list cannot hold is dropped. */
export function readFilter(search: string, lists: readonly ListName[] = LISTS): QueueFilter {
  const params = new URLSearchParams(search);
  const asked = params.get("list");
  const list = lists.find((name) => name === asked) ?? lists[0] ?? "to_check";
  const filter: QueueFilter = { ...NO_FILTER, list };
  for (const key of CHOSEN) filter[key] = (params.get(key) ?? "").trim();
  if (!LIST_STATUSES[list].includes(filter.status)) filter.status = "";
  return filter;
}

/** The query string of a filter: only what was chosen (`first`, the role's first list, is the default). */
export function filterParams(filter: QueueFilter, first: ListName = NO_FILTER.list): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.list !== first) params.set("list", filter.list);
  for (const key of CHOSEN) if (filter[key].trim()) params.set(key, filter[key].trim());
  return params;
}

/** The same filter on another list: a status the new list cannot hold is dropped. */
export function onList(filter: QueueFilter, list: ListName): QueueFilter {
  return { ...filter, list, status: LIST_STATUSES[list].includes(filter.status) ? filter.status : "" };
}

export const anyChosen = (filter: QueueFilter): boolean => CHOSEN.some((key) => filter[key] !== "");
