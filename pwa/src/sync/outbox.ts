/** The outbox engine: freezes a draft into a submission ("Nộp hồ sơ"), then sends it in the contract's
 * order (files held? → each missing file → the submission) with capped backoff. It runs in pages and in
 * the service worker (Background Sync), so it never touches the DOM; one flush at a time, across both. */

import { ApiError } from "../data/api";
import { announce } from "../data/changes";
import type { OutboxEntry, OutboxFile, StoredDossier } from "../data/db";
import { getDraft, getPhoto, listPhotos } from "../data/drafts";
import { completeCorrection } from "../data/corrections";
import { fetchHeldFiles, postCorrection, postSubmission, submissionJson, uploadFile } from "../data/intake";
import { completeSubmission, DraftChanged, enqueue, reopenDraft } from "../data/handover";
import { listOutbox, updateEntry } from "../data/outbox";
import type { Bilingual, ProblemDetail, SubmissionBody, SubmissionOut } from "../shared/types";
import { sha256Hex } from "../shared/sha256";
import { SYNC_MESSAGES } from "./messages";
import { sendRatings } from "./ratings";
import { sendFeedback } from "./feedback";
import { withQueued } from "./queued";
import { sendStopRequests } from "./stops";

/** The Background Sync tag, and the Web Lock that serialises flushes between pages and the worker. */
export const SYNC_TAG = "motcua-outbox";
const LOCK = "motcua-outbox";
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 10 * 60_000;
/** A window of rural signal lasts minutes: a try that found no network is repeated within this. */
const UNREACHED_MAX_DELAY_MS = 30_000;
const PROGRESS_EVERY_MS = 250;

/* What an attempt is (it grows `attempts`, and with it the back-off of 5 s doubling to 10 min): a try
 * the server answered with "not now" (5xx, 408, 429: it is struggling, so back off) or with a refusal
 * (another 4xx: the entry then needs the citizen), and a failure of the phone's own storage.
 * A try that never reached the server is not one, whether the browser knew it was offline or not: no
 * answer at all (a refused or cut connection, a timeout), or a body that is not ours (a captive portal's
 * page). It says nothing of the server, only of the signal; so it is counted apart (`unreached`), retried
 * within 30 s (5 s doubling, capped), and sent at once on any sign that the network is back (`online`,
 * the app shown again, any answer from the server: `flush({ connected: true })`). */

/** Capped exponential backoff: about 5 s, 10 s, 20 s … up to `cap` after `failures` so far.
 * The jitter (50–100 %) keeps phones that lost the same cell tower from all coming back at once. */
export function retryDelay(failures: number, cap = MAX_DELAY_MS, random = Math.random()): number {
  const ceiling = Math.min(cap, BASE_DELAY_MS * 2 ** failures);
  return Math.round(ceiling * (0.5 + random / 2));
}

function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** 32 random bytes: the phone's secret for its dossier (the server keeps only a hash). */
export function newAccessToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Two slots holding the same bytes are one file on the server. */
function uniqueFiles(files: OutboxFile[]): OutboxFile[] {
  return files.filter((file, index) => files.findIndex((other) => other.sha256 === file.sha256) === index);
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** What of the current catalogue the submission needs: its version and the slots that take a photo. */
export interface SubmitProcedure {
  version: number;
  uploadSlots: string[];
}

/** The state of an entry not tried yet: due at once. */
export function unsent(): Pick<
  OutboxEntry,
  "state" | "attempts" | "unreached" | "nextAttemptAt" | "lastError" | "problem" | "bytesSent" | "createdAt" | "lastAttemptAt"
> {
  return {
    state: "waiting",
    attempts: 0,
    unreached: 0,
    nextAttemptAt: 0,
    lastError: null,
    problem: null,
    bytesSent: 0,
    createdAt: new Date().toISOString(),
    lastAttemptAt: null,
  };
}

/** The outbox's record of each photo: its hash, size and type, frozen when the citizen sends. */
export function outboxFiles(photos: Awaited<ReturnType<typeof listPhotos>>): Promise<OutboxFile[]> {
  return Promise.all(
    photos.map(async (photo) => ({
      slot: photo.slot,
      sha256: await sha256Hex(photo.blob),
      size: photo.blob.size,
      type: photo.type,
      addedAt: photo.addedAt,
    })),
  );
}

async function freeze(draftId: string, procedure: SubmitProcedure): Promise<string> {
  const draft = await getDraft(draftId);
  if (!draft) throw new Error("The draft is gone.");
  if (draft.submittedAs) return draft.submittedAs; // A second tap: it is queued already.
  if (!draft.agencyCode) throw new Error("The draft has no agency.");
  const photos = (await listPhotos(draftId)).filter((photo) => procedure.uploadSlots.includes(photo.slot));
  const files = await outboxFiles(photos);
  const submissionId = draft.resubmit?.submissionId ?? crypto.randomUUID();
  const accessToken = draft.resubmit?.accessToken ?? newAccessToken();
  const body: SubmissionBody = {
    submissionId,
    procedureCode: draft.procedureCode,
    procedureVersion: procedure.version,
    // The competent agency; its own centre receives (backend/catalogue/organisation.py).
    competentAgencyCode: draft.agencyCode,
    answers: draft.answers,
    accessToken,
    attachments: files.map((file) => ({ slot: file.slot, sha256: file.sha256 })),
  };
  const bytesTotal = uniqueFiles(files).reduce((sum, file) => sum + file.size, 0) + byteLength(submissionJson(body));
  await enqueue(
    {
      submissionId,
      draftId,
      accessToken,
      body,
      files,
      bytesTotal,
      ...unsent(),
    },
    draft.updatedAt,
  );
  return submissionId;
}

/** "Nộp hồ sơ": hashes the photos, freezes the submission and locks the draft, in one transaction.
 * Returns the submission id. Nothing is sent here: call `flush` next. */
export async function submitDraft(draftId: string, procedure: SubmitProcedure): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await freeze(draftId, procedure);
    } catch (error) {
      // Edited in another tab while the photos were hashed: freeze what it is now.
      if (!(error instanceof DraftChanged) || attempt === 3) throw error;
    }
  }
}

/** A problem found on the phone that only the citizen can fix. */
class LocalProblem extends Error {
  constructor(
    readonly text: Bilingual,
    readonly code: string,
  ) {
    super(text.en);
    this.name = "LocalProblem";
  }
}

function progressReporter(entry: OutboxEntry): (bytesSent: number) => void {
  let last = 0;
  return (bytesSent) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    announce({ kind: "progress", submissionId: entry.submissionId, bytesSent, bytesTotal: entry.bytesTotal });
  };
}

async function recordProgress(entry: OutboxEntry, bytesSent: number): Promise<void> {
  await updateEntry(entry.submissionId, (stored) => {
    stored.bytesSent = bytesSent;
  });
  announce({ kind: "progress", submissionId: entry.submissionId, bytesSent, bytesTotal: entry.bytesTotal });
}

/** Uploads, one per request, the files the server does not hold yet for this submission and token. */
async function uploadMissing(entry: OutboxEntry): Promise<void> {
  const held = new Set((await fetchHeldFiles(entry.submissionId, entry.accessToken)).map((file) => file.sha256));
  const files = uniqueFiles(entry.files);
  let sent = files.filter((file) => held.has(file.sha256)).reduce((sum, file) => sum + file.size, 0);
  await recordProgress(entry, sent);
  const report = progressReporter(entry);
  for (const file of files) {
    if (held.has(file.sha256)) continue;
    const photo = await getPhoto(entry.draftId, file.slot);
    if (!photo || photo.addedAt !== file.addedAt) throw new LocalProblem(SYNC_MESSAGES.photoMissing, "photo_missing");
    const before = sent;
    await uploadFile(entry.submissionId, file.sha256, photo.blob, entry.accessToken, (loaded) => report(before + loaded));
    sent += file.size;
    await recordProgress(entry, sent);
  }
}

function dossierFrom(entry: OutboxEntry, out: SubmissionOut): StoredDossier {
  return {
    code: out.code,
    accessToken: entry.accessToken,
    submissionId: entry.submissionId,
    procedureCode: out.procedureCode,
    agencyCode: out.agencyCode,
    status: out.status,
    submittedAt: out.submittedAt,
    view: null,
    fetchedAt: null,
  };
}

/** An answer worth trying again after a while: a server failure, or "too many requests". */
function retryable(error: ApiError): boolean {
  return error.status >= 500 || error.status === 429 || error.status === 408;
}

/** The server's per-field details, kept only when they have the documented shape. */
function details(errors: unknown): ProblemDetail[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is ProblemDetail =>
      typeof e === "object" && e !== null && typeof (e as ProblemDetail).path === "string" && typeof (e as ProblemDetail).message?.vi === "string",
  );
}

async function retryLater(entry: OutboxEntry, message: Bilingual, retryAfter: number | null): Promise<void> {
  await updateEntry(entry.submissionId, (stored) => {
    const delay = Math.max(retryDelay(stored.attempts), (retryAfter ?? 0) * 1000);
    stored.state = "waiting";
    stored.attempts += 1;
    stored.unreached = 0;
    stored.nextAttemptAt = Date.now() + delay;
    stored.lastError = message;
    stored.problem = null;
  });
}

/** The server was not reached: not an attempt (see above), tried again within 30 s. */
async function retryWhenReached(entry: OutboxEntry): Promise<void> {
  await updateEntry(entry.submissionId, (stored) => {
    const unreached = (stored.unreached ?? 0) + 1;
    stored.state = "waiting";
    stored.unreached = unreached;
    stored.nextAttemptAt = Date.now() + retryDelay(unreached - 1, UNREACHED_MAX_DELAY_MS);
    stored.lastError = SYNC_MESSAGES.network;
    stored.problem = null;
  });
}

async function needsAttention(entry: OutboxEntry, message: Bilingual, problem: NonNullable<OutboxEntry["problem"]>): Promise<void> {
  await updateEntry(entry.submissionId, (stored) => {
    stored.state = "attention";
    stored.attempts += 1;
    stored.unreached = 0;
    stored.nextAttemptAt = 0;
    stored.lastError = message;
    stored.problem = problem;
  });
}

type Outcome = "sent" | "retry" | "attention" | "gone";

async function settle(entry: OutboxEntry, error: unknown): Promise<Outcome> {
  if (error instanceof LocalProblem) {
    await needsAttention(entry, error.text, { status: 0, code: error.code, errors: [] });
    return "attention";
  }
  if (!(error instanceof ApiError)) {
    // Storage failing under us: nothing the citizen can fix, and nothing is lost by trying later.
    console.error("outbox: sending failed", error);
    await retryLater(entry, SYNC_MESSAGES.storage, null);
    return "retry";
  }
  if (error.kind === "network") {
    await retryWhenReached(entry);
    return "retry";
  }
  if (retryable(error)) {
    await retryLater(entry, error.problem?.message ?? SYNC_MESSAGES.busy, error.retryAfter);
    return "retry";
  }
  await needsAttention(entry, error.problem?.message ?? SYNC_MESSAGES.refused, {
    status: error.status,
    code: error.problem?.code ?? `http_${error.status}`,
    errors: details(error.problem?.errors),
  });
  return "attention";
}

async function sendEntry(entry: OutboxEntry): Promise<Outcome> {
  const current = await updateEntry(entry.submissionId, (stored) => {
    stored.state = "sending";
    stored.lastAttemptAt = new Date().toISOString();
  });
  if (!current) return "gone";
  try {
    await uploadMissing(entry);
    if (entry.kind === "correction" && entry.correction) {
      // Into the same dossier, exactly once: the correction id is the phone's, frozen in the entry.
      await completeCorrection(entry.submissionId, await postCorrection(JSON.stringify(entry.correction)));
      return "sent";
    }
    const out = await postSubmission(submissionJson(entry.body));
    // Only now, with the dossier and its token stored, do the draft and its photos go.
    await completeSubmission(entry.submissionId, dossierFrom(entry, out));
    return "sent";
  } catch (error) {
    return settle(entry, error);
  }
}

export interface FlushResult {
  sent: number;
  /** Entries left to send by themselves (not counting those that need the citizen). */
  waiting: number;
  /** When the earliest of them is due (epoch ms), or null. */
  nextAttemptAt: number | null;
}

export async function outboxSummary(sent = 0): Promise<FlushResult> {
  const waiting = (await listOutbox()).filter((entry) => entry.state !== "attention");
  const times = waiting.filter((entry) => entry.state === "waiting").map((entry) => entry.nextAttemptAt);
  return { sent, waiting: waiting.length, nextAttemptAt: times.length > 0 ? Math.min(...times) : null };
}

/** How a flush was asked for: "Gửi ngay" or Background Sync (`force`), a sign that the network is
 * back (`connected`), or the timer (neither). */
export interface FlushOptions {
  force?: boolean;
  connected?: boolean;
}

function isDue(entry: OutboxEntry, options: FlushOptions): boolean {
  if (entry.state === "attention") return false;
  // A "sending" entry seen while holding the lock was left by a flush that died (a closed tab).
  if (options.force || entry.state === "sending") return true;
  // Its last try found no network, which is back; one the server last answered keeps its back-off.
  if (options.connected && (entry.unreached ?? 0) > 0) return true;
  return entry.nextAttemptAt <= Date.now();
}

async function flushLocked(options: FlushOptions): Promise<FlushResult> {
  let sent = 0;
  // Known to be offline: an automatic try would be in vain. "Gửi ngay" tries all the same (it is not
  // counted as an attempt either way).
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  if (options.force || !offline) {
    for (const entry of await listOutbox()) {
      if (isDue(entry, options) && (await sendEntry(entry)) === "sent") sent++;
    }
  }
  // The citizen's requests to stop (Art 21) go on the same occasions, under the same lock.
  const sending = { send: Boolean(options.force) || !offline, force: Boolean(options.force || options.connected), delay: retryDelay };
  const stops = await sendStopRequests(sending);
  // So do the citizens' ratings of returned dossiers (Art 29-34), and their feedback (phản ánh, kiến nghị).
  const ratings = await sendRatings(sending);
  const feedback = await sendFeedback(sending);
  const summary = await outboxSummary(sent + stops.sent + ratings.sent + feedback.sent);
  return withQueued(withQueued(withQueued(summary, stops), ratings), feedback);
}

let localQueue: Promise<unknown> = Promise.resolve();
let localBusy = false;

/** Runs `work` holding the outbox lock. Without `wait`, returns null at once when another page or the
 * worker holds it (that one is flushing already). */
async function withLock<T>(wait: boolean, work: () => Promise<T>): Promise<T | null> {
  if (typeof navigator !== "undefined" && "locks" in navigator && navigator.locks) {
    return navigator.locks.request(LOCK, { ifAvailable: !wait }, (lock) => (lock ? work() : null));
  }
  // No Web Locks (Safari before 15.4): only this context is serialised; such browsers have no
  // Background Sync either, so the worker never flushes there.
  if (localBusy && !wait) return null;
  const run = localQueue.then(async () => {
    localBusy = true;
    try {
      return await work();
    } finally {
      localBusy = false;
    }
  });
  localQueue = run.catch(() => undefined);
  return run;
}

/** Sends every due entry; `force` ("Gửi ngay", Background Sync) ignores the backoff and waits for a
 * flush running elsewhere to end; `connected` sends at once what waits only for the network. Null when
 * skipped because another context is flushing. */
export function flush(options: FlushOptions = {}): Promise<FlushResult | null> {
  return withLock(options.force ?? false, () => flushLocked(options));
}

/** "Gửi ngay" on an entry the server refused (a retry can help after a cut upload, 400 hash_mismatch). */
export async function sendNow(submissionId: string): Promise<FlushResult | null> {
  await updateEntry(submissionId, (stored) => {
    if (stored.state !== "attention") return;
    stored.state = "waiting";
    stored.nextAttemptAt = 0;
  });
  return flush({ force: true });
}

/** "Sửa hồ sơ" on an entry the server refused: the draft becomes editable again and the entry goes.
 * Under the lock, so that it never races a send of the same entry. After a 409 the id is spent (it is
 * bound elsewhere); after anything else no dossier exists, and the same id and token are kept.
 * Returns the draft's id, or null when the entry is no longer one to edit. */
export async function editAgain(submissionId: string): Promise<string | null> {
  const reopened = await withLock(true, async () => {
    const entry = (await listOutbox()).find((e) => e.submissionId === submissionId);
    if (entry?.state !== "attention") return null;
    return reopenDraft(submissionId, entry.problem?.status !== 409);
  });
  return reopened ?? null;
}
