/** The phone's work kept beside the outbox's submissions (requests to stop, ratings, feedback), each kind sent
 * by `sendQueued` under the outbox's lock and on its occasions: one item at a time, exactly once (the server
 * knows its id), each failure kept with the item, and what still waits counted for the outbox's summary. */

import { ApiError } from "../data/api";
import type { Bilingual } from "../shared/types";

/** How a flush sends. */
export interface Sending {
  /** False when known to be offline: nothing is tried, what waits is counted. */
  send: boolean;
  /** Every item, whatever its back-off ("Gửi ngay", Background Sync, the network back). */
  force: boolean;
  /** The pause after `failures` failed tries. */
  delay: (failures: number) => number;
}

export interface QueuedSent {
  sent: number;
  /** Items left to send by themselves, and when the earliest is due (epoch ms). */
  waiting: number;
  nextAttemptAt: number | null;
}

/** Where an item's sending stands: only `waiting` is sent (`attention`: refused, the citizen acts). */
interface Tries {
  state: string;
  attempts: number;
  nextAttemptAt: number;
}

export interface Queue<T> {
  /** The items the server does not have yet. */
  pending: () => Promise<T[]>;
  tries: (item: T) => Tries | null | undefined;
  /** Sends the item and keeps the server's answer. */
  post: (item: T) => Promise<void>;
  failed: (item: T, state: "waiting" | "attention", nextAttemptAt: number, message: Bilingual) => Promise<void>;
  /** What the citizen is told of a refusal the server did not explain. */
  refused: Bilingual;
  /** A refusal that settles the item another way (a dossier rated elsewhere): true when it did. */
  settled?: (item: T, error: ApiError) => Promise<boolean>;
  /** What the citizen is told when no answer came. */
  network: Bilingual;
}

function due(tries: Tries | null | undefined, force: boolean): tries is Tries {
  return !!tries && tries.state === "waiting" && (force || tries.nextAttemptAt <= Date.now());
}

/** Sends the due items of one kind, one by one. */
export async function sendQueued<T>(queue: Queue<T>, { send, force, delay }: Sending): Promise<QueuedSent> {
  let sent = 0;
  for (const item of send ? await queue.pending() : []) {
    const tries = queue.tries(item);
    if (!due(tries, force)) continue;
    try {
      await queue.post(item);
      sent++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (queue.settled && (await queue.settled(item, error))) continue;
      const later = error.kind === "network" || error.status >= 500 || error.status === 429 || error.status === 408;
      const message = error.problem?.message ?? (error.kind === "network" ? queue.network : queue.refused);
      await queue.failed(item, later ? "waiting" : "attention", Date.now() + delay(tries.attempts), message);
    }
  }
  const left = (await queue.pending()).flatMap((item) => {
    const tries = queue.tries(item);
    return tries?.state === "waiting" ? [tries.nextAttemptAt] : [];
  });
  return { sent, waiting: left.length, nextAttemptAt: left.length > 0 ? Math.min(...left) : null };
}

/** The outbox's summary with one kind of queued work counted in. */
export function withQueued<T extends QueuedSent>(summary: T, queued: QueuedSent): T {
  const times = [summary.nextAttemptAt, queued.nextAttemptAt].filter((at): at is number => at !== null);
  return { ...summary, waiting: summary.waiting + queued.waiting, nextAttemptAt: times.length > 0 ? Math.min(...times) : null };
}
