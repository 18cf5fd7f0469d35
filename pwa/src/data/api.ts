/** Typed calls to the motcua API: the only module of the app that uses `fetch`.
 * Every failure becomes an `ApiError`, so the UI shows one kind of error whatever went wrong. */

import type { Catalogue, Problem, Procedure, SearchResult } from "../shared/types";

/** A 2G link can stall without ever failing; after this long the user is told and can retry. */
const TIMEOUT_MS = 30_000;
/** The API's upper bound: an empty query lists the whole (small, local) catalogue. */
const SEARCH_LIMIT = 200;

export type ApiErrorKind = "network" | "server";

export class ApiError extends Error {
  constructor(
    /** "network": the server could not be reached; "server": it answered with an error. */
    readonly kind: ApiErrorKind,
    readonly status: number,
    /** The server's bilingual explanation, when it sent one. */
    readonly problem: Problem | null,
  ) {
    super(problem?.message.en ?? `${kind} error ${status}`);
    this.name = "ApiError";
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const message = (body as { message?: unknown }).message;
  return typeof message === "object" && message !== null && typeof (message as { vi?: unknown }).vi === "string";
}

/** Aborts when the caller aborts or when the request has taken too long. */
function withTimeout(outer: AbortSignal | undefined): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
  const controller = new AbortController();
  let expired = false;
  const onAbort = (): void => controller.abort();
  outer?.addEventListener("abort", onAbort);
  if (outer?.aborted) controller.abort();
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, TIMEOUT_MS);
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const request = withTimeout(signal);
  try {
    let response: Response;
    try {
      response = await fetch(path, { headers: { Accept: "application/json" }, signal: request.signal });
    } catch (error) {
      if (isAbort(error) && !request.timedOut()) throw error;
      throw new ApiError("network", 0, null);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (isAbort(error) && !request.timedOut()) throw error;
      // A proxy's HTML page or a cut connection: nothing the UI can read.
      throw new ApiError(response.ok ? "network" : "server", response.status, null);
    }
    if (!response.ok) throw new ApiError("server", response.status, isProblem(body) ? body : null);
    return body as T;
  } finally {
    request.done();
  }
}

/** Procedures matching `query` (case and diacritics ignored by the server); all of them when empty. */
export function searchProcedures(query: string, signal?: AbortSignal): Promise<SearchResult> {
  const params = new URLSearchParams({ q: query, limit: String(SEARCH_LIMIT) });
  return getJson<SearchResult>(`/api/procedures?${params.toString()}`, signal);
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return getJson<Procedure>(`/api/procedures/${encodeURIComponent(code)}`, signal);
}

/** The whole published catalogue (version, demo flag, fields, agencies, procedures). */
export function getCatalogue(signal?: AbortSignal): Promise<Catalogue> {
  return getJson<Catalogue>("/api/catalogue", signal);
}
