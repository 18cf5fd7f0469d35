/// <reference lib="webworker" />
/** Web Push in the service worker: shows the notice the server sent (already in the phone's language), one
 * per dossier on screen (its tag, so a notice sent twice shows once), tells open pages to refresh the
 * dossier, and opens that dossier when tapped. */

declare const self: ServiceWorkerGlobalScope;

/** What the server sends (backend/push/rules.py payload): small; the app fetches the details. */
interface Notice {
  id: number;
  kind: string;
  code: string;
  title: string;
  body: string;
  url: string;
  tag: string;
}

export const NOTICE_MESSAGE = "PUSH_NOTICE";

function read(event: PushEvent): Notice | null {
  try {
    const notice = event.data?.json() as Partial<Notice> | undefined;
    if (notice && typeof notice.title === "string" && typeof notice.url === "string") return notice as Notice;
  } catch {
    // Not JSON: nothing this app sent.
  }
  return null;
}

async function show(notice: Notice): Promise<void> {
  await self.registration.showNotification(notice.title, {
    body: notice.body,
    tag: notice.tag,
    icon: "/icons/icon-192.png",
    badge: "/icons/badge-96.png",
    data: { url: notice.url, code: notice.code },
  });
  const pages = await self.clients.matchAll({ type: "window" });
  for (const page of pages) page.postMessage({ type: NOTICE_MESSAGE, code: notice.code, id: notice.id });
}

/** An open window of the app goes to `url`; without one, a new window opens there. */
async function open(url: string): Promise<void> {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const page = pages[0];
  if (page) {
    // A tap lets the worker focus a window; should the browser refuse, the page still goes to the dossier.
    await page.focus().catch((error: unknown) => console.warn("window not focused", error));
    await page.navigate(url);
    return;
  }
  await self.clients.openWindow(url);
}

export function listenForPush(): void {
  self.addEventListener("push", (event: PushEvent) => {
    const notice = read(event);
    if (notice) event.waitUntil(show(notice));
  });
  // The handler property rather than addEventListener: the same routing, and one a test can call with a
  // shown notification (no browser lets a script fire a trusted tap).
  self.onnotificationclick = (event: NotificationEvent) => {
    event.notification.close();
    const wanted = (event.notification.data as { url?: unknown } | null)?.url;
    const url = new URL(typeof wanted === "string" ? wanted : "/", self.location.origin);
    // Only the app's own pages: a notice never sends the citizen elsewhere.
    if (url.origin === self.location.origin) event.waitUntil(open(url.href));
  };
}
