/** Registers the service worker and reports a waiting new version. The new version takes over only
 * when the user agrees (SKIP_WAITING), and the page reloads once it controls it; never while the phone
 * holds unsent work (data/unsent). */

import { useEffect, useState } from "preact/hooks";
import { listen } from "../data/changes";

const SW_URL = "/sw.js";

export interface Update {
  /** Activates the waiting version; the page reloads when it takes control. */
  apply: () => void;
}

function watchForWaiting(registration: ServiceWorkerRegistration, onReady: (update: Update) => void): void {
  const offer = (worker: ServiceWorker): void =>
    onReady({ apply: () => worker.postMessage({ type: "SKIP_WAITING" }) });
  // Only a worker that waits behind a controlling one is an update; the first install is not.
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed" && navigator.serviceWorker.controller) offer(installing);
    });
  });
}

export async function registerServiceWorker(onReady: (update: Update) => void): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // The first install also claims no page, so a change of controller means the user said yes.
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  const registration = await navigator.serviceWorker.register(SW_URL, { scope: "/" });
  watchForWaiting(registration, onReady);
  // Look for a new version whenever the app is shown again (phones keep PWAs open for days).
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && navigator.onLine) void registration.update().catch(() => undefined);
  });
}

/** How many items the phone holds unsent (submissions, requests to stop, ...), kept current; null until
 * first read (the count's code loads only when an update is offered). */
export function useUnsent(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const recount = (): void => void import("../data/unsent").then((unsent) => unsent.countUnsent()).then((n) => live && setCount(n));
    recount();
    const stop = listen((change) => change.kind !== "progress" && recount());
    return () => {
      live = false;
      stop();
    };
  }, []);
  return count;
}
