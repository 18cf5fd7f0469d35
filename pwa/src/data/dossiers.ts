/** "My dossiers" (hồ sơ của tôi) in IndexedDB: each confirmed dossier with its access token and the
 * server's last view of it. Entries are only ever added or refreshed here, never removed. */

import type { DossierView } from "../shared/types";
import { announce } from "./changes";
import { db, type StoredDossier } from "./db";

export type { StoredDossier };

/** Newest first. */
export async function listDossiers(): Promise<StoredDossier[]> {
  return (await db()).getAllFromIndex("dossiers", "bySubmitted").then((all) => all.reverse());
}

export async function getDossier(code: string): Promise<StoredDossier | undefined> {
  return (await db()).get("dossiers", code);
}

/** Stores the server's views of dossiers the phone holds; a dossier the server did not return keeps its
 * last view (and, above all, its token). */
export async function saveDossierViews(views: DossierView[], fetchedAt: string): Promise<void> {
  const tx = (await db()).transaction("dossiers", "readwrite");
  for (const view of views) {
    const known = await tx.store.get(view.code);
    if (!known) continue; // Only dossiers whose token this phone sent can come back.
    await tx.store.put({ ...known, status: view.status, submittedAt: view.submittedAt, view, fetchedAt });
  }
  await tx.done;
  announce({ kind: "dossiers" });
}
