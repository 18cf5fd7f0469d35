/** The app's words in Vietnamese (the default) and English, and the remembered language choice.
 * Procedure details come from the catalogue in Vietnamese only; only names are bilingual. */

import type { Channel, DocumentKind, Level } from "../shared/types";

export type Lang = "vi" | "en";

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
  previewNote: string;
}

const vi: Messages = {
  title: "Một cửa — Thủ tục hành chính",
  tagline: "Tra cứu thủ tục hành chính",
  demoBadge: "Dữ liệu minh hoạ",
  otherLanguage: { lang: "en", label: "English" },
  searchLabel: "Tìm thủ tục",
  searchPlaceholder: "Ví dụ: khai sinh, chứng thực",
  loading: "Đang tải…",
  resultCount: (shown, total) => (shown < total ? `${shown} trên ${total} thủ tục` : `${total} thủ tục`),
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
  levels: { commune: "Cấp xã", district: "Cấp huyện", province: "Cấp tỉnh" },
  kinds: {
    original: "Bản chính",
    copy: "Bản sao",
    certified_copy: "Bản sao có chứng thực",
    original_or_certified_copy: "Bản chính hoặc bản sao có chứng thực",
    present_original: "Xuất trình bản chính",
  },
  channelNames: { in_person: "Trực tiếp tại bộ phận một cửa", online: "Trực tuyến", postal: "Qua dịch vụ bưu chính" },
  unreachable: "Không kết nối được máy chủ",
  unreachableHint: "Kiểm tra kết nối mạng rồi thử lại.",
  serverError: "Máy chủ gặp lỗi. Vui lòng thử lại sau.",
  retry: "Thử lại",
  catalogueVersion: (version) => `Phiên bản danh mục ${version}`,
  previewNote: "Bản thử nghiệm — ứng dụng ngoại tuyến đầy đủ sẽ có ở phiên bản sau",
};

const en: Messages = {
  title: "One-stop — Administrative procedures",
  tagline: "Look up administrative procedures",
  demoBadge: "Demo data",
  otherLanguage: { lang: "vi", label: "Tiếng Việt" },
  searchLabel: "Find a procedure",
  searchPlaceholder: "For example: khai sinh, chứng thực",
  loading: "Loading…",
  resultCount: (shown, total) =>
    shown < total ? `${shown} of ${total} procedures` : `${total} procedure${total === 1 ? "" : "s"}`,
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
  levels: { commune: "Commune", district: "District", province: "Province" },
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
  previewNote: "Preview — the full offline app comes in a later version",
};

export const MESSAGES: Record<Lang, Messages> = { vi, en };

/** The remembered choice, else Vietnamese. Storage can be unavailable (private mode, full disk). */
export function loadLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits; the choice still applies to this one.
  }
}
