/** Counter intake's words in Vietnamese and English: the page, the procedure search, the counter's own
 * questions (their labels in both languages at once, as a form's are), the scans and the result. */

import type { Lang } from "../i18n";
import type { CounterLabels } from "./intake";

export interface IntakeText {
  navLink: string;
  title: string;
  lead: string;
  loading: string;
  loadFailed: string;
  retry: string;
  pickTitle: string;
  searchLabel: string;
  searchHint: string;
  found: (shown: number, total: number) => string;
  noResults: string;
  choose: string;
  chosen: string;
  changeProcedure: string;
  duration: (workingDays: number) => string;
  howTitle: string;
  formTitle: string;
  scansTitle: string;
  scansHint: string;
  required: string;
  optional: string;
  chooseFile: string;
  webcam: string;
  shoot: string;
  cancel: string;
  remove: string;
  webcamView: string;
  webcamPhoto: string;
  cameraFailed: string;
  uploading: string;
  uploaded: (size: string) => string;
  waiting: string;
  scanMissing: (name: string) => string;
  scanRefused: string;
  scanAlt: (name: string) => string;
  pdf: string;
  sendTitle: string;
  sameDay: string;
  receiptAlways: string;
  submit: string;
  sending: string;
  errorSummary: string;
  errorPrefix: string;
  chooseOption: string;
  failed: string;
  sessionScans: string;
  noCrypto: string;
  done: (code: string) => string;
  printPaper: string;
  noReceipt: string;
  another: string;
}

/** The counter's questions are labelled in both languages, as a procedure's fields are. */
export const COUNTER_LABELS: CounterLabels = {
  channel: { vi: "Hình thức nộp", en: "How the dossier came" },
  channels: {
    in_person: { vi: "Trực tiếp tại quầy", en: "In person at the counter" },
    postal: { vi: "Qua dịch vụ bưu chính", en: "By post" },
  },
  competent: { vi: "Cơ quan giải quyết", en: "Deciding agency" },
  identityChecked: {
    vi: "Đã kiểm tra tài khoản định danh điện tử (VNeID) của người nộp",
    en: "The applicant's electronic identity (VNeID) was checked",
  },
  idNumber: { vi: "Số định danh cá nhân của người nộp", en: "The applicant's personal ID number" },
  idHelp: {
    vi: "12 chữ số trên thẻ Căn cước hoặc trong ứng dụng VNeID; bắt buộc khi đã kiểm tra VNeID.",
    en: "The 12 digits on the identity card or in the VNeID app; required once VNeID was checked.",
  },
  receipt: {
    vi: "Công dân yêu cầu giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)",
    en: "The citizen asks for a receipt (Mẫu 01)",
  },
};

/** "23 KB", "1,2 MB" (a decimal comma in Vietnamese). */
export function fileSize(bytes: number, lang: Lang): string {
  const kb = bytes / 1024;
  const text = kb < 1024 ? `${Math.max(1, Math.round(kb))} KB` : `${(kb / 1024).toFixed(1)} MB`;
  return lang === "vi" ? text.replace(".", ",") : text;
}

const vi: IntakeText = {
  navLink: "Tiếp nhận hồ sơ trực tiếp",
  title: "Tiếp nhận hồ sơ trực tiếp",
  lead: "Hồ sơ công dân nộp tại quầy hoặc gửi qua bưu chính: chọn thủ tục, nhập tờ khai, đính kèm bản chụp giấy tờ rồi tiếp nhận.",
  loading: "Đang tải danh mục thủ tục…",
  loadFailed: "Chưa tải được danh mục thủ tục.",
  retry: "Thử lại",
  pickTitle: "Thủ tục",
  searchLabel: "Tìm thủ tục theo tên hoặc mã",
  searchHint: "Gõ có dấu hoặc không dấu, ví dụ: xac nhan hon nhan.",
  found: (shown, total) => (shown < total ? `${total} thủ tục; gõ thêm để thu hẹp.` : `${total} thủ tục`),
  noResults: "Không có thủ tục nào khớp.",
  choose: "Chọn",
  chosen: "Thủ tục đã chọn",
  changeProcedure: "Chọn thủ tục khác",
  duration: (n) => (n === 0 ? "Giải quyết trong ngày" : `${n} ngày làm việc`),
  howTitle: "Nộp hồ sơ và danh tính",
  formTitle: "Tờ khai",
  scansTitle: "Bản chụp giấy tờ",
  scansHint: "Ảnh JPEG, PNG hoặc tệp PDF, mỗi tệp tối đa 5 MB.",
  required: "Bắt buộc",
  optional: "Không bắt buộc",
  chooseFile: "Chọn tệp",
  webcam: "Chụp bằng webcam",
  shoot: "Chụp ảnh",
  cancel: "Hủy",
  remove: "Xóa bản chụp",
  webcamView: "Hình ảnh từ webcam",
  webcamPhoto: "Ảnh chụp từ webcam",
  cameraFailed: "Không mở được webcam. Hãy kiểm tra quyền dùng camera của trình duyệt.",
  uploading: "Đang tải lên…",
  uploaded: (s) => `Đã tải lên (${s})`,
  waiting: "Chưa tải lên; sẽ gửi khi tiếp nhận.",
  scanMissing: (name) => `Hãy đính kèm bản chụp: ${name}.`,
  scanRefused: "Bản chụp này không được nhận; hãy chọn tệp khác hoặc xóa.",
  scanAlt: (name) => `Bản chụp: ${name}`,
  pdf: "Tệp PDF",
  sendTitle: "Tiếp nhận",
  sameDay: "Thủ tục giải quyết trong ngày: không cần giấy tiếp nhận, trừ khi công dân yêu cầu. Hồ sơ vẫn được ghi nhận.",
  receiptAlways: "Khi tiếp nhận, hệ thống lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) để in giao công dân.",
  submit: "Tiếp nhận hồ sơ",
  sending: "Đang gửi…",
  errorSummary: "Có lỗi cần sửa",
  errorPrefix: "Lỗi:",
  chooseOption: "— Chọn —",
  failed: "Chưa gửi được. Nội dung đã nhập vẫn còn; hãy thử lại.",
  sessionScans: "Bản chụp đã được tải lên lại; hãy bấm Tiếp nhận hồ sơ lần nữa.",
  noCrypto: "Trình duyệt này không tính được mã SHA-256 của tệp (cần mở ứng dụng qua https).",
  done: (code) => `Đã tiếp nhận hồ sơ ${code}.`,
  printPaper: "In giấy tiếp nhận (Mẫu 01)",
  noReceipt: "Thủ tục giải quyết trong ngày: không lập giấy tiếp nhận.",
  another: "Tiếp nhận hồ sơ khác",
};

const en: IntakeText = {
  navLink: "Register a dossier at the counter",
  title: "Register a dossier at the counter",
  lead: "A dossier brought in person or sent by post: choose the procedure, fill in the form, attach scans of the papers, then register it.",
  loading: "Loading the procedures…",
  loadFailed: "The procedures could not be loaded.",
  retry: "Try again",
  pickTitle: "Procedure",
  searchLabel: "Find a procedure by name or code",
  searchHint: "With or without Vietnamese accents, for example: xac nhan hon nhan.",
  found: (shown, total) => (shown < total ? `${total} procedures; type more to narrow down.` : `${total} procedures`),
  noResults: "No procedure matches.",
  choose: "Choose",
  chosen: "Chosen procedure",
  changeProcedure: "Choose another procedure",
  duration: (n) => (n === 0 ? "Same day" : `${n} working days`),
  howTitle: "Channel and identity",
  formTitle: "Form",
  scansTitle: "Scans of the papers",
  scansHint: "JPEG or PNG photos or PDF files, at most 5 MB each.",
  required: "Required",
  optional: "Optional",
  chooseFile: "Choose a file",
  webcam: "Take with the webcam",
  shoot: "Take the photo",
  cancel: "Cancel",
  remove: "Remove the scan",
  webcamView: "Webcam view",
  webcamPhoto: "Webcam photo",
  cameraFailed: "The webcam could not be opened. Check the browser's camera permission.",
  uploading: "Uploading…",
  uploaded: (s) => `Uploaded (${s})`,
  waiting: "Not uploaded yet; it will be sent on registering.",
  scanMissing: (name) => `Attach a scan of: ${name}.`,
  scanRefused: "This scan is not accepted; choose another file or remove it.",
  scanAlt: (name) => `Scan: ${name}`,
  pdf: "PDF file",
  sendTitle: "Register",
  sameDay: "A same-day procedure: no receipt unless the citizen asks for one. The dossier is recorded all the same.",
  receiptAlways: "On registering, the receipt with the appointment date (Mẫu 01) is made, to print for the citizen.",
  submit: "Register the dossier",
  sending: "Sending…",
  errorSummary: "There is a problem",
  errorPrefix: "Error:",
  chooseOption: "— Choose —",
  failed: "Not sent. What you typed is kept; please try again.",
  sessionScans: "The scans were uploaded again; press Register the dossier once more.",
  noCrypto: "This browser cannot compute a file's SHA-256 (open the app over https).",
  done: (code) => `Dossier ${code} registered.`,
  printPaper: "Print the receipt (Mẫu 01)",
  noReceipt: "A same-day procedure: no receipt was made.",
  another: "Register another dossier",
};

export const INTAKE_TEXT: Record<Lang, IntakeText> = { vi, en };
