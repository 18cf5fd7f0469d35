/** The app's IndexedDB database: one versioned schema, upgraded in place, never dropped.
 * A new app version adds stores or indexes in a new `if (oldVersion < N)` step; it never renames or
 * deletes a store, so drafts made by any earlier version survive every update. */

import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type {
  Answers,
  AttachmentRef,
  Bilingual,
  CalendarData,
  Catalogue,
  CorrectionBody,
  CorrectionItem,
  DossierStatus,
  DossierView,
  ProblemDetail,
  RatingBody,
  RatingChannel,
  StopRequestBody,
  SubmissionBody,
} from "../shared/types";

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
  /** The competent agency (for a commune-level procedure, the commune chosen); null until chosen. */
  agencyCode: string | null;
  answers: Answers;
  createdAt: string;
  updatedAt: string;
  /** Set when the citizen pressed "Nộp hồ sơ": the outbox entry that now owns this draft. The draft is
   * read-only from then on and is deleted only once the server has confirmed the dossier. */
  submittedAs?: string;
  /** After the server refused a submission that created no dossier (422 ...), the draft is editable again
   * and the next "Nộp hồ sơ" reuses this id and token, so files already uploaded for it count. */
  resubmit?: { submissionId: string; accessToken: string };
  /** Set on a correction draft (sửa, bổ sung hồ sơ): it holds the dossier's answers, and only the items
   * the officer asked for may change; "Gửi lại" sends it into that same dossier. */
  correction?: DraftCorrection;
}

/** What a correction draft corrects: the dossier, the version it edits and the request's items. */
export interface DraftCorrection {
  code: string;
  submissionId: string;
  accessToken: string;
  editsVersion: number;
  /** Made once on the phone: every retry of this correction carries it (exactly once on the server). */
  correctionId: string;
  items: CorrectionItem[];
  /** The dossier's files as the server holds them; a retaken photo replaces its slot's. */
  attachments: AttachmentRef[];
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

/** A photo the submission refers to, as it was when the submission was frozen. */
export interface OutboxFile {
  slot: string;
  sha256: string;
  size: number;
  type: string;
  /** The stored photo's `addedAt`: a different value means the photo is not the one hashed. */
  addedAt: string;
}

/** waiting: to be sent (now or at `nextAttemptAt`); sending: a flush is working on it;
 * attention: the server refused it and only the citizen can fix it (cần xử lý). */
export type OutboxState = "waiting" | "sending" | "attention";

/** A dossier the citizen has submitted (Nộp hồ sơ) that the server has not confirmed yet. */
export interface OutboxEntry {
  submissionId: string;
  draftId: string;
  /** The only key to the dossier once it exists; kept here until it is safe in `dossiers`. */
  accessToken: string;
  /** Frozen: every retry sends exactly this (structured clone keeps key order, so the JSON is identical).
   * For a correction, the dossier as corrected (kept so the draft can always be rebuilt from it). */
  body: SubmissionBody;
  /** Absent (entries of older versions too): a new dossier. "correction": `correction` goes to
   * POST /api/dossiers/corrections, after the files, into the dossier `code`. */
  kind?: "correction";
  correction?: CorrectionBody;
  code?: string;
  files: OutboxFile[];
  state: OutboxState;
  /** Tries the server answered with a failure (sync/outbox says what counts): they set the back-off. */
  attempts: number;
  /** Tries in a row that never reached the server (no signal); absent in entries of older versions. */
  unreached?: number;
  /** Epoch milliseconds; 0 means "as soon as possible". */
  nextAttemptAt: number;
  lastError: Bilingual | null;
  /** The server's refusal, when state is attention (status 0: a problem found on the phone). */
  problem: { status: number; code: string; errors: ProblemDetail[] } | null;
  /** Bytes the server is known to hold (files confirmed), of the files plus the body. */
  bytesSent: number;
  bytesTotal: number;
  createdAt: string;
  lastAttemptAt: string | null;
}

/** One of "my dossiers" (hồ sơ của tôi): what the server confirmed, and the token to ask about it. */
export interface StoredDossier {
  code: string;
  /** Never dropped: without it the phone cannot see this dossier again. */
  accessToken: string;
  submissionId: string;
  procedureCode: string;
  agencyCode: string;
  status: DossierStatus;
  submittedAt: string;
  /** The last full view from POST /api/dossiers/mine; null until the first refresh. */
  view: DossierView | null;
  fetchedAt: string | null;
  /** The citizen's request to stop (Art 21) while the server does not have it yet: kept with the dossier
   * (in no new store, so no schema upgrade), sent by the outbox engine exactly once by its `body.requestId`. */
  stopAsked?: PendingStop;
  /** The citizen's rating once returned (Art 29-34), kept with the dossier like `stopAsked` (no schema
   * upgrade) and sent exactly once by its `body.ratingId`; it stays once sent, so the page says so. */
  rating?: PhoneRating;
  /** "Không đánh giá": the phone stops asking for a rating of this dossier. */
  ratingDeclined?: boolean;
}

/** waiting: to send (at `nextAttemptAt`); sent: the server has it; elsewhere: the dossier was rated
 * already (`channel` says where: the counter's tablet, or the app); attention: refused (`lastError`). */
export interface PhoneRating {
  body: RatingBody;
  ratedAt: string;
  state: "waiting" | "sent" | "elsewhere" | "attention";
  attempts: number;
  nextAttemptAt: number;
  lastError: Bilingual | null;
  channel?: RatingChannel;
}

export interface PendingStop {
  body: StopRequestBody;
  askedAt: string;
  /** waiting: to send (at `nextAttemptAt`); attention: the server refused it (`lastError` says why). */
  state: "waiting" | "attention";
  attempts: number;
  nextAttemptAt: number;
  lastError: Bilingual | null;
}

/** A notice about one of my dossiers (thông báo), as POST /api/push/inbox gave it: kept on the phone so the
 * inbox reads offline; `read` is the phone's own (0 unread, 1 read: a boolean cannot be an index key). */
export interface StoredNotice {
  /** The server's id: the same notice fetched again is the same record. */
  id: number;
  code: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  /** Where a tap leads in the app: "/#/da-nop/<code>", or ".../sua" for a correction request. */
  url: string;
  createdAt: string;
  read: 0 | 1;
}

export interface MotcuaDB extends DBSchema {
  catalogue: { key: "current"; value: StoredCatalogue };
  calendar: { key: "current"; value: StoredCalendar };
  drafts: { key: string; value: Draft; indexes: { byUpdated: string } };
  photos: { key: [string, string]; value: Photo; indexes: { byDraft: string } };
  outbox: { key: string; value: OutboxEntry; indexes: { byCreated: string } };
  dossiers: { key: string; value: StoredDossier; indexes: { bySubmitted: string } };
  notices: { key: number; value: StoredNotice; indexes: { byRead: number; byCode: string } };
}

export const DB_NAME = "motcua";
export const DB_VERSION = 3;

/** Opens the database and runs `read` on it without ever creating or upgrading it: for the service
 * worker's checks, which must not change the schema under a page of another app version. Null when the
 * database does not exist yet or cannot be opened. */
export async function peek<T>(read: (database: IDBPDatabase<MotcuaDB>) => Promise<T>): Promise<T | null> {
  let database: IDBPDatabase<MotcuaDB>;
  try {
    database = await openDB<MotcuaDB>(DB_NAME, undefined, {
      // Called only when the database did not exist: abort, so that it is not created empty at version 1
      // (the app's own upgrade would then skip creating the stores).
      upgrade(_database, _old, _new, transaction) {
        transaction.abort();
      },
    });
  } catch {
    return null;
  }
  try {
    return await read(database);
  } finally {
    database.close();
  }
}

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
      if (oldVersion < 2) {
        const outbox = database.createObjectStore("outbox", { keyPath: "submissionId" });
        outbox.createIndex("byCreated", "createdAt");
        const dossiers = database.createObjectStore("dossiers", { keyPath: "code" });
        dossiers.createIndex("bySubmitted", "submittedAt");
      }
      if (oldVersion < 3) {
        const notices = database.createObjectStore("notices", { keyPath: "id" });
        notices.createIndex("byRead", "read");
        notices.createIndex("byCode", "code");
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
