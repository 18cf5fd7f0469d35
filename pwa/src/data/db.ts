/** The app's IndexedDB database: one versioned schema, upgraded in place, never dropped.
 * A new app version adds stores or indexes in a new `if (oldVersion < N)` step; it never renames or
 * deletes a store, so drafts made by any earlier version survive every update. */

import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { CalendarData, Catalogue, Answers } from "../shared/types";

/** The catalogue as last received, with when and how (ETag of the full snapshot, if that is what came). */
export interface StoredCatalogue {
  snapshot: Catalogue;
  etag: string | null;
  refreshedAt: string;
}

export interface StoredCalendar {
  calendar: CalendarData;
  etag: string | null;
  refreshedAt: string;
}

/** A dossier being prepared on the phone (bản nháp hồ sơ). */
export interface Draft {
  id: string;
  procedureCode: string;
  /** The catalogue version of the procedure when the draft was started. */
  procedureVersion: number;
  /** The agency (e.g. the commune) the dossier is for; null until chosen. */
  agencyCode: string | null;
  answers: Answers;
  createdAt: string;
  updatedAt: string;
}

/** A compressed photo of one paper of the dossier (one per document slot). */
export interface Photo {
  draftId: string;
  slot: string;
  blob: Blob;
  type: string;
  size: number;
  width: number;
  height: number;
  addedAt: string;
}

export interface MotcuaDB extends DBSchema {
  catalogue: { key: "current"; value: StoredCatalogue };
  calendar: { key: "current"; value: StoredCalendar };
  drafts: { key: string; value: Draft; indexes: { byUpdated: string } };
  photos: { key: [string, string]; value: Photo; indexes: { byDraft: string } };
}

export const DB_NAME = "motcua";
export const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<MotcuaDB>> | null = null;

export function db(): Promise<IDBPDatabase<MotcuaDB>> {
  opening ??= openDB<MotcuaDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore("catalogue");
        database.createObjectStore("calendar");
        const drafts = database.createObjectStore("drafts", { keyPath: "id" });
        drafts.createIndex("byUpdated", "updatedAt");
        const photos = database.createObjectStore("photos", { keyPath: ["draftId", "slot"] });
        photos.createIndex("byDraft", "draftId");
      }
    },
    // A newer app version in another tab wants to upgrade: let it, and reopen on next use.
    blocking() {
      void opening?.then((open) => open.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  });
  return opening;
}
