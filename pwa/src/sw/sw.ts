/// <reference lib="webworker" />
/** The service worker: precaches the app shell and serves it offline, sends the outbox when the browser
 * fires Background Sync, and shows Web Push notices (push.ts). The catalogue, drafts and outbox live in IndexedDB, owned by the page. */

import { setCacheNameDetails } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { peekUnsent } from "../data/unsent";
import { flush, SYNC_TAG } from "../sync/outbox";
import { listenForPush } from "./push";

/** Background Sync is not in TypeScript's lib (nor in Safari or Firefox). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

setCacheNameDetails({ prefix: "motcua", suffix: "v1", precache: "app" });
// Caches of earlier Workbox formats are removed; IndexedDB is never touched here.
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every in-app address opens the app shell, online or not; the API is never answered from here, nor the
// staff app (/staff/, online-first, its own page): its navigations go to the network as if no worker were here.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//, /^\/staff(\/|$)/] }));

// A new version waits until the user agrees to reload (the page sends this message), and never takes
// over while the phone holds unsent work (data/unsent): the page hides the button then, and this is the second lock.
self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === "object" && data !== null && (data as { type?: unknown }).type === "SKIP_WAITING") {
    event.waitUntil(
      peekUnsent().then((count) => {
        if (count === 0) return self.skipWaiting();
        console.info("update postponed:", count, "item(s) wait to be sent");
        return undefined;
      }),
    );
  }
});

// The same flush as the page's, with fetch instead of XMLHttpRequest. A page on screen sends the
// outbox itself (it shows the progress, and registers again if it cannot), so this is for a closed or
// hidden app. A rejection tells the browser to fire the event again later, as wanted while work waits.
async function syncOutbox(): Promise<void> {
  const windows = await self.clients.matchAll({ type: "window" });
  if (windows.some((client) => client.visibilityState === "visible")) return;
  const result = await flush({ force: true });
  if (result && result.waiting > 0) throw new Error(`${result.waiting} submission(s) still waiting`);
}

self.addEventListener("sync", (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag === SYNC_TAG) sync.waitUntil(syncOutbox());
});

listenForPush();
