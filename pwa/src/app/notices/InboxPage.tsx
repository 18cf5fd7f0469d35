/** The inbox (#/thong-bao): every notice about the phone's dossiers, newest first, from the phone's copy
 * (offline too), fetched again when the server can be reached; opening one marks it read and opens its
 * dossier (at the items asked for, for a correction request). Notices are offered once a dossier was sent. */

import { useEffect, useState } from "preact/hooks";
import { listen } from "../../data/changes";
import { countFollowed } from "../../data/unread";
import { listNotices, markNoticeRead, type StoredNotice } from "../../data/notices";
import { refreshInbox } from "../../sync/inbox";
import { formatVietnamTime } from "../dossiers/format";
import { formatTime, type Lang } from "../i18n";
import { href } from "../route";
import { NoticeOffer } from "./NoticeOffer";
import { NOTICE_TEXT, type NoticeText } from "./text";
import "./notices.css";

interface Inbox {
  notices: StoredNotice[] | null;
  /** When this page last heard from the server, or why it did not. */
  fetchedAt: string | null;
  failed: boolean;
}

function useInbox(online: boolean): Inbox {
  const [notices, setNotices] = useState<StoredNotice[] | null>(null);
  const [fetchedAt, setFetchedAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const read = (): void => void listNotices().then(setNotices);
    read();
    return listen((change) => {
      if (change.kind === "notices") read();
    });
  }, []);
  useEffect(() => {
    if (!online) return;
    refreshInbox().then(
      () => {
        setFetchedAt(new Date().toISOString());
        setFailed(false);
      },
      (error: unknown) => {
        console.warn("inbox not refreshed", error);
        setFailed(true);
      },
    );
  }, [online]);
  return { notices, fetchedAt, failed };
}

/** The in-app address a notice opens; nothing outside the app. */
function target(url: string): string {
  const address = new URL(url, location.origin);
  return address.origin === location.origin && address.hash ? address.hash : href.submitted();
}

export function InboxPage({ lang, online }: { lang: Lang; online: boolean }) {
  const t = NOTICE_TEXT[lang];
  const inbox = useInbox(online);
  // Notices are offered (or how to get them said) once the phone holds a sent dossier or feedback: none to tell
  // of before.
  const [sentAny, setSentAny] = useState(false);
  useEffect(() => void countFollowed().then((count) => setSentAny(count > 0)), []);
  useEffect(() => {
    document.title = `${t.title} — Một cửa`;
  }, [t]);
  return (
    <section class="inbox">
      <h2>{t.title}</h2>
      <p>
        <a href={href.feedback()} data-testid="my-feedback">
          {t.myFeedback}
        </a>
      </p>
      {sentAny && <NoticeOffer lang={lang} where="inbox" />}
      <p class="dossier-hint" role="status">
        {!online ? t.offline : inbox.failed ? t.refreshFailed : inbox.fetchedAt ? t.updatedAt(formatTime(inbox.fetchedAt)) : ""}
      </p>
      {inbox.notices === null && <p class="status">{t.loading}</p>}
      {inbox.notices?.length === 0 && <p>{t.empty}</p>}
      {inbox.notices && inbox.notices.length > 0 && (
        <ul class="notice-list">
          {inbox.notices.map((notice) => (
            <Notice key={notice.id} notice={notice} lang={lang} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Notice({ notice, lang, t }: { notice: StoredNotice; lang: Lang; t: NoticeText }) {
  const unread = notice.read === 0;
  return (
    <li class={unread ? "notice notice-unread" : "notice"} data-testid="notice" data-read={unread ? "no" : "yes"}>
      <a class="notice-title" href={target(notice.url)} onClick={() => void markNoticeRead(notice.id)}>
        {unread && <span class="notice-new">{t.unread}</span>}
        {notice.title[lang]}
      </a>
      <p>{notice.body[lang]}</p>
      <p class="notice-when">
        <span class="code">{notice.code}</span> · {formatVietnamTime(notice.createdAt)}
      </p>
    </li>
  );
}
