/** The staff app's data layer: the staff API of STAFF-CONTRACT.md over fetch, with the session cookie,
 * the CSRF token on unsafe requests, and one place that turns answers into typed values or StaffApiError. */

export type Role = "officer" | "specialist" | "leader" | "admin";
export const ROLES: readonly Role[] = ["officer", "specialist", "leader", "admin"];

export interface Bilingual {
  vi: string;
  en: string;
}

export interface StaffMe {
  username: string;
  fullName: string;
  role: Role;
  agencyCode: string;
  agencyName: Bilingual;
  mustChangePassword: boolean;
}

export interface StaffAccount {
  username: string;
  fullName: string;
  role: Role;
  agencyCode: string;
  active: boolean;
  demo: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Agency {
  code: string;
  name: Bilingual;
  kind: string;
}

export interface AccountChange {
  fullName?: string;
  role?: Role;
  agencyCode?: string;
  active?: boolean;
}

export interface NewAccount {
  username: string;
  fullName: string;
  role: Role;
  agencyCode: string;
}

/** One item of a problem's `errors` (an answer, a document slot): where, what, and what to say. */
export interface ProblemItem {
  path: string;
  code: string;
  message: Bilingual;
}

/** A refused request: the problem JSON's code and bilingual message; `network` when nothing answered. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual | null,
    /** Seconds to wait, from Retry-After (429). */
    readonly retryAfter: number | null = null,
    /** What the problem names one by one (422 invalid_answers, invalid_attachments, ...). */
    readonly items: ProblemItem[] = [],
  ) {
    super(code);
  }
}

interface SessionAnswer {
  staff: StaffMe;
  csrfToken: string;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const BASE = "/api/staff";

let csrfToken = "";
let onSignedOut: () => void = () => undefined;

/** Called whenever the server says the session is gone (401): the app shows the login page. */
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

/** A Blob (a scan) is sent as it is, under its own type; anything else as JSON. */
async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body instanceof Blob) headers["Content-Type"] = body.type || "application/octet-stream";
  else if (body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const init: RequestInit = { method, headers, credentials: "same-origin", cache: "no-store" };
  if (body !== undefined) init.body = body instanceof Blob ? body : JSON.stringify(body);
  try {
    return await fetch(BASE + path, init);
  } catch {
    throw new StaffApiError(0, "network", null);
  }
}

// Framework validation errors also come as `errors`, in another shape: only ours name a path and a message.
const isItem = (item: unknown): item is ProblemItem =>
  typeof item === "object" &&
  item !== null &&
  typeof (item as ProblemItem).path === "string" &&
  typeof (item as ProblemItem).message?.vi === "string";

async function failure(response: Response): Promise<StaffApiError> {
  let code = "http_error";
  let messages: Bilingual | null = null;
  let items: ProblemItem[] = [];
  try {
    const problem = (await response.json()) as { code?: unknown; message?: Bilingual; errors?: unknown };
    if (typeof problem.code === "string") code = problem.code;
    if (problem.message && typeof problem.message.vi === "string") messages = problem.message;
    if (Array.isArray(problem.errors)) items = problem.errors.filter(isItem);
  } catch {
    // Not a problem JSON (a proxy's page): the status alone tells what happened.
  }
  const wait = Number(response.headers.get("Retry-After"));
  return new StaffApiError(response.status, code, messages, Number.isFinite(wait) && wait > 0 ? wait : null, items);
}

/** One request; a stale CSRF token (403 csrf_failed) is renewed by re-reading the session, then retried once. */
export async function call<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
  const response = await send(method, path, body);
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  const error = await failure(response);
  if (error.status === 401 && path !== "/session") onSignedOut();
  if (error.status === 403 && error.code === "csrf_failed" && !retried && path !== "/session") {
    await readSession();
    return call<T>(method, path, body, true);
  }
  throw error;
}

/** An answer of the public API (the catalogue, a procedure): no session needed, nothing to protect. */
export async function readPublic<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" } });
  } catch {
    throw new StaffApiError(0, "network", null);
  }
  if (!response.ok) throw new StaffApiError(response.status, "http_error", null);
  return (await response.json()) as T;
}

function remember(answer: SessionAnswer): StaffMe {
  csrfToken = answer.csrfToken;
  return answer.staff;
}

/** The signed-in staff member, or StaffApiError 401 when there is no session. */
export async function readSession(): Promise<StaffMe> {
  try {
    return remember(await call<SessionAnswer>("GET", "/session"));
  } catch (error) {
    if (error instanceof StaffApiError && error.status === 401) onSignedOut();
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<StaffMe> {
  return remember(await call<SessionAnswer>("POST", "/session", { username, password }));
}

/** Ends the session; one that had already ended (401) counts as ended. */
export async function signOut(): Promise<void> {
  try {
    await call<void>("DELETE", "/session");
  } catch (error) {
    if (!(error instanceof StaffApiError && error.status === 401)) throw error;
  }
  csrfToken = "";
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return call<void>("POST", "/password", { currentPassword, newPassword });
}

export async function listAccounts(): Promise<StaffAccount[]> {
  return (await call<{ accounts: StaffAccount[] }>("GET", "/accounts")).accounts;
}

export function createAccount(account: NewAccount): Promise<{ account: StaffAccount; temporaryPassword: string }> {
  return call("POST", "/accounts", account);
}

export async function updateAccount(username: string, change: AccountChange): Promise<StaffAccount> {
  return (await call<{ account: StaffAccount }>("PATCH", `/accounts/${encodeURIComponent(username)}`, change)).account;
}

export async function resetPassword(username: string): Promise<string> {
  const path = `/accounts/${encodeURIComponent(username)}/password-reset`;
  return (await call<{ temporaryPassword: string }>("POST", path)).temporaryPassword;
}

export async function listAgencies(): Promise<Agency[]> {
  return (await call<{ agencies: Agency[] }>("GET", "/agencies")).agencies;
}
