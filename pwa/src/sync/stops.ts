/** Sends the citizen's requests to stop (Art 21) kept on the phone with their dossiers (see ./queued). */

import { completeStopRequest, pendingStops, postStopRequest, stopRequestFailed } from "../data/stops";
import type { StoredDossier } from "../data/db";
import { SYNC_MESSAGES } from "./messages";
import { sendQueued, type QueuedSent, type Queue, type Sending } from "./queued";

const STOPS: Queue<StoredDossier> = {
  pending: pendingStops,
  tries: (dossier) => dossier.stopAsked,
  post: async (dossier) => completeStopRequest(dossier.code, await postStopRequest(dossier.stopAsked!.body)),
  failed: (dossier, state, at, message) => stopRequestFailed(dossier.code, state, at, message),
  network: SYNC_MESSAGES.network,
  refused: SYNC_MESSAGES.stopRefused,
};

/** Sends the due requests, one by one. */
export function sendStopRequests(sending: Sending): Promise<QueuedSent> {
  return sendQueued(STOPS, sending);
}
