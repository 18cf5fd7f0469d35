/** The citizen's feedback (phản ánh, kiến nghị) in IndexedDB: each kept with its secret token until the server
 * has it (sent exactly once by its id), then with the server's view (state, due date, answer); and the calls. */

import type { Bilingual, FeedbackBody, FeedbackView } from "../shared/types";
import { send } from "./api";
import { announce } from "./changes";
import { db, type PendingFeedback, type StoredFeedback } from "./db";

export type { StoredFeedback };

const json = (body: unknown): { body: string; headers: Record<string, string> } => ({
  body: JSON.stringify(body),
  headers: { "Content-Type": "application/json" },
});

/** A random secret of 32 bytes, base64url: the item's token (the server keeps only its hash). */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Keeps what the citizen wrote, to be sent when the phone can (at once if it can). */
export async function keepFeedback(body: FeedbackBody, dossierCode: string | null): Promise<void> {
  const pending: PendingFeedback = { state: "waiting", attempts: 0, nextAttemptAt: 0, lastError: null };
  await (await db()).put("feedback", { id: body.id, token: body.token, body, dossierCode, createdAt: new Date().toISOString(), pending, view: null });
  announce({ kind: "feedback" });
}

/** Newest first. */
export async function listFeedback(): Promise<StoredFeedback[]> {
  return (await (await db()).getAllFromIndex("feedback", "byCreated")).reverse();
}

/** The items the server does not have yet (whatever their state). */
export async function pendingFeedback(): Promise<StoredFeedback[]> {
  return (await listFeedback()).filter((item) => item.pending);
}

async function change(id: string, update: (item: StoredFeedback) => StoredFeedback): Promise<void> {
  const tx = (await db()).transaction("feedback", "readwrite");
  const known = await tx.store.get(id);
  if (known) await tx.store.put(update(known));
  await tx.done;
  announce({ kind: "feedback" });
}

/** The server has it: its view replaces the pending send. */
export function completeFeedback(id: string, view: FeedbackView): Promise<void> {
  return change(id, (item) => ({ ...item, pending: null, view }));
}

/** Tried and not sent: again at `nextAttemptAt`, or (`attention`) not until the citizen sends it again. */
export function feedbackFailed(id: string, state: PendingFeedback["state"], nextAttemptAt: number, lastError: Bilingual): Promise<void> {
  return change(id, (item) => {
    const attempts = (item.pending?.attempts ?? 0) + 1;
    return { ...item, pending: { state, attempts, nextAttemptAt, lastError } };
  });
}

/** "Gửi lại" on a refused item: due at once. */
export function retryFeedback(id: string): Promise<void> {
  return change(id, (item) => (item.pending ? { ...item, pending: { ...item.pending, state: "waiting", nextAttemptAt: 0 } } : item));
}

/** "Bỏ" on a refused item: it goes, unsent. */
export async function dropFeedback(id: string): Promise<void> {
  const tx = (await db()).transaction("feedback", "readwrite");
  const known = await tx.store.get(id);
  if (known?.pending) await tx.store.delete(id);
  await tx.done;
  announce({ kind: "feedback" });
}

/** The server's views of sent items (answers arrive this way). */
export async function saveFeedbackViews(views: FeedbackView[]): Promise<void> {
  const tx = (await db()).transaction("feedback", "readwrite");
  for (const view of views) {
    const known = await tx.store.get(view.id);
    if (known) await tx.store.put({ ...known, pending: null, view });
  }
  await tx.done;
  if (views.length > 0) announce({ kind: "feedback" });
}

/** The tokens of the items the server has: what the inbox and push subscription follow. */
export async function sentFeedbackTokens(): Promise<string[]> {
  return (await listFeedback()).filter((item) => item.view).map((item) => item.token);
}

export async function postFeedback(body: FeedbackBody): Promise<FeedbackView> {
  return (await send<FeedbackView>("/api/feedback", { method: "POST", ...json(body) })).body;
}

export async function fetchMyFeedback(tokens: string[]): Promise<FeedbackView[]> {
  return (await send<{ items: FeedbackView[] }>("/api/feedback/mine", { method: "POST", ...json({ tokens }) })).body.items;
}
