/// <reference lib="webworker" />
/** The service worker: precaches the app shell and serves it offline. It only caches, and (later)
 * syncs and shows notifications; the catalogue and drafts live in IndexedDB, owned by the page. */

import { setCacheNameDetails } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

setCacheNameDetails({ prefix: "motcua", suffix: "v1", precache: "app" });
// Caches of earlier Workbox formats are removed; IndexedDB is never touched here.
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every in-app address opens the app shell, online or not; the API is never answered from here.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

// A new version waits until the user agrees to reload (the page sends this message).
self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === "object" && data !== null && (data as { type?: unknown }).type === "SKIP_WAITING") {
    void self.skipWaiting();
  }
});
