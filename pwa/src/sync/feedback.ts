/** Sends the citizen's feedback kept on the phone, under the outbox's lock and on the same occasions as the
 * outbox: each exactly once (the server knows its id); and brings the sent items' answers up to date. */

import { ApiError } from "../data/api";
import { completeFeedback, feedbackFailed, fetchMyFeedback, pendingFeedback, postFeedback, saveFeedbackViews, sentFeedbackTokens } from "../data/feedback";
import { SYNC_MESSAGES } from "./messages";
import type { StopsSent } from "./stops";

const TOKENS_PER_REQUEST = 100;

interface Sending {
  send: boolean;
  force: boolean;
  delay: (failures: number) => number;
}

/** Sends the due items, one by one; what was sent and what still waits (as the requests to stop count it). */
export async function sendFeedback({ send, force, delay }: Sending): Promise<StopsSent> {
  let sent = 0;
  for (const item of send ? await pendingFeedback() : []) {
    const pending = item.pending;
    if (!pending || pending.state === "attention" || (!force && pending.nextAttemptAt > Date.now())) continue;
    try {
      await completeFeedback(item.id, await postFeedback(item.body));
      sent++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const later = error.kind === "network" || error.status >= 500 || error.status === 429 || error.status === 408;
      const message = error.problem?.message ?? (error.kind === "network" ? SYNC_MESSAGES.network : SYNC_MESSAGES.feedbackRefused);
      await feedbackFailed(item.id, later ? "waiting" : "attention", Date.now() + delay(pending.attempts), message);
    }
  }
  const left = (await pendingFeedback()).flatMap((item) => (item.pending?.state === "waiting" ? [item.pending.nextAttemptAt] : []));
  return { sent, waiting: left.length, nextAttemptAt: left.length > 0 ? Math.min(...left) : null };
}

/** Throws ApiError when the server cannot be reached: the stored views are then all there is. */
export async function refreshFeedback(): Promise<void> {
  const tokens = await sentFeedbackTokens();
  for (let start = 0; start < tokens.length; start += TOKENS_PER_REQUEST) {
    await saveFeedbackViews(await fetchMyFeedback(tokens.slice(start, start + TOKENS_PER_REQUEST)));
  }
}
