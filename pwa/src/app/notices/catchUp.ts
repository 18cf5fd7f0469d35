/** Notices caught up, once the phone holds a dossier: the inbox fetched, "my dossiers" refreshed when a push
 * says one changed, the push subscription re-checked and sent to the server. Loaded on demand. */

import { refreshMyDossiers } from "../../sync/dossiers";
import { refreshFeedback } from "../../sync/feedback";
import { refreshInbox } from "../../sync/inbox";
import { keepSubscription } from "../../sync/push";
import type { Lang } from "../i18n";

/** open: the app opened, came back online or was shown again; push: the service worker showed a notice;
 * dossiers: "my dossiers" changed (a new one confirmed: the subscription must follow it). */
export type Occasion = "open" | "push" | "dossiers";

async function quietly(what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // Offline or refused: the stored notices stay, and the next occasion tries again.
    console.warn(what, error);
  }
}

export async function catchUp(occasion: Occasion, lang: Lang): Promise<void> {
  if (occasion !== "dossiers") await quietly("inbox not refreshed", refreshInbox);
  if (occasion === "push") await quietly("my dossiers not refreshed", () => refreshMyDossiers());
  if (occasion === "push") await quietly("feedback not refreshed", refreshFeedback);
  else await quietly("push subscription not kept", () => keepSubscription(lang));
}
