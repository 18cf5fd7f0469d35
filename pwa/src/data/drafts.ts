/** Drafts and their photos in IndexedDB. Every change is written at once: nothing waits in memory. */

import type { Answers } from "../shared/types";
import type { IDBPObjectStore } from "idb";
import { db, type Draft, type MotcuaDB, type Photo } from "./db";

export type { Draft, Photo };

/** The draft was submitted (Nộp hồ sơ): it stays as it was sent until the server has it. */
export class DraftSubmitted extends Error {
  constructor() {
    super("The draft was submitted and can no longer change.");
    this.name = "DraftSubmitted";
  }
}

function now(): string {
  return new Date().toISOString();
}

export async function createDraft(procedureCode: string, procedureVersion: number, agencyCode: string | null): Promise<Draft> {
  const stamp = now();
  const draft: Draft = {
    id: crypto.randomUUID(),
    procedureCode,
    procedureVersion,
    agencyCode,
    answers: {},
    createdAt: stamp,
    updatedAt: stamp,
  };
  await (await db()).add("drafts", draft);
  return draft;
}

/** Newest first; correction drafts are shown with their dossier, not here. */
export async function listDrafts(): Promise<Draft[]> {
  const all = await (await db()).getAllFromIndex("drafts", "byUpdated");
  return all.reverse().filter((draft) => !draft.correction);
}

export async function getDraft(id: string): Promise<Draft | undefined> {
  return (await db()).get("drafts", id);
}

/** Changes a draft inside one transaction, so two quick edits never overwrite each other. */
async function updateDraft(id: string, change: (draft: Draft) => void): Promise<Draft | undefined> {
  const tx = (await db()).transaction("drafts", "readwrite");
  const draft = await tx.store.get(id);
  if (draft?.submittedAs) {
    await tx.done;
    throw new DraftSubmitted();
  }
  if (draft) {
    change(draft);
    draft.updatedAt = now();
    await tx.store.put(draft);
  }
  await tx.done;
  return draft;
}

export function saveAnswers(id: string, answers: Answers): Promise<Draft | undefined> {
  return updateDraft(id, (draft) => {
    draft.answers = answers;
  });
}

export function chooseAgency(id: string, agencyCode: string): Promise<Draft | undefined> {
  return updateDraft(id, (draft) => {
    draft.agencyCode = agencyCode;
  });
}

/** Removes a draft and all its photos together; a submitted one waits for the server instead. */
export async function deleteDraft(id: string): Promise<void> {
  const tx = (await db()).transaction(["drafts", "photos"], "readwrite");
  if ((await tx.objectStore("drafts").get(id))?.submittedAs) {
    await tx.done;
    throw new DraftSubmitted();
  }
  const photos = tx.objectStore("photos");
  for (const key of await photos.index("byDraft").getAllKeys(id)) await photos.delete(key);
  await tx.objectStore("drafts").delete(id);
  await tx.done;
}

export async function listPhotos(draftId: string): Promise<Photo[]> {
  return (await db()).getAllFromIndex("photos", "byDraft", draftId);
}

export async function getPhoto(draftId: string, slot: string): Promise<Photo | undefined> {
  return (await db()).get("photos", [draftId, slot]);
}

/** Adds or removes a photo and marks its draft as changed, in one transaction. */
async function changePhotos(draftId: string, change: (photos: IDBPObjectStore<MotcuaDB, ["photos", "drafts"], "photos", "readwrite">) => Promise<unknown>): Promise<void> {
  const tx = (await db()).transaction(["photos", "drafts"], "readwrite");
  const draft = await tx.objectStore("drafts").get(draftId);
  // The photos of a submitted draft are what the outbox will upload: they must stay the ones hashed.
  if (draft?.submittedAs) {
    await tx.done;
    throw new DraftSubmitted();
  }
  await change(tx.objectStore("photos"));
  if (draft) {
    draft.updatedAt = now();
    await tx.objectStore("drafts").put(draft);
  }
  await tx.done;
}

export function putPhoto(photo: Photo): Promise<void> {
  return changePhotos(photo.draftId, (photos) => photos.put(photo));
}

export function deletePhoto(draftId: string, slot: string): Promise<void> {
  return changePhotos(draftId, (photos) => photos.delete([draftId, slot]));
}
