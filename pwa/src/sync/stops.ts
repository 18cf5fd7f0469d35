/** Sends the citizen's requests to stop (Art 21) kept on the phone, under the outbox's lock and on the same
 * occasions as the outbox: each exactly once (the server knows its id), each failure kept with the request. */

import { ApiError } from "../data/api";
import { completeStopRequest, pendingStops, postStopRequest, stopRequestFailed } from "../data/stops";
import { SYNC_MESSAGES } from "./messages";

export interface StopsSent {
  sent: number;
  /** Requests left to send by themselves, and when the earliest is due (epoch ms). */
  waiting: number;
  nextAttemptAt: number | null;
}

interface Sending {
  /** False when known to be offline: nothing is tried, what waits is counted. */
  send: boolean;
  /** Every request, whatever its back-off ("Gửi ngay", Background Sync, the network back). */
  force: boolean;
  /** The pause after `failures` failed tries. */
  delay: (failures: number) => number;
}

/** Sends the due requests, one by one. */
export async function sendStopRequests({ send, force, delay }: Sending): Promise<StopsSent> {
  let sent = 0;
  for (const dossier of send ? await pendingStops() : []) {
    const asked = dossier.stopAsked;
    if (!asked || asked.state === "attention" || (!force && asked.nextAttemptAt > Date.now())) continue;
    try {
      await completeStopRequest(dossier.code, await postStopRequest(asked.body));
      sent++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const later = error.kind === "network" || error.status >= 500 || error.status === 429 || error.status === 408;
      const message = error.problem?.message ?? (error.kind === "network" ? SYNC_MESSAGES.network : SYNC_MESSAGES.stopRefused);
      await stopRequestFailed(dossier.code, later ? "waiting" : "attention", Date.now() + delay(asked.attempts), message);
    }
  }
  const left = (await pendingStops()).flatMap((dossier) => (dossier.stopAsked?.state === "waiting" ? [dossier.stopAsked.nextAttemptAt] : []));
  return { sent, waiting: left.length, nextAttemptAt: left.length > 0 ? Math.min(...left) : null };
}

/** The outbox's summary with the requests to stop counted in. */
export function withStops<T extends StopsSent>(summary: T, stops: StopsSent): T {
  const times = [summary.nextAttemptAt, stops.nextAttemptAt].filter((at): at is number => at !== null);
  return { ...summary, waiting: summary.waiting + stops.waiting, nextAttemptAt: times.length > 0 ? Math.min(...times) : null };
}
