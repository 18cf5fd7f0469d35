/** The outbox (hộp thư đi) in IndexedDB: submissions frozen on the phone until the server confirms them.
 * Reading it and changing one entry; the moves between stores are in handover.ts. */

import { announce } from "./changes";
import { db, peek, type OutboxEntry } from "./db";

export type { OutboxEntry };

/** Oldest first: the order the citizen pressed "Nộp hồ sơ". */
export async function listOutbox(): Promise<OutboxEntry[]> {
  return (await db()).getAllFromIndex("outbox", "byCreated");
}

export async function countOutbox(): Promise<number> {
  return (await db()).count("outbox");
}

/** The count without creating or upgrading the database (for the service worker). */
export async function peekOutboxCount(): Promise<number> {
  return (await peek((database) => (database.objectStoreNames.contains("outbox") ? database.count("outbox") : Promise.resolve(0)))) ?? 0;
}

/** Changes one entry in its own transaction; undefined when it is gone (sent or reopened meanwhile). */
export async function updateEntry(submissionId: string, change: (entry: OutboxEntry) => void): Promise<OutboxEntry | undefined> {
  const tx = (await db()).transaction("outbox", "readwrite");
  const entry = await tx.store.get(submissionId);
  if (entry) {
    change(entry);
    await tx.store.put(entry);
  }
  await tx.done;
  if (entry) announce({ kind: "outbox" });
  return entry;
}

/** Whether a request to stop (Art 21) or a rating (Art 29-34) waits, kept with its dossier, for the outbox
 * engine to send it. */
export async function hasPendingStop(): Promise<boolean> {
  return (await (await db()).getAll("dossiers")).some((dossier) => dossier.stopAsked?.state === "waiting" || dossier.rating?.state === "waiting");
}
