/** Keeps the phone's catalogue and calendar current: a full download the first time, then only what
 * changed (GET /api/catalogue/changes), and the calendar revalidated with its ETag. */

import { ApiError, fetchCalendar, fetchCatalogue, fetchChanges } from "../data/api";
import { loadCalendar, loadCatalogue, saveCalendar, saveCatalogue } from "../data/catalogue";
import type { StoredCalendar, StoredCatalogue } from "../data/db";
import { applyChanges } from "../shared/catalogue";

export interface Refreshed {
  catalogue: StoredCatalogue;
  calendar: StoredCalendar | undefined;
}

async function downloadCatalogue(signal?: AbortSignal): Promise<StoredCatalogue> {
  const answer = await fetchCatalogue(null, signal);
  if (answer.notModified) throw new ApiError("server", 304, null);
  const stored = { snapshot: answer.body, etag: answer.etag, refreshedAt: new Date().toISOString() };
  await saveCatalogue(stored);
  return stored;
}

async function refreshStoredCatalogue(stored: StoredCatalogue, signal?: AbortSignal): Promise<StoredCatalogue> {
  let changes;
  try {
    changes = await fetchChanges(stored.snapshot.version, signal);
  } catch (error) {
    // 410: the server no longer knows our version (a new database): start again from the snapshot.
    if (error instanceof ApiError && error.status === 410) return downloadCatalogue(signal);
    throw error;
  }
  const unchanged = changes.version === stored.snapshot.version;
  const next: StoredCatalogue = {
    snapshot: unchanged ? stored.snapshot : applyChanges(stored.snapshot, changes),
    etag: unchanged ? stored.etag : null,
    refreshedAt: new Date().toISOString(),
  };
  await saveCatalogue(next);
  return next;
}

async function refreshCalendar(signal?: AbortSignal): Promise<StoredCalendar | undefined> {
  const stored = await loadCalendar();
  const answer = await fetchCalendar(stored?.etag ?? null, signal);
  const refreshedAt = new Date().toISOString();
  const next = answer.notModified
    ? stored && { ...stored, refreshedAt }
    : { calendar: answer.body, etag: answer.etag, refreshedAt };
  if (next) await saveCalendar(next);
  return next;
}

/** Brings both up to date with the server; throws ApiError when it cannot be reached. */
export async function refresh(signal?: AbortSignal): Promise<Refreshed> {
  const stored = await loadCatalogue();
  const catalogue = stored ? await refreshStoredCatalogue(stored, signal) : await downloadCatalogue(signal);
  const calendar = await refreshCalendar(signal);
  return { catalogue, calendar };
}
