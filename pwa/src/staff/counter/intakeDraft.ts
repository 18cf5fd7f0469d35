/** What the officer has typed and scanned for the dossier at the counter, kept in memory while the page is
 * away (a session that expired and was signed into again finds it all), and the notice of the last intake. */

import { sha256Hex } from "../../shared/sha256";
import type { Answers, Bilingual } from "../../shared/types";
import { StaffApiError } from "../api";
import { newIntakeId, putScan } from "./intake";

/** waiting: not on the server (yet, or any more); refused: the server will not take it (415, 413, ...). */
export type ScanState = "waiting" | "uploading" | "held" | "refused";

export interface Scan {
  slot: string;
  blob: Blob;
  /** The file's own name, or "" for a webcam photo. */
  name: string;
  sha256: string;
  state: ScanState;
  /** Why it is not held: the server's words, or null for a plain "not sent yet". */
  error: Bilingual | null;
}

export interface IntakeDraft {
  /** The same for every send of this form, whatever is changed in it before it goes through. */
  intakeId: string;
  procedureCode: string | null;
  /** By procedure code: choosing another procedure by mistake and back loses nothing. */
  answers: Record<string, Answers>;
  counter: Record<string, Record<string, unknown>>;
  scans: Record<string, Record<string, Scan>>;
}

export const newDraft = (): IntakeDraft => ({
  intakeId: newIntakeId(),
  procedureCode: null,
  answers: {},
  counter: {},
  scans: {},
});

let kept: { username: string; draft: IntakeDraft } | null = null;

/** The officer's draft as left; another officer at the same computer starts afresh. An upload cut off
 * when the page went away is sent again with the dossier. */
export function keptDraft(username: string): IntakeDraft {
  if (kept?.username !== username) return newDraft();
  const scans: IntakeDraft["scans"] = {};
  for (const [code, slots] of Object.entries(kept.draft.scans)) {
    scans[code] = Object.fromEntries(
      Object.entries(slots).map(([slot, scan]) => [slot, scan.state === "uploading" ? { ...scan, state: "waiting" } : scan]),
    );
  }
  return { ...kept.draft, scans };
}

export function keep(username: string, draft: IntakeDraft): void {
  kept = { username, draft };
}

export function forget(): void {
  kept = null;
}

/** A new scan of `slot`, named by its SHA-256; throws when the browser cannot hash (no secure context). */
export async function scanOf(slot: string, blob: Blob, name: string): Promise<Scan> {
  return { slot, blob, name, sha256: await sha256Hex(blob), state: "waiting", error: null };
}

/** The scan once sent: held, refused with the server's reason, or still waiting (no answer, try later). */
export async function upload(scan: Scan): Promise<Scan> {
  try {
    await putScan(scan.sha256, scan.blob);
    return { ...scan, state: "held", error: null };
  } catch (error) {
    if (!(error instanceof StaffApiError)) throw error;
    const later = error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500;
    return { ...scan, state: later ? "waiting" : "refused", error: error.messages };
  }
}

let registered: { code: string; paper: boolean } | null = null;

/** Told to the dossier's page, which shows it once: the dossier just registered and whether it has Mẫu 01. */
export function remember(code: string, paper: boolean): void {
  registered = { code, paper };
}

export function justRegistered(code: string): { paper: boolean } | null {
  if (registered?.code !== code) return null;
  const found = { paper: registered.paper };
  registered = null;
  return found;
}
