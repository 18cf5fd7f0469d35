/** Every word of the inbox (thông báo) and of the offer to receive notices, in Vietnamese, the default, and
 * English. Plain words: the citizen may never have heard of "push". */

import type { Lang } from "../i18n";

export interface NoticeText {
  title: string;
  myFeedback: string;
  loading: string;
  empty: string;
  unread: string;
  updatedAt: (time: string) => string;
  offline: string;
  refreshFailed: string;
  offerTitle: string;
  offerBody: string;
  offerYes: string;
  offerNo: string;
  offerWorking: string;
  turnedOn: string;
  isOn: string;
  offerDeclined: string;
  turnOn: string;
  understood: string;
  failed: string;
  /** How notices reach a phone that cannot be sent any (see sync/push PushSupport). */
  denied: string;
  install: string;
  none: string;
}

const vi: NoticeText = {
  title: "Thông báo",
  myFeedback: "Phản ánh, kiến nghị của tôi",
  loading: "Đang mở thông báo…",
  empty: "Chưa có thông báo nào. Khi hồ sơ của bạn được tiếp nhận, cần bổ sung hoặc đã có kết quả, thông báo sẽ hiện ở đây.",
  unread: "Mới",
  updatedAt: (time) => `Cập nhật lúc ${time}.`,
  offline: "Không có mạng: đây là các thông báo đã lưu trên máy.",
  refreshFailed: "Chưa tải được thông báo mới; đây là các thông báo đã lưu trên máy.",
  offerTitle: "Nhận thông báo khi có kết quả?",
  offerBody:
    "Điện thoại sẽ báo khi hồ sơ được tiếp nhận, cần bổ sung giấy tờ hoặc đã có kết quả. Thông báo chỉ gắn với các hồ sơ trên máy này, không cần số điện thoại hay số định danh.",
  offerYes: "Có, nhận thông báo",
  offerNo: "Không, cảm ơn",
  offerWorking: "Đang bật thông báo…",
  turnedOn: "Đã bật thông báo. Khi hồ sơ có thay đổi, điện thoại sẽ báo cho bạn.",
  isOn: "Máy này đang nhận thông báo về hồ sơ của bạn.",
  offerDeclined: "Bạn chưa bật thông báo. Mọi thông báo vẫn có ở mục “Thông báo” mỗi khi bạn mở ứng dụng có mạng.",
  turnOn: "Bật thông báo",
  understood: "Đã hiểu",
  failed: "Chưa bật được thông báo. Mọi thông báo vẫn có ở mục “Thông báo” mỗi khi bạn mở ứng dụng có mạng.",
  denied:
    "Thông báo đang bị chặn cho trang này. Bạn có thể cho phép lại trong phần cài đặt trang của trình duyệt. Trong lúc đó, mọi thông báo vẫn có ở mục “Thông báo” mỗi khi bạn mở ứng dụng có mạng.",
  install:
    "Trên iPhone, điện thoại chỉ báo khi ứng dụng đã được thêm vào màn hình chính: bấm nút Chia sẻ, chọn “Thêm vào MH chính”, rồi mở Một cửa từ biểu tượng đó. Trong lúc đó, mọi thông báo vẫn có ở mục “Thông báo” mỗi khi bạn mở ứng dụng có mạng.",
  none:
    "Trình duyệt này không nhận được thông báo (thường gặp khi mở trang từ ứng dụng nhắn tin). Mọi thông báo vẫn có ở mục “Thông báo” mỗi khi bạn mở ứng dụng có mạng; để điện thoại tự báo, hãy mở trang này bằng Chrome hoặc Safari.",
};

const en: NoticeText = {
  title: "Notices",
  myFeedback: "My feedback",
  loading: "Opening your notices…",
  empty: "No notices yet. When your dossier is accepted, needs more documents or has its result ready, the notice appears here.",
  unread: "New",
  updatedAt: (time) => `Updated at ${time}.`,
  offline: "No connection: these are the notices saved on this phone.",
  refreshFailed: "New notices could not be fetched; these are the notices saved on this phone.",
  offerTitle: "Be notified when there is news?",
  offerBody:
    "Your phone will tell you when your dossier is accepted, needs more documents or has its result ready. Notices are tied only to the dossiers on this phone: no phone number or ID number is needed.",
  offerYes: "Yes, notify me",
  offerNo: "No, thanks",
  offerWorking: "Turning notices on…",
  turnedOn: "Notices are on. Your phone will tell you when a dossier changes.",
  isOn: "This phone receives notices about your dossiers.",
  offerDeclined: "Notices are off. Every notice is still in “Notices” whenever you open the app online.",
  turnOn: "Turn notices on",
  understood: "Got it",
  failed: "Notices could not be turned on. Every notice is still in “Notices” whenever you open the app online.",
  denied:
    "Notices are blocked for this site. You can allow them again in the browser's site settings. Meanwhile every notice is in “Notices” whenever you open the app online.",
  install:
    "On an iPhone, notices only reach the app once it is on the home screen: tap Share, choose “Add to Home Screen”, then open Một cửa from that icon. Meanwhile every notice is in “Notices” whenever you open the app online.",
  none:
    "This browser cannot receive notices (common when the page is opened from a chat app). Every notice is still in “Notices” whenever you open the app online; for your phone to tell you itself, open this page in Chrome or Safari.",
};

export const NOTICE_TEXT: Record<Lang, NoticeText> = { vi, en };
