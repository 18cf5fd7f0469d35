/** Sends the citizen's feedback kept on the phone (see ./queued), and brings the sent items' answers up to date. */

import type { StoredFeedback } from "../data/db";
import { completeFeedback, feedbackFailed, fetchMyFeedback, pendingFeedback, postFeedback, saveFeedbackViews, sentFeedbackTokens } from "../data/feedback";
import { SYNC_MESSAGES } from "./messages";
import { sendQueued, type QueuedSent, type Queue, type Sending } from "./queued";

const TOKENS_PER_REQUEST = 100;

const FEEDBACK: Queue<StoredFeedback> = {
  pending: pendingFeedback,
  tries: (item) => item.pending,
  post: async (item) => completeFeedback(item.id, await postFeedback(item.body)),
  failed: (item, state, at, message) => feedbackFailed(item.id, state, at, message),
  network: SYNC_MESSAGES.network,
  refused: SYNC_MESSAGES.feedbackRefused,
};

/** Sends the due items, one by one (see ./queued). */
export function sendFeedback(sending: Sending): Promise<QueuedSent> {
  return sendQueued(FEEDBACK, sending);
}

/** Throws ApiError when the server cannot be reached: the stored views are then all there is. */
export async function refreshFeedback(): Promise<void> {
  const tokens = await sentFeedbackTokens();
  for (let start = 0; start < tokens.length; start += TOKENS_PER_REQUEST) {
    await saveFeedbackViews(await fetchMyFeedback(tokens.slice(start, start + TOKENS_PER_REQUEST)));
  }
}
