/** Runs the outbox from the page: when the app opens, comes back online or is shown again, when the
 * server answers any request, when the next retry is due, on "Gửi ngay", and asks for Background Sync
 * where the browser has it (not iOS). The engine (sync/outbox) is loaded only when there is something to send. */

import { useEffect, useState } from "preact/hooks";
import { onServerAnswer } from "../data/api";
import { listen } from "../data/changes";
import { countOutbox, hasPendingFeedback, hasPendingStop } from "../data/outbox";

/** Why the outbox is sent now: its next retry is due (the timer, a new submission), a sign that the
 * network is back ("connected": the app opened or shown, `online`, an answer from the server: what
 * waits only for the network goes at once), or "Gửi ngay" ("force": everything, whatever the back-off). */
export type Trigger = "due" | "connected" | "force";

type Engine = typeof import("../sync/outbox");

let engine: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (engine ??= import("../sync/outbox"));

/** When another page or the worker holds the lock, look again after this long. */
const BUSY_RECHECK_MS = 30_000;

let timer: ReturnType<typeof setTimeout> | undefined;

function wakeAt(at: number): void {
  clearTimeout(timer);
  // A little late rather than early: a timer that fires before the entry is due would do nothing.
  timer = setTimeout(() => void sendOutbox("due"), Math.max(0, at - Date.now()) + 250);
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

/** Sends started by this page and not yet ended. The server's answers to their own requests are no
 * news: a send whose upload failed after the server had answered must not start itself again. */
let sending = 0;

async function flushFor(trigger: Trigger, submissionId?: string): Promise<void> {
  const sync = await loadEngine();
  let result;
  try {
    result = submissionId
      ? await sync.sendNow(submissionId)
      : await sync.flush({ force: trigger === "force", connected: trigger === "connected" });
  } catch (error) {
    // IndexedDB failing: entries stay stored; the next trigger tries again.
    console.error("outbox flush failed", error);
    return;
  }
  if (!result) {
    wakeAt(Date.now() + BUSY_RECHECK_MS);
    return;
  }
  // Offline, `online` will come: a timer would only find nothing to do, again and again.
  if (result.nextAttemptAt !== null && navigator.onLine) wakeAt(result.nextAttemptAt);
  if (result.waiting > 0) void requestBackgroundSync(sync.SYNC_TAG);
  if (result.sent > 0) void refreshDossiersQuietly();
}

/** Sends what `trigger` makes due (see Trigger), then sets the timer for the next retry. */
export async function sendOutbox(trigger: Trigger = "due", submissionId?: string): Promise<void> {
  sending++;
  try {
    await flushFor(trigger, submissionId);
  } finally {
    sending--;
  }
}

/** "Nộp hồ sơ": freezes the draft into the outbox (see sync/outbox `submitDraft`), then sends it. */
export async function submitDraft(draftId: string, procedure: { version: number; uploadSlots: string[] }): Promise<void> {
  await (await loadEngine()).submitDraft(draftId, procedure);
  void sendOutbox("due");
}

/** "Gửi lại": freezes a correction draft into the outbox (see sync/corrections), then sends it. */
export async function submitCorrection(draftId: string): Promise<void> {
  await (await import("../sync/corrections")).submitCorrection(draftId);
  void sendOutbox("due");
}

/** "Xin dừng giải quyết": keeps the request with the dossier (see data/stops), then sends it. */
export async function requestStop(code: string, reason: string): Promise<void> {
  await (await import("../data/stops")).keepStopRequest(code, reason);
  void sendOutbox("due");
}

/** "Gửi lại" on a request to stop the server refused. */
export async function retryStop(code: string): Promise<void> {
  await (await import("../data/stops")).retryStopRequest(code);
  void sendOutbox("force");
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
    const sendIfAny = (): Promise<void> =>
      recount().then(async (n) => {
        if (n > 0 || (await hasPendingStop()) || (await hasPendingFeedback())) void sendOutbox("connected");
      });
    const onOnline = (): void => void sendIfAny();
    const onVisible = (): void => {
      if (document.visibilityState === "visible") void sendIfAny();
    };
    // A burst of answers (a catalogue refresh makes two requests) starts one send.
    let answered = false;
    const onAnswer = (): void => {
      if (sending > 0 || answered) return;
      answered = true;
      void sendIfAny().finally(() => (answered = false));
    };
    void sendIfAny();
    addEventListener("online", onOnline);
    document.addEventListener("visibilitychange", onVisible);
    const stopAnswers = onServerAnswer(onAnswer);
    // The worker or another tab sent or changed something: the count (and the update banner) follow.
    const stop = listen((change) => {
      if (change.kind === "outbox") void recount();
    });
    return () => {
      live = false;
      removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onVisible);
      stopAnswers();
      stop();
    };
  }, []);
  return count;
}
