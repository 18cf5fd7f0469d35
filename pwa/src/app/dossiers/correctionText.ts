/** The words of a dossier sent back (cần bổ sung) or refused, and of correcting it, in Vietnamese (the
 * default) and English: plain citizen words, as an officer would say them at the counter. */

import type { Lang } from "../i18n";

export interface CorrectionText {
  requestTitle: string;
  requestIntro: string;
  fieldItem: string;
  documentItem: string;
  note: string;
  edit: string;
  continueEdit: string;
  refusedTitle: string;
  appraisalRefusedTitle: string;
  appraisalNote: string;
  pageTitle: string;
  pageIntro: string;
  retakeHint: string;
  send: string;
  sending: string;
  fixFirst: string;
  photoNeeded: string;
  queued: string;
  queuedHint: string;
  notAsked: string;
  failed: string;
  back: string;
}

export const CORRECTION_TEXT: Record<Lang, CorrectionText> = {
  vi: {
    requestTitle: "Cần bổ sung",
    requestIntro: "Cán bộ yêu cầu sửa/bổ sung những mục sau:",
    fieldItem: "Thông tin",
    documentItem: "Giấy tờ",
    note: "Ghi chú của cán bộ",
    edit: "Sửa hồ sơ",
    continueEdit: "Tiếp tục sửa hồ sơ",
    refusedTitle: "Lý do từ chối tiếp nhận",
    appraisalRefusedTitle: "Lý do không giải quyết",
    appraisalNote: "Hồ sơ đang được giải quyết và cần bổ sung. Khi ông/bà bổ sung đủ, thời hạn giải quyết được tính lại từ đầu và có ngày hẹn mới.",
    pageTitle: "Sửa, bổ sung hồ sơ",
    pageIntro: "Chỉ cần sửa những mục cán bộ yêu cầu. Mọi thay đổi được lưu ngay trên điện thoại, kể cả khi không có mạng.",
    retakeHint: "Vui lòng chụp lại ảnh giấy tờ này.",
    send: "Gửi lại",
    sending: "Đang lưu…",
    fixFirst: "Vui lòng sửa các mục còn thiếu rồi bấm Gửi lại.",
    photoNeeded: "Vui lòng chụp lại ảnh: {name}.",
    queued: "Hồ sơ đã sửa đang chờ gửi",
    queuedHint: "Ứng dụng sẽ tự gửi khi có mạng; bạn có thể đóng ứng dụng.",
    notAsked: "Hồ sơ này hiện không cần sửa, bổ sung.",
    failed: "Chưa lưu được trên điện thoại; vui lòng thử lại.",
    back: "Về hồ sơ",
  },
  en: {
    requestTitle: "More needed",
    requestIntro: "The officer asks you to correct or add the following:",
    fieldItem: "Information",
    documentItem: "Document",
    note: "Officer's note",
    edit: "Correct the dossier",
    continueEdit: "Continue correcting",
    refusedTitle: "Why it was not accepted",
    appraisalRefusedTitle: "Why it was not granted",
    appraisalNote: "Your dossier is being decided and needs more. Once it is complete, the time counts again from the start, with a new date.",
    pageTitle: "Correct the dossier",
    pageIntro: "Only the items the officer asked for need changing. Every change is saved on the phone at once, offline too.",
    retakeHint: "Please take a new photo of this document.",
    send: "Send again",
    sending: "Saving…",
    fixFirst: "Please fix the items still missing, then press Send again.",
    photoNeeded: "Please take a new photo of: {name}.",
    queued: "The corrected dossier is waiting to be sent",
    queuedHint: "The app sends it by itself when there is a connection; you may close the app.",
    notAsked: "This dossier needs no correction now.",
    failed: "Could not save on the phone; please try again.",
    back: "Back to the dossier",
  },
};
