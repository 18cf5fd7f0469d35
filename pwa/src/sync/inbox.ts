/** Brings the inbox up to date: the tokens of every dossier on the phone go to POST /api/push/inbox (never in
 * a URL) and the notices come back into IndexedDB. Every notice arrives this way, pushed or not. */

import { listDossiers } from "../data/dossiers";
import { sentFeedbackTokens } from "../data/feedback";
import { saveNotices } from "../data/notices";
import { fetchInbox } from "../data/push";

const TOKENS_PER_REQUEST = 100;

/** Throws ApiError when the server cannot be reached: the stored notices are then all there is. */
export async function refreshInbox(): Promise<void> {
  // The answers to the phone's feedback come as notices too (about a dossier: to the dossier's token).
  const tokens = [...(await listDossiers()).map((dossier) => dossier.accessToken), ...(await sentFeedbackTokens())];
  for (let start = 0; start < tokens.length; start += TOKENS_PER_REQUEST) {
    await saveNotices(await fetchInbox(tokens.slice(start, start + TOKENS_PER_REQUEST)));
  }
}
