/** Sends the citizens' ratings kept on the phone (Art 29-34), under the outbox's lock and on the same
 * occasions as the outbox: each exactly once (the server knows its id), each failure kept with the rating. */

import { ApiError } from "../data/api";
import { completeRating, pendingRatings, postRating, ratedElsewhere, ratingFailed } from "../data/ratings";
import { SYNC_MESSAGES } from "./messages";
import type { StopsSent } from "./stops";

interface Sending {
  send: boolean;
  force: boolean;
  delay: (failures: number) => number;
}

/** Sends the due ratings, one by one; the summary counts like the requests to stop's. */
export async function sendRatings({ send, force, delay }: Sending): Promise<StopsSent> {
  let sent = 0;
  for (const dossier of send ? await pendingRatings() : []) {
    const rating = dossier.rating;
    if (!rating || rating.state !== "waiting" || (!force && rating.nextAttemptAt > Date.now())) continue;
    try {
      await completeRating(dossier.code, await postRating(rating.body));
      sent++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 409 && error.problem?.code === "already_rated") {
        await ratedElsewhere(dossier.code, error.problem.channel ?? "app");
        continue;
      }
      const later = error.kind === "network" || error.status >= 500 || error.status === 429 || error.status === 408;
      const message = error.problem?.message ?? (error.kind === "network" ? SYNC_MESSAGES.network : SYNC_MESSAGES.ratingRefused);
      await ratingFailed(dossier.code, later ? "waiting" : "attention", Date.now() + delay(rating.attempts), message);
    }
  }
  const left = (await pendingRatings()).flatMap((dossier) => (dossier.rating?.state === "waiting" ? [dossier.rating.nextAttemptAt] : []));
  return { sent, waiting: left.length, nextAttemptAt: left.length > 0 ? Math.min(...left) : null };
}
