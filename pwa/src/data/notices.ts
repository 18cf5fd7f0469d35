/** The inbox (hộp thông báo) in IndexedDB: every notice about the phone's dossiers, kept to read offline,
 * each read or unread on this phone. Notices are added or marked read, never removed. */

import type { IDBPTransaction } from "idb";
import { announce } from "./changes";
import { db, type MotcuaDB, type StoredNotice } from "./db";

export type { StoredNotice };

/** A notice as POST /api/push/inbox sends it. */
export type InboxNotice = Omit<StoredNotice, "read">;

type NoticesTx = IDBPTransaction<MotcuaDB, ["notices"], "readwrite">;

/** Newest first (the server numbers notices in the order it wrote them). */
export async function listNotices(): Promise<StoredNotice[]> {
  return (await db()).getAll("notices").then((all) => all.reverse());
}

/** Keeps the notices the server sent; one already on the phone keeps whether it was read. */
export async function saveNotices(notices: InboxNotice[]): Promise<void> {
  const tx = (await db()).transaction("notices", "readwrite");
  for (const notice of notices) {
    const known = await tx.store.get(notice.id);
    await tx.store.put({ ...notice, read: known?.read ?? 0 });
  }
  await tx.done;
  if (notices.length > 0) announce({ kind: "notices" });
}

async function markRead(pick: (tx: NoticesTx) => Promise<Array<StoredNotice | undefined>>): Promise<void> {
  const tx = (await db()).transaction("notices", "readwrite");
  const unread = (await pick(tx)).filter((notice): notice is StoredNotice => notice?.read === 0);
  for (const notice of unread) await tx.store.put({ ...notice, read: 1 });
  await tx.done;
  if (unread.length > 0) announce({ kind: "notices" });
}

/** The citizen opened this notice. */
export function markNoticeRead(id: number): Promise<void> {
  return markRead(async (tx) => [await tx.store.get(id)]);
}

/** The citizen opened this dossier: what its notices said is on the screen. */
export function markDossierRead(code: string): Promise<void> {
  return markRead((tx) => tx.store.index("byCode").getAll(code));
}
