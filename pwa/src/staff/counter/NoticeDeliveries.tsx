/** The citizen's notices of a dossier on its staff page, and how each reached the phones that follow it
 * (queued, sent, failed, expired, with the attempts): staff can tell a citizen who "got nothing" what
 * happened. Read again whenever the dossier moves (its `version`). */

import { useEffect, useState } from "preact/hooks";
import { call } from "../api";
import type { Lang } from "../i18n";
import { dateTime } from "./text";

export interface Delivery {
  status: "queued" | "sent" | "failed" | "expired";
  attempts: number;
  lastStatus: number | null;
  lastError: string;
  ttlGranted: number | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  phoneStillSubscribed: boolean;
}

export interface StaffNotice {
  id: number;
  kind: string;
  createdAt: string;
  title: string;
  body: string;
  deliveries: Delivery[];
}

const TEXT = {
  vi: {
    title: "Thông báo cho công dân",
    none: "Chưa có thông báo nào.",
    noPhone:
      "Không gửi tới điện thoại nào (chưa có điện thoại đăng ký, hoặc bản ghi gửi đã quá thời hạn lưu): công dân xem trong mục Thông báo của ứng dụng.",
    failedToLoad: "Không tải được trạng thái gửi thông báo.",
    phone: (n: number) => `Điện thoại ${n}`,
    states: { queued: "Đang chờ gửi", sent: "Đã gửi", failed: "Không gửi được", expired: "Hết hạn, không gửi được" },
    attempts: (n: number) => `${n} lần gửi`,
    sentAt: "lúc",
    nextAt: "gửi lại lúc",
    unsubscribed: "điện thoại đã hủy đăng ký",
  },
  en: {
    title: "Notices to the citizen",
    none: "No notice yet.",
    noPhone: "Sent to no phone (none subscribed, or the delivery records are past their retention): the citizen reads it under Notices in the app.",
    failedToLoad: "Could not load the notices' delivery status.",
    phone: (n: number) => `Phone ${n}`,
    states: { queued: "Queued", sent: "Sent", failed: "Failed", expired: "Expired, not delivered" },
    attempts: (n: number) => `${n} attempt${n === 1 ? "" : "s"}`,
    sentAt: "at",
    nextAt: "next attempt at",
    unsubscribed: "phone unsubscribed",
  },
} as const;

const readNotices = (code: string): Promise<{ notices: StaffNotice[] }> =>
  call<{ notices: StaffNotice[] }>("GET", `/dossiers/${encodeURIComponent(code)}/notices`);

export function NoticeDeliveries({ code, version, lang }: { code: string; version: number; lang: Lang }) {
  const t = TEXT[lang];
  const [notices, setNotices] = useState<StaffNotice[] | null | "failed">(null);
  useEffect(() => {
    readNotices(code).then(
      (answer) => setNotices(answer.notices),
      () => setNotices("failed"),
    );
  }, [code, version]);
  if (notices === null) return null;
  return (
    <div class="card" data-testid="notice-deliveries">
      <h2>{t.title}</h2>
      {notices === "failed" && <p role="alert">{t.failedToLoad}</p>}
      {notices !== "failed" && notices.length === 0 && <p>{t.none}</p>}
      {notices !== "failed" && (
        <ol class="trail">
          {notices.map((notice) => (
            <li key={notice.id} data-testid="staff-notice">
              <time dateTime={notice.createdAt}>{dateTime(notice.createdAt)}</time> — <strong>{notice.title}</strong>
              <p class="pre" lang="vi">
                {notice.body}
              </p>
              {notice.deliveries.length === 0 ? (
                <p class="hint">{t.noPhone}</p>
              ) : (
                <ul>
                  {notice.deliveries.map((d, index) => (
                    <li key={index} data-testid="delivery" data-status={d.status}>
                      {`${t.phone(index + 1)}: ${t.states[d.status]} — ${t.attempts(d.attempts)}`}
                      {d.sentAt && ` ${t.sentAt} ${dateTime(d.sentAt)}`}
                      {d.status === "queued" && d.attempts > 0 && d.nextAttemptAt && ` (${t.nextAt} ${dateTime(d.nextAttemptAt)})`}
                      {d.lastError && ` (${d.lastError})`}
                      {!d.phoneStillSubscribed && ` — ${t.unsubscribed}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
