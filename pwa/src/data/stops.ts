/** The citizen's requests to stop handling (dừng giải quyết, Decree 118/2025 Art 21) in IndexedDB: each kept
 * with its dossier until the server has it, then the dossier shows the server's answer; and the call. */

import type { Bilingual, StopRequestBody, StopRequestOut } from "../shared/types";
import { send } from "./api";
import { announce } from "./changes";
import { db, type PendingStop, type StoredDossier } from "./db";

/** Keeps the request with the dossier (once: a second tap keeps the first), to be sent when the phone can. */
export async function keepStopRequest(code: string, reason: string): Promise<void> {
  const tx = (await db()).transaction("dossiers", "readwrite");
  const known = await tx.store.get(code);
  if (known && !known.stopAsked && !known.view?.stopRequest) {
    const body: StopRequestBody = { submissionId: known.submissionId, accessToken: known.accessToken, requestId: crypto.randomUUID(), reason };
    const stopAsked: PendingStop = { body, askedAt: new Date().toISOString(), state: "waiting", attempts: 0, nextAttemptAt: 0, lastError: null };
    await tx.store.put({ ...known, stopAsked });
  }
  await tx.done;
  announce({ kind: "dossiers" });
}

/** The dossiers holding a request the server does not have yet (whatever its state). */
export async function pendingStops(): Promise<StoredDossier[]> {
  return (await (await db()).getAll("dossiers")).filter((dossier) => dossier.stopAsked);
}

async function change(code: string, update: (dossier: StoredDossier, asked: PendingStop) => StoredDossier): Promise<void> {
  const tx = (await db()).transaction("dossiers", "readwrite");
  const known = await tx.store.get(code);
  if (known?.stopAsked) await tx.store.put(update(known, known.stopAsked));
  await tx.done;
  announce({ kind: "dossiers" });
}

/** The server has the request: the dossier shows it as the server keeps it, and the pending one goes. */
export function completeStopRequest(code: string, out: StopRequestOut): Promise<void> {
  return change(code, ({ stopAsked: _sent, ...known }) => ({
    ...known,
    status: out.status,
    view: known.view && { ...known.view, status: out.status, version: out.version, stopRequest: out.stopRequest },
  }));
}

/** Tried and not sent: again at `nextAttemptAt`, or (`attention`) not until the citizen sends it again. */
export function stopRequestFailed(code: string, state: PendingStop["state"], nextAttemptAt: number, lastError: Bilingual): Promise<void> {
  return change(code, (known, asked) => ({ ...known, stopAsked: { ...asked, state, attempts: asked.attempts + 1, nextAttemptAt, lastError } }));
}

/** "Gửi lại" on a refused request: due at once. */
export function retryStopRequest(code: string): Promise<void> {
  return change(code, (known, asked) => ({ ...known, stopAsked: { ...asked, state: "waiting", nextAttemptAt: 0 } }));
}

/** "Hủy đề nghị" on a refused request (the dossier moved on meanwhile): it goes, unsent. */
export function dropStopRequest(code: string): Promise<void> {
  return change(code, ({ stopAsked: _dropped, ...known }) => known);
}

export async function postStopRequest(body: StopRequestBody): Promise<StopRequestOut> {
  const answer = await send<StopRequestOut>("/api/dossiers/stop-requests", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });
  return answer.body;
}
