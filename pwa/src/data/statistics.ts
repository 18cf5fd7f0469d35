/** The units' results for the public transparency page (GET /api/public/statistics): the last answer for each
 * period choice is kept in IndexedDB, so the page reads offline, and revalidated with its ETag. */

import type { PublicStatistics } from "../shared/types";
import { getJson } from "./api";
import { db, type StoredStatistics } from "./db";

export type { StoredStatistics };

/** The periods the server offers: the last completed month, quarter and year (15th to 14th). */
export const CHOICES = ["month", "quarter", "year"] as const;
export type Choice = (typeof CHOICES)[number];

export async function storedStatistics(choice: Choice): Promise<StoredStatistics | null> {
  return (await (await db()).get("statistics", choice)) ?? null;
}

/** Asks the server (an ApiError when it cannot be reached or refuses); keeps and returns what is current. */
export async function refreshStatistics(choice: Choice, known: StoredStatistics | null): Promise<StoredStatistics> {
  const answer = await getJson<PublicStatistics>(`/api/public/statistics?period=${choice}`, { etag: known?.etag ?? null });
  const fetchedAt = new Date().toISOString();
  // 304 comes only for the ETag sent, so only when `known` exists.
  const stored: StoredStatistics = answer.notModified ? { ...known!, fetchedAt } : { choice, statistics: answer.body, etag: answer.etag, fetchedAt };
  await (await db()).put("statistics", stored);
  return stored;
}
