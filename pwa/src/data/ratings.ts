/** The citizen's rating of a returned dossier (đánh giá mức độ hài lòng, Decree 118/2025 Art 29-34) in
 * IndexedDB: kept with its dossier, sent once by the outbox engine, and kept after with how it ended; and the call. */

import type { Bilingual, RatingAnswers, RatingBody, RatingChannel, RatingOut } from "../shared/types";
import { send } from "./api";
import { announce } from "./changes";
import { db, type PhoneRating, type StoredDossier } from "./db";

async function change(code: string, update: (dossier: StoredDossier) => StoredDossier): Promise<void> {
  const tx = (await db()).transaction("dossiers", "readwrite");
  const known = await tx.store.get(code);
  if (known) await tx.store.put(update(known));
  await tx.done;
  announce({ kind: "dossiers" });
}

function rated(known: StoredDossier, update: (rating: PhoneRating) => PhoneRating): StoredDossier {
  return known.rating ? { ...known, rating: update(known.rating) } : known;
}

/** Keeps the rating with the dossier (once: a second tap keeps the first), to be sent when the phone can. */
export function keepRating(code: string, answers: RatingAnswers): Promise<void> {
  return change(code, (known) => {
    if (known.rating) return known;
    const body: RatingBody = { submissionId: known.submissionId, accessToken: known.accessToken, ratingId: crypto.randomUUID(), ...answers };
    return { ...known, rating: { body, ratedAt: new Date().toISOString(), state: "waiting", attempts: 0, nextAttemptAt: 0, lastError: null } };
  });
}

/** "Không đánh giá": the phone stops asking. */
export function declineRating(code: string): Promise<void> {
  return change(code, (known) => ({ ...known, ratingDeclined: true }));
}

/** The dossiers holding a rating the server does not have yet. */
export async function pendingRatings(): Promise<StoredDossier[]> {
  return (await (await db()).getAll("dossiers")).filter((dossier) => dossier.rating?.state === "waiting" || dossier.rating?.state === "attention");
}

/** The server has the rating: it stays, marked sent (the page says so). */
export function completeRating(code: string, out: RatingOut): Promise<void> {
  return change(code, (known) => rated(known, (rating) => ({ ...rating, state: "sent", ratedAt: out.ratedAt, lastError: null })));
}

/** The dossier was rated already, at the counter's tablet or from the app: this one is not kept. */
export function ratedElsewhere(code: string, channel: RatingChannel): Promise<void> {
  return change(code, (known) => rated(known, (rating) => ({ ...rating, state: "elsewhere", channel, lastError: null })));
}

/** Tried and not sent: again at `nextAttemptAt`, or (`attention`) not until the citizen acts. */
export function ratingFailed(code: string, state: "waiting" | "attention", nextAttemptAt: number, lastError: Bilingual): Promise<void> {
  return change(code, (known) => rated(known, (rating) => ({ ...rating, state, attempts: rating.attempts + 1, nextAttemptAt, lastError })));
}

/** "Đánh giá lại" on a refused rating: it goes, unsent, and the card asks again. */
export function dropRating(code: string): Promise<void> {
  return change(code, ({ rating: _dropped, ...known }) => known);
}

export async function postRating(body: RatingBody): Promise<RatingOut> {
  const answer = await send<RatingOut>("/api/dossiers/ratings", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });
  return answer.body;
}
