/** Work the phone holds that the server does not have yet, whatever kind: while there is any, no new app
 * version takes over (the page hides "Cập nhật ngay", the service worker refuses SKIP_WAITING). A new kind
 * of queued work (a rating, a complaint) adds its count to UNSENT, and both locks follow. */

import type { IDBPDatabase } from "idb";
import { db, peek, type MotcuaDB } from "./db";

/** How many items of one kind wait, read from the database as it is (a store may not exist yet there). */
export type UnsentCount = (database: IDBPDatabase<MotcuaDB>) => Promise<number>;

const submissions: UnsentCount = async (database) => (database.objectStoreNames.contains("outbox") ? database.count("outbox") : 0);

/** Requests to stop (Art 21) kept with their dossier: waiting, or refused and not yet dropped. */
const stopRequests: UnsentCount = async (database) =>
  database.objectStoreNames.contains("dossiers") ? (await database.getAll("dossiers")).filter((dossier) => dossier.stopAsked).length : 0;

/** Ratings of returned dossiers (Art 29-34) kept with their dossier and not yet sent. */
const ratings: UnsentCount = async (database) =>
  database.objectStoreNames.contains("dossiers")
    ? (await database.getAll("dossiers")).filter((dossier) => dossier.rating?.state === "waiting" || dossier.rating?.state === "attention").length
    : 0;

/** Feedback and complaints (phản ánh, kiến nghị) the server does not have yet. */
const feedback: UnsentCount = async (database) =>
  database.objectStoreNames.contains("feedback") ? (await database.getAll("feedback")).filter((item) => item.pending).length : 0;

export const UNSENT: UnsentCount[] = [submissions, stopRequests, ratings, feedback];

async function sum(database: IDBPDatabase<MotcuaDB>): Promise<number> {
  const counts = await Promise.all(UNSENT.map((count) => count(database)));
  return counts.reduce((total, n) => total + n, 0);
}

/** The page's count (opening the database as this version wants it). */
export async function countUnsent(): Promise<number> {
  return sum(await db());
}

/** The service worker's count, without creating or upgrading the database. */
export async function peekUnsent(): Promise<number> {
  return (await peek(sum)) ?? 0;
}
