/** Typed calls to the motcua API: the only module of the app that uses `fetch` (but for a file to save:
 * data/resultScan). Every failure becomes
 * an `ApiError`, so the UI shows one kind of error whatever went wrong; every answer is told to listeners. */

import type { CalendarData, Catalogue, CatalogueChanges, Problem } from "../shared/types";

/** A 2G link can stall without ever failing; after this long the user is told and can retry. */
const TIMEOUT_MS = 30_000;

export type ApiErrorKind = "network" | "server";

export class ApiError extends Error {
  constructor(
    /** "network": the server could not be reached; "server": it answered with an error. */
    readonly kind: ApiErrorKind,
    readonly status: number,
    /** The server's bilingual explanation, when it sent one. */
    readonly problem: Problem | null,
    /** Seconds to wait before asking again (Retry-After of a 429 or 503), when the server said. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem?.message.en ?? `${kind} error ${status}`);
    this.name = "ApiError";
  }
}

type AnswerListener = () => void;

const answerListeners = new Set<AnswerListener>();

/** Calls `listener` whenever the server answers a request of this context with anything but a 5xx:
 * proof that the network works (the outbox runner sends on it). A body the app cannot read (a captive
 * portal's page) is no answer of ours. Returns the function that stops it. */
export function onServerAnswer(listener: AnswerListener): () => void {
  answerListeners.add(listener);
  return () => answerListeners.delete(listener);
}

/** Called by every request of the data layer once the server's answer has been read. */
export function heardFromServer(status: number): void {
  if (status >= 500) return;
  for (const listener of answerListeners) listener();
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const message = (body as { message?: unknown }).message;
  return typeof message === "object" && message !== null && typeof (message as { vi?: unknown }).vi === "string";
}

/** Retry-After in seconds (it may also be an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Aborts when the caller aborts or when the request has taken too long. */
function withTimeout(
  outer: AbortSignal | undefined,
  timeoutMs = TIMEOUT_MS,
): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
  const controller = new AbortController();
  let expired = false;
  const onAbort = (): void => controller.abort();
  outer?.addEventListener("abort", onAbort);
  if (outer?.aborted) controller.abort();
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}

/** A GET that may answer 304 (the client's copy is current) when `etag` is given. */
export async function getJson<T>(
  path: string,
  options: { etag?: string | null; signal?: AbortSignal | undefined } = {},
): Promise<{ notModified: true } | { notModified: false; body: T; etag: string | null }> {
  const request = withTimeout(options.signal);
  try {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.etag) headers["If-None-Match"] = options.etag;
    let response: Response;
    try {
      // The browser's HTTP cache is bypassed: IndexedDB is the app's cache, and it revalidates itself.
      response = await fetch(path, { headers, signal: request.signal, cache: "no-store" });
    } catch (error) {
      if (isAbort(error) && !request.timedOut()) throw error;
      throw new ApiError("network", 0, null);
    }
    if (response.status === 304) {
      heardFromServer(304);
      return { notModified: true };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (isAbort(error) && !request.timedOut()) throw error;
      // A proxy's HTML page or a cut connection: nothing the app can read.
      throw new ApiError(response.ok ? "network" : "server", response.status, null);
    }
    heardFromServer(response.status);
    if (!response.ok) throw new ApiError("server", response.status, isProblem(body) ? body : null);
    return { notModified: false, body: body as T, etag: response.headers.get("ETag") };
  } finally {
    request.done();
  }
}

/** The whole published catalogue; `notModified` when `etag` is still current. */
export function fetchCatalogue(etag: string | null, signal?: AbortSignal) {
  return getJson<Catalogue>("/api/catalogue", { etag, signal });
}

/** What changed after `since`; an ApiError with status 410 means: download the whole catalogue again. */
export async function fetchChanges(since: number, signal?: AbortSignal): Promise<CatalogueChanges> {
  const answer = await getJson<CatalogueChanges>(`/api/catalogue/changes?since=${since}`, { signal });
  if (answer.notModified) throw new ApiError("server", 304, null);
  return answer.body;
}

export function fetchCalendar(etag: string | null, signal?: AbortSignal) {
  return getJson<CalendarData>("/api/calendar", { etag, signal });
}

export interface SendOptions {
  method: "GET" | "POST" | "PUT";
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Longer for uploads: a photo over 2G takes minutes. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
}

/** A request whose answer is JSON: the status and body of a 2xx, else an ApiError (network, or the
 * server's problem with its Retry-After). */
export async function send<T>(path: string, options: SendOptions): Promise<{ status: number; body: T }> {
  const request = withTimeout(options.signal, options.timeoutMs);
  try {
    let response: Response;
    try {
      const init: RequestInit = {
        method: options.method,
        headers: { Accept: "application/json", ...options.headers },
        signal: request.signal,
        cache: "no-store",
      };
      if (options.body !== undefined) init.body = options.body;
      response = await fetch(path, init);
    } catch (error) {
      if (isAbort(error) && !request.timedOut()) throw error;
      throw new ApiError("network", 0, null);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (isAbort(error) && !request.timedOut()) throw error;
      throw new ApiError(response.ok ? "network" : "server", response.status, null, retryAfterSeconds(response.headers.get("Retry-After")));
    }
    heardFromServer(response.status);
    if (!response.ok) {
      const retryAfter = retryAfterSeconds(response.headers.get("Retry-After"));
      throw new ApiError("server", response.status, isProblem(body) ? body : null, retryAfter);
    }
    return { status: response.status, body: body as T };
  } finally {
    request.done();
  }
}
