/** The words around Mẫu 06 and 07 on screen (the sheets themselves are Vietnamese, from the server). */

import type { Lang } from "../i18n";

export interface FormsText {
  slipLink: string;
  slipName: string;
  registerNav: string;
  registerTitle: string;
  from: string;
  to: string;
  show: string;
  csv: string;
  print: string;
  empty: string;
  loading: string;
  failed: string;
  noLines: string;
}

const vi: FormsText = {
  slipLink: "In phiếu kiểm soát quá trình giải quyết (Mẫu 06)",
  slipName: "Phiếu kiểm soát (Mẫu 06)",
  registerNav: "Sổ theo dõi",
  registerTitle: "Sổ theo dõi hồ sơ (Mẫu 07)",
  from: "Từ ngày",
  to: "Đến ngày",
  show: "Xem sổ",
  csv: "Tải về tệp CSV (mở bằng Excel)",
  print: "In",
  empty: "Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này.",
  loading: "Đang tải…",
  failed: "Không tải được. Vui lòng thử lại.",
  noLines: "Chưa có lần giao, nhận hồ sơ nào.",
};

const en: FormsText = {
  slipLink: "Print the handling control slip (Form 06)",
  slipName: "Control slip (Form 06)",
  registerNav: "Register",
  registerTitle: "Dossier register (Form 07)",
  from: "From",
  to: "To",
  show: "Show the register",
  csv: "Download as CSV (opens in Excel)",
  print: "Print",
  empty: "No dossier was received in this period.",
  loading: "Loading…",
  failed: "Could not load. Please try again.",
  noLines: "No hand-over yet.",
};

export const FORMS_TEXT: Record<Lang, FormsText> = { vi, en };
