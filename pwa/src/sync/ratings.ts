/** Sends the citizens' ratings (Art 29-34) kept on the phone with their dossiers (see ./queued); a dossier
 * rated meanwhile elsewhere (409 already_rated) is marked so, not refused. */

import type { StoredDossier } from "../data/db";
import { completeRating, pendingRatings, postRating, ratedElsewhere, ratingFailed } from "../data/ratings";
import { SYNC_MESSAGES } from "./messages";
import { sendQueued, type QueuedSent, type Queue, type Sending } from "./queued";

const RATINGS: Queue<StoredDossier> = {
  pending: pendingRatings,
  tries: (dossier) => dossier.rating,
  post: async (dossier) => completeRating(dossier.code, await postRating(dossier.rating!.body)),
  failed: (dossier, state, at, message) => ratingFailed(dossier.code, state, at, message),
  settled: async (dossier, error) => {
    if (error.status !== 409 || error.problem?.code !== "already_rated") return false;
    await ratedElsewhere(dossier.code, error.problem.channel ?? "app");
    return true;
  },
  network: SYNC_MESSAGES.network,
  refused: SYNC_MESSAGES.ratingRefused,
};

/** Sends the due ratings, one by one. */
export function sendRatings(sending: Sending): Promise<QueuedSent> {
  return sendQueued(RATINGS, sending);
}
