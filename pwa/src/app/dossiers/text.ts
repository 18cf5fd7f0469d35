/** Every word of the submitted-dossier screens (hồ sơ đã nộp, tra cứu) in Vietnamese, the default, and
 * English; and the receipt's words, which are those of the official form and so Vietnamese only. */

import type { DossierStatus } from "../../shared/types";
import { dateInWords } from "../../shared/vietnamTime";
import type { Lang } from "../i18n";

export interface DossierText {
  title: string;
  loading: string;
  outboxTitle: string;
  outboxHint: string;
  states: { waiting: string; sending: string; attention: string };
  progressLabel: string;
  progress: (sent: string, total: string) => string;
  nextTry: (time: string) => string;
  attempts: (count: number) => string;
  offlineWait: string;
  sendNow: string;
  editAgain: string;
  editHint: string;
  submittedOn: (time: string) => string;
  mineTitle: string;
  mineEmpty: string;
  updatedAt: (time: string) => string;
  neverUpdated: string;
  refreshing: string;
  refreshFailed: string;
  offlineCache: string;
  code: string;
  procedure: string;
  agency: string;
  competentAgency: string;
  submittedAt: string;
  receivedAt: string;
  appointment: string;
  status: string;
  trackOther: string;
  statuses: Record<DossierStatus, string>;
  notFound: string;
  notFoundHint: string;
  backToList: string;
  sendFeedback: string;
  historyTitle: string;
  attachmentsTitle: string;
  noAttachments: string;
  receiptTitle: string;
  noReceiptYet: string;
  print: string;
  /** Said in English only: the receipt itself stays in Vietnamese. */
  receiptLanguage: string | null;
  trackTitle: string;
  trackIntro: string;
  codeLabel: string;
  codeHint: string;
  phoneLabel: string;
  phoneHint: string;
  track: string;
  tracking: string;
  codeMissing: string;
  phoneMissing: string;
  trackNotFound: string;
  tooMany: (wait: string | null) => string;
  needsNetwork: string;
  serverError: string;
  resultTitle: string;
  newDateWhy: Record<"restarted" | "extended", (previous: string) => string>;
  readyTitle: string;
  readyWhere: (place: string) => string;
  readyBring: string;
  seconds: (n: number) => string;
  minutes: (n: number) => string;
  hours: (n: number) => string;
}

const STATUSES_VI: Record<DossierStatus, string> = {
  submitted: "Đã nộp, chờ kiểm tra",
  received: "Đã tiếp nhận",
  supplement_requested: "Cần bổ sung hồ sơ",
  refused: "Từ chối tiếp nhận",
  in_progress: "Đang giải quyết",
  supplement_proposed: "Đang giải quyết",
  appraisal_supplement: "Cần bổ sung hồ sơ",
  awaiting_approval: "Đang chờ lãnh đạo ký duyệt",
  approved: "Đã duyệt, đang ban hành kết quả",
  result_issued: "Đã có kết quả, đang chuyển về nơi nộp",
  appraisal_refused: "Không được giải quyết",
  ready: "Có kết quả, chờ nhận",
  returned: "Đã trả kết quả",
  withdrawn: "Đã rút hồ sơ",
  stopped: "Đã dừng giải quyết",
  closed: "Đã kết thúc (không bổ sung đúng hạn)",
};

const vi: DossierText = {
  title: "Hồ sơ đã nộp",
  loading: "Đang mở…",
  outboxTitle: "Đang chờ gửi",
  outboxHint: "Hồ sơ đã được lưu trên điện thoại này và sẽ tự gửi khi có mạng. Đừng xóa dữ liệu của ứng dụng trước khi gửi xong.",
  states: { waiting: "Đang chờ gửi", sending: "Đang gửi…", attention: "Cần sửa hồ sơ" },
  progressLabel: "Tiến độ gửi",
  progress: (sent, total) => `Đã gửi ${sent} trên ${total}`,
  nextTry: (time) => `Tự gửi lại lúc ${time}`,
  attempts: (count) => `Đã thử ${count} lần`,
  offlineWait: "Không có mạng: hồ sơ sẽ tự gửi khi có mạng trở lại.",
  sendNow: "Gửi ngay",
  editAgain: "Sửa hồ sơ",
  editHint: "Sửa theo hướng dẫn ở trên rồi bấm «Nộp hồ sơ» lần nữa.",
  submittedOn: (time) => `Bấm nộp lúc ${time}`,
  mineTitle: "Hồ sơ của bạn",
  mineEmpty: "Chưa có hồ sơ nào được gửi từ điện thoại này.",
  updatedAt: (time) => `Cập nhật lúc ${time}`,
  neverUpdated: "Chưa cập nhật lần nào.",
  refreshing: "Đang cập nhật…",
  refreshFailed: "Chưa cập nhật được; đang xem thông tin đã lưu trên máy.",
  offlineCache: "Không có mạng: đang xem thông tin đã lưu trên máy.",
  code: "Mã hồ sơ",
  procedure: "Thủ tục",
  agency: "Nơi nộp",
  competentAgency: "Cơ quan giải quyết",
  submittedAt: "Ngày nộp",
  receivedAt: "Ngày tiếp nhận",
  appointment: "Ngày hẹn trả kết quả",
  status: "Tình trạng",
  trackOther: "Tra cứu hồ sơ khác",
  statuses: STATUSES_VI,
  notFound: "Không có hồ sơ này trên điện thoại",
  notFoundHint: "Hồ sơ nộp từ máy khác có thể tra cứu bằng mã hồ sơ và số điện thoại.",
  backToList: "Quay lại hồ sơ đã nộp",
  sendFeedback: "Gửi phản ánh, kiến nghị về hồ sơ này",
  historyTitle: "Quá trình xử lý",
  attachmentsTitle: "Ảnh giấy tờ đã gửi",
  noAttachments: "Không có ảnh giấy tờ.",
  receiptTitle: "Giấy tiếp nhận hồ sơ",
  noReceiptYet: "Giấy tiếp nhận và hẹn trả kết quả sẽ hiện ở đây khi bộ phận một cửa tiếp nhận hồ sơ.",
  print: "In giấy tiếp nhận",
  receiptLanguage: null,
  trackTitle: "Tra cứu hồ sơ",
  trackIntro: "Nhập mã hồ sơ (in trên giấy tiếp nhận) và số điện thoại đã khai khi nộp hồ sơ.",
  codeLabel: "Mã hồ sơ",
  codeHint: "Ví dụ: H12.41.01-261123-0007",
  phoneLabel: "Số điện thoại",
  phoneHint: "Số đã khai trong hồ sơ.",
  track: "Tra cứu",
  tracking: "Đang tra cứu…",
  codeMissing: "Vui lòng nhập mã hồ sơ.",
  phoneMissing: "Vui lòng nhập số điện thoại.",
  trackNotFound:
    "Không tìm thấy hồ sơ. Mã hồ sơ không đúng, hoặc số điện thoại không khớp với số đã khai khi nộp. Vui lòng kiểm tra lại.",
  tooMany: (wait) => `Chưa tra cứu được lúc này. Vui lòng thử lại sau ${wait ?? "ít phút"}.`,
  needsNetwork: "Cần kết nối mạng để tra cứu. Hãy bật dữ liệu di động hoặc Wi-Fi rồi thử lại.",
  serverError: "Hệ thống đang gặp lỗi. Vui lòng thử lại sau.",
  resultTitle: "Kết quả tra cứu",
  newDateWhy: {
    restarted: (d) => `Hẹn lại vì hồ sơ đã được bổ sung: thời hạn tính lại từ đầu (hẹn cũ ${d}).`,
    extended: (d) => `Cơ quan giải quyết xin lỗi vì chưa kịp trả ngày ${d} và hẹn lại ngày mới.`,
  },
  readyTitle: "Mời ông/bà đến nhận kết quả",
  readyWhere: (place) => `Nơi nhận: ${place}.`,
  readyBring: "Mang theo giấy tiếp nhận hồ sơ (hoặc mã hồ sơ) và căn cước của người nộp.",
  seconds: (n) => `${n} giây`,
  minutes: (n) => `${n} phút`,
  hours: (n) => `${n} giờ`,
};

const en: DossierText = {
  title: "Submitted dossiers",
  loading: "Opening…",
  outboxTitle: "Waiting to be sent",
  outboxHint: "These dossiers are saved on this phone and are sent by themselves when there is a connection. Do not clear the app's data before they are sent.",
  states: { waiting: "Waiting to be sent", sending: "Sending…", attention: "Needs correcting" },
  progressLabel: "Sending progress",
  progress: (sent, total) => `${sent} of ${total} sent`,
  nextTry: (time) => `Next try at ${time}`,
  attempts: (count) => `Tried ${count} ${count === 1 ? "time" : "times"}`,
  offlineWait: "No connection: the dossier is sent by itself when the connection comes back.",
  sendNow: "Send now",
  editAgain: "Correct the dossier",
  editHint: "Correct it as explained above, then press “Submit” again.",
  submittedOn: (time) => `Submitted at ${time}`,
  mineTitle: "Your dossiers",
  mineEmpty: "No dossier has been sent from this phone yet.",
  updatedAt: (time) => `Updated ${time}`,
  neverUpdated: "Not updated from the server yet.",
  refreshing: "Updating…",
  refreshFailed: "Could not update; showing what is saved on this phone.",
  offlineCache: "Offline: showing what is saved on this phone.",
  code: "Dossier code",
  procedure: "Procedure",
  agency: "Submitted to",
  competentAgency: "Decided by",
  submittedAt: "Submitted",
  receivedAt: "Received",
  appointment: "Result expected on",
  status: "Status",
  trackOther: "Track another dossier",
  statuses: {
    submitted: "Submitted, awaiting checks",
    received: "Received",
    supplement_requested: "More documents needed",
    refused: "Not accepted",
    in_progress: "Being processed",
    supplement_proposed: "Being processed",
    appraisal_supplement: "More documents needed",
    awaiting_approval: "Waiting for the head's signature",
    approved: "Approved, the result is being issued",
    result_issued: "Result issued, on its way to where you applied",
    appraisal_refused: "Not granted",
    ready: "Result ready to collect",
    returned: "Result handed over",
    withdrawn: "Withdrawn",
    stopped: "Stopped",
    closed: "Closed (documents not added in time)",
  },
  notFound: "This dossier is not on this phone",
  notFoundHint: "A dossier submitted from another phone can be tracked with its code and phone number.",
  backToList: "Back to submitted dossiers",
  sendFeedback: "Send feedback or a complaint about this dossier",
  historyTitle: "History",
  attachmentsTitle: "Photos of documents sent",
  noAttachments: "No photos of documents.",
  receiptTitle: "Receipt",
  noReceiptYet: "The receipt with the appointment date appears here once the one-stop counter has received the dossier.",
  print: "Print the receipt",
  receiptLanguage: "The receipt is an official form and is shown in Vietnamese.",
  trackTitle: "Track a dossier",
  trackIntro: "Enter the dossier code (printed on the receipt) and the phone number given in the dossier.",
  codeLabel: "Dossier code",
  codeHint: "For example: H12.41.01-261123-0007",
  phoneLabel: "Phone number",
  phoneHint: "The number given in the dossier.",
  track: "Track",
  tracking: "Looking it up…",
  codeMissing: "Enter the dossier code.",
  phoneMissing: "Enter the phone number.",
  trackNotFound:
    "No dossier found. The code is wrong, or the phone number does not match the one given in the dossier. Please check both.",
  tooMany: (wait) => `Tracking is not available right now. Please try again in ${wait ?? "a few minutes"}.`,
  needsNetwork: "Tracking needs a connection. Turn on mobile data or Wi-Fi, then try again.",
  serverError: "The server ran into a problem. Please try again later.",
  resultTitle: "Result",
  newDateWhy: {
    restarted: (d) => `A new date because the documents were added: the time counts again from the start (was ${d}).`,
    extended: (d) => `The agency apologises for missing ${d} and has set a new date.`,
  },
  readyTitle: "Your result is ready to collect",
  readyWhere: (place) => `Where: ${place}.`,
  readyBring: "Bring the receipt (or the dossier code) and the applicant's ID card.",
  seconds: (n) => `${n} ${n === 1 ? "second" : "seconds"}`,
  minutes: (n) => `${n} ${n === 1 ? "minute" : "minutes"}`,
  hours: (n) => `${n} ${n === 1 ? "hour" : "hours"}`,
};

export const DOSSIER_TEXT: Record<Lang, DossierText> = { vi, en };

/** The label of a status, or the status itself when this app version does not know it yet. */
export function statusLabel(status: string, t: DossierText): string {
  return (t.statuses as Record<string, string>)[status] ?? status;
}

/** "45 giây", "3 phút", "1 giờ": how long to wait, rounded up to what people say. */
export function formatWait(seconds: number, t: DossierText): string {
  if (seconds < 60) return t.seconds(Math.max(1, seconds));
  if (seconds < 3600) return t.minutes(Math.ceil(seconds / 60));
  return t.hours(Math.ceil(seconds / 3600));
}

/** The words of the receipt (form 01, Circular 03/2025/TT-VPCP): a legal form, in Vietnamese only. */
export const RECEIPT = {
  nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto: "Độc lập - Tự do - Hạnh phúc",
  desk: "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
  title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
  code: "Mã hồ sơ",
  applicant: "Tiếp nhận hồ sơ của",
  address: "Địa chỉ",
  phone: "Số điện thoại",
  email: "Thư điện tử",
  request: "Nội dung yêu cầu giải quyết",
  documents: "1. Thành phần hồ sơ nộp gồm:",
  sets: (n: number) => `2. Số lượng hồ sơ: ${String(n).padStart(2, "0")} (bộ)`,
  processing: "3. Thời gian giải quyết hồ sơ theo quy định là",
  workingDays: (n: number) => `${n} ngày làm việc`,
  received: "4. Thời gian nhận hồ sơ",
  appointment: "5. Thời gian trả kết quả giải quyết hồ sơ",
  copies: (n: number) => `${n} bản`,
  scan: "Quét mã để tra cứu hồ sơ",
  qrLabel: (code: string) => `Mã QR tra cứu hồ sơ ${code}`,
  place: (day: number, month: number, year: number) => dateInWords(year, month, day),
  time: (hour: string, minute: string) => `${hour} giờ ${minute} phút`,
  none: "—",
} as const;
