/** The app's words in Vietnamese (the default) and English, and the remembered language choice.
 * Procedure details come from the catalogue in Vietnamese only; only names are bilingual. */

import { formatTime, rememberedLang, rememberLang, type Lang } from "../shared/lang";
import type { Channel, DocumentKind, Level } from "../shared/types";

export type { Lang };

const STORAGE_KEY = "motcua.lang";

export interface Messages {
  title: string;
  tagline: string;
  demoBadge: string;
  /** The toggle's label is written in the language it switches to. */
  otherLanguage: { lang: Lang; label: string };
  searchLabel: string;
  searchPlaceholder: string;
  loading: string;
  resultCount: (shown: number, total: number) => string;
  showMore: (count: number) => string;
  noResults: (query: string) => string;
  workingDays: (days: number) => string;
  back: string;
  code: string;
  field: string;
  level: string;
  agency: string;
  processing: string;
  fees: string;
  noFees: string;
  result: string;
  documents: string;
  sets: (count: number) => string;
  quantity: (count: number) => string;
  conditions: string;
  channels: string;
  legalBasis: string;
  detailsInVietnamese: string | null;
  levels: Record<Level, string>;
  kinds: Record<DocumentKind, string>;
  channelNames: Record<Channel, string>;
  unreachable: string;
  unreachableHint: string;
  serverError: string;
  retry: string;
  catalogueVersion: (version: number) => string;
  appVersion: (version: string) => string;
  online: string;
  offline: string;
  refreshedAt: (when: string) => string;
  refreshing: string;
  refreshFailed: string;
  noCatalogueYet: string;
  noCatalogueOffline: string;
  allFields: string;
  allLevels: string;
  filterField: string;
  filterLevel: string;
  appointmentToday: string;
  appointmentUnknown: string;
  startDraft: string;
  startDraftHint: string;
  sendFeedback: string;
  yourDrafts: string;
  continueDraft: (updated: string) => string;
  navSearch: string;
  navDrafts: (count: number) => string;
  navSubmitted: string;
  /** Read after the "Hồ sơ đã nộp" link when the outbox holds submissions. */
  navWaiting: (count: number) => string;
  navTracking: string;
  navInbox: string;
  /** Read after the "Thông báo" link when notices are unread. */
  navUnread: (count: number) => string;
  updateReady: string;
  updateNow: string;
  /** Shown instead of "update now" while submissions wait in the outbox. */
  updateAfterSending: string;
  updateLater: string;
  procedureGone: string;
  /** The footer's link to the units' results (public transparency page). */
  transparency: string;
  weekdays: string[];
}

const vi: Messages = {
  title: "Một cửa — Thủ tục hành chính",
  tagline: "Tra cứu thủ tục, khai hồ sơ cả khi không có mạng",
  demoBadge: "Dữ liệu minh họa",
  otherLanguage: { lang: "en", label: "English" },
  searchLabel: "Tìm thủ tục",
  searchPlaceholder: "Ví dụ: khai sinh, chứng thực",
  loading: "Đang tải…",
  resultCount: (shown, total) => (shown < total ? `${shown} trên ${total} thủ tục` : `${total} thủ tục`),
  showMore: (count) => `Xem thêm ${count} thủ tục`,
  noResults: (query) => `Không tìm thấy thủ tục nào cho «${query}».`,
  workingDays: (days) => (days === 0 ? "Trong ngày" : `${days} ngày làm việc`),
  back: "Quay lại danh sách",
  code: "Mã thủ tục",
  field: "Lĩnh vực",
  level: "Cấp thực hiện",
  agency: "Cơ quan thực hiện",
  processing: "Thời hạn giải quyết",
  fees: "Phí, lệ phí",
  noFees: "Không thu phí, lệ phí.",
  result: "Kết quả",
  documents: "Hồ sơ cần nộp",
  sets: (count) => `Số lượng: ${count} bộ hồ sơ.`,
  quantity: (count) => `${count} bản`,
  conditions: "Yêu cầu, điều kiện",
  channels: "Cách thức nộp hồ sơ",
  legalBasis: "Căn cứ pháp lý",
  detailsInVietnamese: null,
  levels: { commune: "Cấp xã", province: "Cấp tỉnh" },
  kinds: {
    original: "Bản chính",
    copy: "Bản sao",
    certified_copy: "Bản sao có chứng thực",
    original_or_certified_copy: "Bản chính hoặc bản sao có chứng thực",
    present_original: "Xuất trình bản chính",
  },
  channelNames: { in_person: "Trực tiếp tại bộ phận một cửa", online: "Trực tuyến", postal: "Qua dịch vụ bưu chính" },
  unreachable: "Không kết nối được với hệ thống",
  unreachableHint: "Kiểm tra kết nối mạng rồi thử lại.",
  serverError: "Hệ thống đang gặp lỗi. Vui lòng thử lại sau.",
  retry: "Thử lại",
  catalogueVersion: (version) => `Phiên bản danh mục ${version}`,
  appVersion: (version) => `Ứng dụng phiên bản ${version}`,
  online: "Đang có mạng",
  offline: "Không có mạng",
  refreshedAt: (when) => `Danh mục cập nhật lúc ${when}`,
  refreshing: "Đang cập nhật danh mục…",
  refreshFailed: "Chưa cập nhật được danh mục; đang dùng bản đã lưu trên máy.",
  noCatalogueYet: "Đang tải danh mục thủ tục lần đầu…",
  noCatalogueOffline: "Chưa có danh mục trên máy. Hãy kết nối mạng một lần để tải về; sau đó ứng dụng dùng được khi không có mạng.",
  allFields: "Tất cả lĩnh vực",
  allLevels: "Tất cả các cấp",
  filterField: "Lĩnh vực",
  filterLevel: "Cấp thực hiện",
  appointmentToday: "Nếu nộp đủ hồ sơ hôm nay, ngày hẹn trả kết quả dự kiến",
  appointmentUnknown: "Chưa tính được ngày hẹn (lịch làm việc chưa tải về máy).",
  startDraft: "Bắt đầu khai hồ sơ",
  startDraftHint: "Bản khai được lưu ngay trên điện thoại, kể cả khi không có mạng.",
  sendFeedback: "Gửi phản ánh, kiến nghị",
  yourDrafts: "Bản nháp của bạn cho thủ tục này",
  continueDraft: (updated) => `Tiếp tục bản nháp (sửa lúc ${updated})`,
  navSearch: "Thủ tục",
  navDrafts: (count) => (count > 0 ? `Hồ sơ đang soạn (${count})` : "Hồ sơ đang soạn"),
  navSubmitted: "Hồ sơ đã nộp",
  navWaiting: (count) => `${count} hồ sơ chờ gửi`,
  navTracking: "Tra cứu",
  navInbox: "Thông báo",
  navUnread: (count) => `${count} thông báo chưa đọc`,
  updateReady: "Đã có phiên bản mới của ứng dụng.",
  updateNow: "Cập nhật ngay",
  updateAfterSending: "Ứng dụng sẽ cập nhật sau khi gửi xong những gì đang chờ gửi (hồ sơ, đề nghị, đánh giá, phản ánh).",
  updateLater: "Để sau",
  procedureGone: "Thủ tục này không còn trong danh mục.",
  transparency: "Kết quả giải quyết thủ tục",
  weekdays: ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
};

const en: Messages = {
  title: "One-stop — Administrative procedures",
  tagline: "Look up procedures, prepare dossiers even offline",
  demoBadge: "Demo data",
  otherLanguage: { lang: "vi", label: "Tiếng Việt" },
  searchLabel: "Find a procedure",
  searchPlaceholder: "For example: khai sinh, chứng thực",
  loading: "Loading…",
  resultCount: (shown, total) =>
    shown < total ? `${shown} of ${total} procedures` : `${total} procedure${total === 1 ? "" : "s"}`,
  showMore: (count) => `Show ${count} more`,
  noResults: (query) => `No procedure found for “${query}”.`,
  workingDays: (days) => (days === 0 ? "Same day" : `${days} working day${days === 1 ? "" : "s"}`),
  back: "Back to the list",
  code: "Procedure code",
  field: "Field",
  level: "Level",
  agency: "Handled by",
  processing: "Processing time",
  fees: "Fees and charges",
  noFees: "No fees or charges.",
  result: "Result",
  documents: "Documents to submit",
  sets: (count) => `Number of sets: ${count}.`,
  quantity: (count) => `${count} ${count === 1 ? "copy" : "copies"}`,
  conditions: "Requirements and conditions",
  channels: "How to submit",
  legalBasis: "Legal basis",
  detailsInVietnamese: "Procedure details are published in Vietnamese only.",
  levels: { commune: "Commune", province: "Province" },
  kinds: {
    original: "Original",
    copy: "Copy",
    certified_copy: "Certified copy",
    original_or_certified_copy: "Original or certified copy",
    present_original: "Show the original",
  },
  channelNames: { in_person: "In person at the one-stop counter", online: "Online", postal: "By post" },
  unreachable: "Cannot reach the server",
  unreachableHint: "Check your network connection, then try again.",
  serverError: "The server ran into a problem. Please try again later.",
  retry: "Try again",
  catalogueVersion: (version) => `Catalogue version ${version}`,
  appVersion: (version) => `App version ${version}`,
  online: "Online",
  offline: "Offline",
  refreshedAt: (when) => `Catalogue updated ${when}`,
  refreshing: "Updating the catalogue…",
  refreshFailed: "Could not update the catalogue; using the copy on this phone.",
  noCatalogueYet: "Downloading the catalogue of procedures for the first time…",
  noCatalogueOffline: "No catalogue on this phone yet. Connect once to download it; after that the app works offline.",
  allFields: "All fields",
  allLevels: "All levels",
  filterField: "Field",
  filterLevel: "Level",
  appointmentToday: "If you submit a complete dossier today, the result is expected on",
  appointmentUnknown: "The appointment date cannot be computed yet (the working calendar is not on this phone).",
  startDraft: "Start filling in the form",
  startDraftHint: "Your answers are saved on this phone straight away, even offline.",
  sendFeedback: "Send feedback or a complaint",
  yourDrafts: "Your drafts for this procedure",
  continueDraft: (updated) => `Continue the draft (edited ${updated})`,
  navSearch: "Procedures",
  navDrafts: (count) => (count > 0 ? `My drafts (${count})` : "My drafts"),
  navSubmitted: "Submitted dossiers",
  navWaiting: (count) => `${count} waiting to be sent`,
  navTracking: "Track",
  navInbox: "Notices",
  navUnread: (count) => `${count} unread`,
  updateReady: "A new version of the app is ready.",
  updateNow: "Update now",
  updateAfterSending: "The app will update once everything waiting has been sent (dossiers, requests, ratings, feedback).",
  updateLater: "Later",
  procedureGone: "This procedure is no longer in the catalogue.",
  transparency: "How procedures were resolved",
  weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

export const MESSAGES: Record<Lang, Messages> = { vi, en };

export const loadLang = (): Lang => rememberedLang(STORAGE_KEY);
export const saveLang = (lang: Lang): void => rememberLang(STORAGE_KEY, lang);
export { formatTime };

/** "Thứ Năm, 26/11/2026" from "2026-11-26". */
export function formatDay(isoDate: string, m: Messages): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${m.weekdays[weekday] ?? ""}, ${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${year}`;
}
