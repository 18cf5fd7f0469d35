/** Keeps "my dossiers" current: every stored token goes to POST /api/dossiers/mine (the token never in a
 * URL) and the answers replace the stored views. Offline, the stored views are all there is. */

import { listDossiers, saveDossierViews } from "../data/dossiers";
import { fetchMyDossiers } from "../data/intake";

const TOKENS_PER_REQUEST = 100;

/** Refreshes every stored dossier; throws ApiError when the server cannot be reached. */
export async function refreshMyDossiers(signal?: AbortSignal): Promise<void> {
  const tokens = (await listDossiers()).map((dossier) => dossier.accessToken);
  for (let start = 0; start < tokens.length; start += TOKENS_PER_REQUEST) {
    const views = await fetchMyDossiers(tokens.slice(start, start + TOKENS_PER_REQUEST), signal);
    await saveDossierViews(views, new Date().toISOString());
  }
}
