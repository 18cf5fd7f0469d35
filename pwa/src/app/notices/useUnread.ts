/** The inbox's unread count for the navigation, kept current; and, once the phone holds a dossier, notices
 * caught up (their code loaded only then): on open, back online, shown again, and on a push. */

import { useEffect, useRef, useState } from "preact/hooks";
import { listen } from "../../data/changes";
import { countFollowed, countUnread } from "../../data/unread";
import type { Lang } from "../i18n";
import type { Occasion } from "./catchUp";

/** What the service worker posts to open pages when a notice arrives (sw/push.ts NOTICE_MESSAGE). */
const PUSH_NOTICE = "PUSH_NOTICE";

async function catchUp(occasion: Occasion, lang: Lang): Promise<void> {
  if (!navigator.onLine || (await countFollowed()) === 0) return;
  await (await import("./catchUp")).catchUp(occasion, lang);
}

export function useUnread(online: boolean, lang: Lang): number {
  const [unread, setUnread] = useState(0);
  const language = useRef(lang);
  language.current = lang;

  useEffect(() => {
    const recount = (): void => void countUnread().then(setUnread, (error: unknown) => console.warn(error));
    const now = (occasion: Occasion): void => void catchUp(occasion, language.current);
    recount();
    const stop = listen((change) => {
      if (change.kind === "notices") recount();
      else if (change.kind === "dossiers" || change.kind === "feedback") now("dossiers");
    });
    const onMessage = (event: MessageEvent<{ type?: unknown } | null>): void => {
      if (event.data?.type === PUSH_NOTICE) now("push");
    };
    const onVisible = (): void => {
      if (document.visibilityState === "visible") now("open");
    };
    navigator.serviceWorker?.addEventListener("message", onMessage);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stop();
      navigator.serviceWorker?.removeEventListener("message", onMessage);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  useEffect(() => {
    if (online) void catchUp("open", lang);
  }, [online, lang]);

  return unread;
}
