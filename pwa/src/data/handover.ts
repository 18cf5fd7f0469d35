/** The outbox's moves between stores, each one transaction so that a crash leaves the old state or the
 * new, never half: a draft handed to the outbox, a confirmed dossier kept, a refused draft given back. */

import { announce } from "./changes";
import { db, type Draft, type OutboxEntry, type StoredDossier } from "./db";

/** The draft changed between reading it and freezing it (an edit in another tab): read it again. */
export class DraftChanged extends Error {
  constructor() {
    super("The draft changed while it was being submitted.");
    this.name = "DraftChanged";
  }
}

/** Queues `entry` and locks its draft, provided the draft and its photos are still exactly those the
 * entry was built from (`draftUpdatedAt`, each file's `addedAt`). */
export async function enqueue(entry: OutboxEntry, draftUpdatedAt: string): Promise<void> {
  const tx = (await db()).transaction(["outbox", "drafts", "photos"], "readwrite");
  const draft = await tx.objectStore("drafts").get(entry.draftId);
  let current = draft !== undefined && draft.updatedAt === draftUpdatedAt && !draft.submittedAs;
  for (const file of entry.files) {
    const photo = await tx.objectStore("photos").get([entry.draftId, file.slot]);
    current &&= photo?.addedAt === file.addedAt;
  }
  if (!draft || !current) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DraftChanged();
  }
  const locked: Draft = { ...draft, submittedAs: entry.submissionId };
  delete locked.resubmit;
  await tx.objectStore("drafts").put(locked);
  await tx.objectStore("outbox").add(entry);
  await tx.done;
  announce({ kind: "outbox" });
}

/** The server confirmed the dossier: keep it (with its token) in "my dossiers", then drop the outbox
 * entry, the draft and its photos, all in one transaction: never one without the other. */
export async function completeSubmission(submissionId: string, dossier: StoredDossier): Promise<void> {
  const tx = (await db()).transaction(["outbox", "dossiers", "drafts", "photos"], "readwrite");
  const entry = await tx.objectStore("outbox").get(submissionId);
  const known = await tx.objectStore("dossiers").get(dossier.code);
  // A replay (200) of a dossier already refreshed keeps its richer view.
  await tx.objectStore("dossiers").put(known ? { ...dossier, view: known.view, fetchedAt: known.fetchedAt } : dossier);
  if (entry) {
    await tx.objectStore("outbox").delete(submissionId);
    const draft = await tx.objectStore("drafts").get(entry.draftId);
    if (draft?.submittedAs === submissionId) {
      const photos = tx.objectStore("photos");
      for (const key of await photos.index("byDraft").getAllKeys(entry.draftId)) await photos.delete(key);
      await tx.objectStore("drafts").delete(entry.draftId);
    }
  }
  await tx.done;
  announce({ kind: "outbox" });
  announce({ kind: "dossiers" });
}

/** Gives the draft back to the citizen to change (the server refused it and no dossier exists).
 * With `reuse`, the next submission keeps this id and token. Returns the draft's id. */
export async function reopenDraft(submissionId: string, reuse: boolean): Promise<string | null> {
  const tx = (await db()).transaction(["outbox", "drafts"], "readwrite");
  const entry = await tx.objectStore("outbox").get(submissionId);
  if (!entry) {
    await tx.done;
    return null;
  }
  const stored = await tx.objectStore("drafts").get(entry.draftId);
  const now = new Date().toISOString();
  // The draft cannot be deleted while submitted; should it be missing anyway, the answers are rebuilt
  // from the frozen body rather than lost.
  const draft: Draft = stored ?? {
    id: entry.draftId,
    procedureCode: entry.body.procedureCode,
    procedureVersion: entry.body.procedureVersion,
    agencyCode: entry.body.competentAgencyCode ?? entry.body.agencyCode ?? null,
    answers: entry.body.answers,
    createdAt: entry.createdAt,
    updatedAt: now,
  };
  const reopened: Draft = { ...draft, updatedAt: now };
  delete reopened.submittedAs;
  if (reuse) reopened.resubmit = { submissionId, accessToken: entry.accessToken };
  else delete reopened.resubmit;
  await tx.objectStore("drafts").put(reopened);
  await tx.objectStore("outbox").delete(submissionId);
  await tx.done;
  announce({ kind: "outbox" });
  return reopened.id;
}
