/** The dossier endpoints of the API (issue 4): files of a submission, the submission itself, "my
 * dossiers" and public tracking. The access token travels in a header or a body, never in a URL. */

import type { CorrectionOut, DossierView, HeldFile, SubmissionBody, SubmissionOut, TrackingView } from "../shared/types";
import { ApiError, heardFromServer, isProblem, retryAfterSeconds, send } from "./api";

const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
const filesPath = (submissionId: string): string => `/api/submissions/${encodeURIComponent(submissionId)}/files`;

/** The files the server already holds for this submission and token. */
export async function fetchHeldFiles(submissionId: string, token: string, signal?: AbortSignal): Promise<HeldFile[]> {
  const answer = await send<{ files: HeldFile[] }>(filesPath(submissionId), { method: "GET", headers: bearer(token), signal });
  return answer.body.files;
}

// An upload is given up when nothing has moved for this long (a 2G link that stalled without failing).
const STALL_MS = 60_000;

/** PUT with XMLHttpRequest, the only way a page sees the bytes of a request body go out. */
function putWithProgress(path: string, blob: Blob, token: string, onProgress: (loaded: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let stall: ReturnType<typeof setTimeout> | undefined;
    const watch = (): void => {
      clearTimeout(stall);
      stall = setTimeout(() => xhr.abort(), STALL_MS);
    };
    const fail = (): void => {
      clearTimeout(stall);
      reject(new ApiError("network", 0, null));
    };
    xhr.open("PUT", path);
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", blob.type || "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      watch();
      onProgress(event.loaded);
    };
    xhr.onerror = fail;
    xhr.onabort = fail;
    xhr.ontimeout = fail;
    xhr.onload = () => {
      clearTimeout(stall);
      if (xhr.status >= 200 && xhr.status < 300) {
        heardFromServer(xhr.status);
        return resolve();
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's page: no problem to show, the status still decides.
      }
      if (isProblem(body)) heardFromServer(xhr.status);
      const retryAfter = retryAfterSeconds(xhr.getResponseHeader("Retry-After"));
      reject(new ApiError("server", xhr.status, isProblem(body) ? body : null, retryAfter));
    };
    watch();
    xhr.send(blob);
  });
}

/** Uploads one file (one per request). Pages report progress; the service worker, which has no
 * XMLHttpRequest, uses fetch and reports only the end. */
export async function uploadFile(
  submissionId: string,
  sha256: string,
  blob: Blob,
  token: string,
  onProgress: (loaded: number) => void,
): Promise<void> {
  const path = `${filesPath(submissionId)}/${sha256}`;
  if (typeof XMLHttpRequest !== "undefined") return putWithProgress(path, blob, token, onProgress);
  const headers = { ...bearer(token), "Content-Type": blob.type || "application/octet-stream" };
  // Allow about 1 KB/s, the worst 2G, on top of the usual timeout.
  await send(path, { method: "PUT", body: blob, headers, timeoutMs: 30_000 + blob.size });
  onProgress(blob.size);
}

/** `json` is the frozen body, sent as it is. */
export async function postSubmission(json: string): Promise<SubmissionOut> {
  const answer = await send<SubmissionOut>("/api/submissions", {
    method: "POST",
    body: json,
    headers: { "Content-Type": "application/json" },
  });
  return answer.body;
}

export async function postCorrection(json: string): Promise<CorrectionOut> {
  const answer = await send<CorrectionOut>("/api/dossiers/corrections", {
    method: "POST",
    body: json,
    headers: { "Content-Type": "application/json" },
  });
  return answer.body;
}

export function submissionJson(body: SubmissionBody): string {
  return JSON.stringify(body);
}

/** The dossiers of these tokens (at most 100 per request). */
export async function fetchMyDossiers(tokens: string[], signal?: AbortSignal): Promise<DossierView[]> {
  const answer = await send<{ dossiers: DossierView[] }>("/api/dossiers/mine", {
    method: "POST",
    body: JSON.stringify({ tokens }),
    headers: { "Content-Type": "application/json" },
    signal,
  });
  return answer.body.dossiers;
}

/** A dossier code as printed (upper case, no spaces around), however it was typed or pasted. */
export function normaliseDossierCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Public tracking by code and phone number; 404 when either does not match, 429 when asked too often. */
export async function trackDossier(code: string, phone: string, signal?: AbortSignal): Promise<TrackingView> {
  const answer = await send<TrackingView>("/api/tracking", {
    method: "POST",
    body: JSON.stringify({ code: normaliseDossierCode(code), phone: phone.trim() }),
    headers: { "Content-Type": "application/json" },
    signal,
  });
  return answer.body;
}
