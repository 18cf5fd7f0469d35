/** Every word of the drafts screens (soạn hồ sơ) in Vietnamese, the default, and English.
 * Form labels and messages of the validator come from the catalogue and shared/validate.ts instead. */

import type { Lang } from "../i18n";

export interface DraftText {
  loading: string;
  notFound: string;
  notFoundHint: string;
  toDrafts: string;
  stepOf: (step: number, total: number) => string;
  optional: string;
  back: string;
  continue: string;
  saved: string;
  saveFailed: string;
  errorSummary: string;
  errorPrefix: string;
  choose: string;
  yes: string;
  no: string;
  agencyTitle: string;
  agencyHint: string;
  agencyMissing: string;
  photosTitle: string;
  photosHint: string;
  photoMissing: (name: string) => string;
  required: string;
  notRequired: string;
  copies: (count: number) => string;
  takePhoto: string;
  choosePhoto: string;
  retake: string;
  remove: string;
  compressing: string;
  photoAlt: string;
  notImage: string;
  unreadable: string;
  photoNotSaved: string;
  checkTitle: string;
  change: string;
  notAnswered: string;
  sectionSkipped: string;
  noAgency: string;
  photoPresent: (size: string) => string;
  photoAbsent: string;
  remaining: (count: number) => string;
  completeTitle: string;
  completeText: string;
  submitHint: string;
  submit: string;
  submitting: string;
  submitFailed: string;
  waitingToSend: string;
  submittedTitle: string;
  submittedText: string;
  toSubmitted: string;
  draftsTitle: string;
  empty: string;
  emptyLink: string;
  procedureCode: (code: string) => string;
  lastEdited: (when: string) => string;
  photoCount: (count: number) => string;
  stepsDone: (done: number, total: number) => string;
  confirmDelete: string;
  cancel: string;
  storageTitle: string;
  storageUsed: (used: string, quota: string) => string;
  storageUnknown: string;
  persisted: string;
  notPersisted: string;
  persist: string;
  persistHint: string;
  persistRefused: string;
}

const vi: DraftText = {
  loading: "Đang mở hồ sơ…",
  notFound: "Không tìm thấy hồ sơ này",
  notFoundHint: "Hồ sơ có thể đã bị xóa, hoặc thủ tục không còn trong danh mục.",
  toDrafts: "Xem các hồ sơ đang soạn",
  stepOf: (step, total) => `Bước ${step}/${total}`,
  optional: "(không bắt buộc)",
  back: "Quay lại",
  continue: "Tiếp tục",
  saved: "Đã lưu trên máy",
  saveFailed: "Chưa lưu được. Bộ nhớ máy có thể đã đầy.",
  errorSummary: "Có lỗi cần sửa",
  errorPrefix: "Lỗi:",
  choose: "— Chọn —",
  yes: "Có",
  no: "Không",
  agencyTitle: "Xã, phường giải quyết hồ sơ",
  agencyHint:
    "Chọn Ủy ban nhân dân xã, phường giải quyết hồ sơ (thường là nơi bạn cư trú). Giấy tờ nộp và kết quả nhận tại Trung tâm Phục vụ hành chính công của xã, phường đó, hoặc tại bất kỳ trung tâm nào trong tỉnh.",
  agencyMissing: "Vui lòng chọn xã, phường giải quyết hồ sơ.",
  photosTitle: "Ảnh giấy tờ",
  photosHint:
    "Chụp rõ từng giấy tờ, đủ bốn góc, ở nơi đủ sáng. Ảnh được thu nhỏ (vài trăm KB) và chỉ lưu trên điện thoại này.",
  photoMissing: (name) => `Cần ảnh: ${name}`,
  required: "bắt buộc",
  notRequired: "không bắt buộc",
  copies: (count) => `${count} bản`,
  takePhoto: "Chụp ảnh",
  choosePhoto: "Chọn từ thư viện",
  retake: "Chụp lại",
  remove: "Xóa",
  compressing: "Đang thu nhỏ ảnh…",
  photoAlt: "Ảnh đã chụp",
  notImage: "Tệp đã chọn không phải là ảnh. Hãy chọn ảnh chụp giấy tờ.",
  unreadable: "Không đọc được ảnh này. Hãy chụp lại.",
  photoNotSaved: "Không lưu được ảnh. Bộ nhớ máy có thể đã đầy.",
  checkTitle: "Kiểm tra hồ sơ",
  change: "Sửa",
  notAnswered: "Chưa nhập",
  sectionSkipped: "Không khai",
  noAgency: "Chưa chọn",
  photoPresent: (size) => `Đã có ảnh (${size})`,
  photoAbsent: "Chưa có ảnh",
  remaining: (count) => `Hồ sơ còn ${count} chỗ cần bổ sung`,
  completeTitle: "Hồ sơ đã đầy đủ",
  completeText: "Hồ sơ đã được lưu trên điện thoại này. Bạn có thể đóng ứng dụng và mở lại bất cứ lúc nào.",
  submitHint:
    "Bấm «Nộp hồ sơ» để gửi đến cơ quan giải quyết. Không có mạng cũng nộp được: hồ sơ được giữ trên máy và tự gửi khi có mạng. Sau khi nộp, hồ sơ không sửa được nữa.",
  submit: "Nộp hồ sơ",
  submitting: "Đang chuẩn bị hồ sơ để gửi…",
  submitFailed: "Chưa nộp được: không lưu được trên máy. Vui lòng thử lại.",
  waitingToSend: "Đang chờ gửi",
  submittedTitle: "Hồ sơ này đã nộp",
  submittedText: "Hồ sơ đang được gửi đến cơ quan giải quyết nên không sửa được nữa.",
  toSubmitted: "Xem hồ sơ đã nộp",
  draftsTitle: "Hồ sơ đang soạn",
  empty: "Bạn chưa có hồ sơ nào đang soạn.",
  emptyLink: "Tìm thủ tục để bắt đầu",
  procedureCode: (code) => `Thủ tục ${code}`,
  lastEdited: (when) => `Sửa lần cuối: ${when}`,
  photoCount: (count) => `${count} ảnh`,
  stepsDone: (done, total) => `Đã xong ${done}/${total} bước`,
  confirmDelete: "Xóa bản nháp này? Ảnh đã chụp cũng bị xóa.",
  cancel: "Hủy",
  storageTitle: "Dữ liệu trên máy",
  storageUsed: (used, quota) => `Đang dùng ${used} trên ${quota} được phép.`,
  storageUnknown: "Trình duyệt không cho biết dung lượng đã dùng.",
  persisted: "Dữ liệu được giữ lâu dài: trình duyệt sẽ không tự xóa hồ sơ.",
  notPersisted: "Trình duyệt có thể tự xóa dữ liệu khi điện thoại hết bộ nhớ.",
  persist: "Giữ dữ liệu lâu dài",
  persistHint: "Nút này xin trình duyệt không xóa hồ sơ đang soạn khi điện thoại sắp hết bộ nhớ.",
  persistRefused: "Trình duyệt chưa đồng ý. Hãy thêm ứng dụng vào màn hình chính rồi thử lại.",
};

const en: DraftText = {
  loading: "Opening the dossier…",
  notFound: "This dossier was not found",
  notFoundHint: "It may have been deleted, or its procedure is no longer in the catalogue.",
  toDrafts: "See your dossiers in progress",
  stepOf: (step, total) => `Step ${step} of ${total}`,
  optional: "(optional)",
  back: "Back",
  continue: "Continue",
  saved: "Saved on this phone",
  saveFailed: "Not saved. The phone's storage may be full.",
  errorSummary: "There is a problem",
  errorPrefix: "Error:",
  choose: "— Choose —",
  yes: "Yes",
  no: "No",
  agencyTitle: "Commune that handles the dossier",
  agencyHint:
    "Choose the People's Committee of the commune or ward that handles your dossier (usually where you live). Papers are brought and the result collected at that commune's public service centre, or at any centre of the province.",
  agencyMissing: "Choose the commune that handles the dossier.",
  photosTitle: "Photos of documents",
  photosHint:
    "Photograph each document clearly, all four corners, in good light. Photos are made small (a few hundred KB) and kept on this phone only.",
  photoMissing: (name) => `A photo is needed: ${name}`,
  required: "required",
  notRequired: "optional",
  copies: (count) => `${count} ${count === 1 ? "copy" : "copies"}`,
  takePhoto: "Take a photo",
  choosePhoto: "Choose from gallery",
  retake: "Retake",
  remove: "Remove",
  compressing: "Making the photo smaller…",
  photoAlt: "Photo taken",
  notImage: "The file chosen is not a picture. Choose a photo of the document.",
  unreadable: "This photo cannot be read. Please take it again.",
  photoNotSaved: "The photo was not saved. The phone's storage may be full.",
  checkTitle: "Check your answers",
  change: "Change",
  notAnswered: "Not filled in",
  sectionSkipped: "Left empty",
  noAgency: "Not chosen",
  photoPresent: (size) => `Photo added (${size})`,
  photoAbsent: "No photo yet",
  remaining: (count) => `${count} ${count === 1 ? "thing needs" : "things need"} completing`,
  completeTitle: "Your dossier is complete",
  completeText: "It is saved on this phone. You can close the app and come back to it at any time.",
  submitHint:
    "Press “Submit” to send it to the office that handles it. It works offline too: the dossier is kept on this phone and sent when there is a connection. Once submitted, it can no longer be changed.",
  submit: "Submit",
  submitting: "Preparing the dossier for sending…",
  submitFailed: "Not submitted: it could not be saved on this phone. Please try again.",
  waitingToSend: "Waiting to be sent",
  submittedTitle: "This dossier has been submitted",
  submittedText: "It is being sent to the office that handles it, so it can no longer be changed.",
  toSubmitted: "See submitted dossiers",
  draftsTitle: "Dossiers in progress",
  empty: "You have no dossier in progress.",
  emptyLink: "Find a procedure to start",
  procedureCode: (code) => `Procedure ${code}`,
  lastEdited: (when) => `Last edited: ${when}`,
  photoCount: (count) => `${count} ${count === 1 ? "photo" : "photos"}`,
  stepsDone: (done, total) => `${done} of ${total} steps done`,
  confirmDelete: "Delete this draft? Its photos are deleted too.",
  cancel: "Cancel",
  storageTitle: "Data on this phone",
  storageUsed: (used, quota) => `Using ${used} of ${quota} allowed.`,
  storageUnknown: "The browser does not say how much space is used.",
  persisted: "Data is kept: the browser will not delete your dossiers by itself.",
  notPersisted: "The browser may delete this data when the phone runs out of space.",
  persist: "Keep my data",
  persistHint: "This asks the browser not to delete your drafts when the phone is low on space.",
  persistRefused: "The browser said no. Add the app to your home screen, then try again.",
};

export const DRAFT_TEXT: Record<Lang, DraftText> = { vi, en };

/** "245 KB", "1,2 MB": sizes people can compare with what their phone's settings show. */
export function formatBytes(bytes: number, lang: Lang): string {
  const number = (value: number): string =>
    new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  if (bytes < 1024 ** 3) return `${number(bytes / 1024 ** 2)} MB`;
  return `${number(bytes / 1024 ** 3)} GB`;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "14:05 22/11/2025", in the phone's own time zone. */
export function formatStamp(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "2019-03-14" as "14/03/2019", the way Vietnamese papers write dates. */
export function formatDate(value: string): string {
  const [y, m, d] = value.split("-");
  return y && m && d ? `${d}/${m}/${y}` : value;
}
