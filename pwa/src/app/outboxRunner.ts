/** Runs the outbox from the page: when the app opens, comes back online or is shown again, when the
 * next retry is due, on "Gửi ngay", and asks for Background Sync where the browser has it (not iOS).
 * The engine (sync/outbox) is loaded only when there is something to send. */

import { useEffect, useState } from "preact/hooks";
import { listen } from "../data/changes";
import { countOutbox } from "../data/outbox";

type Engine = typeof import("../sync/outbox");

let engine: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (engine ??= import("../sync/outbox"));

/** When another page or the worker holds the lock, look again after this long. */
const BUSY_RECHECK_MS = 30_000;

let timer: ReturnType<typeof setTimeout> | undefined;

function wakeAt(at: number): void {
  clearTimeout(timer);
  // A little late rather than early: a timer that fires before the entry is due would do nothing.
  timer = setTimeout(() => void sendOutbox(), Math.max(0, at - Date.now()) + 250);
}

interface SyncCapable {
  sync?: { register(tag: string): Promise<void> };
}

/** Lets the browser send the outbox after the app is closed, where Background Sync exists. */
async function requestBackgroundSync(tag: string): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  try {
    const registration = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & SyncCapable) | undefined;
    if (registration?.active && registration.sync) await registration.sync.register(tag);
  } catch (error) {
    // Refused (e.g. a permission policy): the page's own triggers still send it.
    console.warn("background sync not registered", error);
  }
}

async function refreshDossiersQuietly(): Promise<void> {
  try {
    const { refreshMyDossiers } = await import("../sync/dossiers");
    await refreshMyDossiers();
  } catch (error) {
    console.warn("my dossiers not refreshed", error);
  }
}

/** Sends what is due (everything, with `force`), then sets the timer for the next retry. */
export async function sendOutbox(force = false, submissionId?: string): Promise<void> {
  const sync = await loadEngine();
  let result;
  try {
    result = submissionId ? await sync.sendNow(submissionId) : await sync.flush({ force });
  } catch (error) {
    // IndexedDB failing: entries stay stored; the next trigger tries again.
    console.error("outbox flush failed", error);
    return;
  }
  if (!result) {
    wakeAt(Date.now() + BUSY_RECHECK_MS);
    return;
  }
  if (result.nextAttemptAt !== null) wakeAt(result.nextAttemptAt);
  if (result.waiting > 0) void requestBackgroundSync(sync.SYNC_TAG);
  if (result.sent > 0) void refreshDossiersQuietly();
}

/** "Nộp hồ sơ": freezes the draft into the outbox (see sync/outbox `submitDraft`), then sends it. */
export async function submitDraft(draftId: string, procedure: { version: number; uploadSlots: string[] }): Promise<void> {
  await (await loadEngine()).submitDraft(draftId, procedure);
  void sendOutbox();
}

/** "Sửa hồ sơ": the draft's id once it is editable again, else null. */
export async function editAgain(submissionId: string): Promise<string | null> {
  return (await loadEngine()).editAgain(submissionId);
}

/** How many submissions the outbox holds (whatever their state), kept current; and the outbox is sent
 * on every occasion the page has. */
export function useOutbox(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    const recount = async (): Promise<number> => {
      const n = await countOutbox();
      if (live) setCount(n);
      return n;
    };
    const sendIfAny = (): void =>
      void recount().then((n) => {
        if (n > 0) void sendOutbox();
      });
    const onVisible = (): void => {
      if (document.visibilityState === "visible") sendIfAny();
    };
    sendIfAny();
    addEventListener("online", sendIfAny);
    document.addEventListener("visibilitychange", onVisible);
    // The worker or another tab sent or changed something: the count (and the update banner) follow.
    const stop = listen((change) => {
      if (change.kind === "outbox") void recount();
    });
    return () => {
      live = false;
      removeEventListener("online", sendIfAny);
      document.removeEventListener("visibilitychange", onVisible);
      stop();
    };
  }, []);
  return count;
}
