/** The words of the staff app's feedback page (phản ánh, kiến nghị), in Vietnamese and English. */

export const FEEDBACK_TEXT = {
  vi: {
    title: "Phản ánh, kiến nghị",
    navLink: "Phản ánh, kiến nghị",
    open: "Chờ trả lời",
    answered: "Đã trả lời",
    none: "Không có phản ánh, kiến nghị nào đang chờ trả lời.",
    noneAnswered: "Chưa trả lời phản ánh, kiến nghị nào.",
    report: "Phản ánh",
    proposal: "Kiến nghị",
    app: "qua ứng dụng",
    counter: "tại quầy",
    received: (at: string) => `Nhận lúc ${at}`,
    due: (date: string) => `Hạn trả lời ${date}`,
    overdue: (date: string) => `Quá hạn trả lời (hạn ${date})`,
    dossier: "Hồ sơ",
    procedure: "Thủ tục",
    contact: "Liên hệ",
    recordedBy: (who: string) => `Ghi nhận tại quầy: ${who}`,
    answerLabel: (code: string) => `Trả lời ${code}`,
    answerSend: "Gửi trả lời",
    answeredBy: (who: string, at: string) => `${who} trả lời lúc ${at}`,
    recordTitle: "Ghi nhận phản ánh, kiến nghị tại quầy",
    kind: "Loại",
    text: "Nội dung",
    dossierCode: "Mã hồ sơ (nếu có)",
    procedureCode: "Mã thủ tục (nếu có)",
    name: "Họ tên người phản ánh (không bắt buộc)",
    phone: "Số điện thoại (không bắt buộc)",
    record: "Ghi nhận",
    recorded: (code: string, date: string) => `Đã ghi nhận ${code}, hạn trả lời ${date}.`,
    sent: (code: string) => `Đã gửi trả lời ${code}; người dân nhận được trong hộp thông báo của ứng dụng.`,
  },
  en: {
    title: "Feedback and complaints",
    navLink: "Feedback",
    open: "Waiting for an answer",
    answered: "Answered",
    none: "No feedback is waiting for an answer.",
    noneAnswered: "No feedback answered yet.",
    report: "Report",
    proposal: "Proposal",
    app: "from the app",
    counter: "at the counter",
    received: (at: string) => `Received ${at}`,
    due: (date: string) => `Answer due ${date}`,
    overdue: (date: string) => `Answer overdue (due ${date})`,
    dossier: "Dossier",
    procedure: "Procedure",
    contact: "Contact",
    recordedBy: (who: string) => `Written down at the counter by ${who}`,
    answerLabel: (code: string) => `Answer ${code}`,
    answerSend: "Send the answer",
    answeredBy: (who: string, at: string) => `${who} answered at ${at}`,
    recordTitle: "Record feedback given at the counter",
    kind: "Kind",
    text: "What the citizen said",
    dossierCode: "Dossier code (if any)",
    procedureCode: "Procedure code (if any)",
    name: "Citizen's name (optional)",
    phone: "Phone number (optional)",
    record: "Record",
    recorded: (code: string, date: string) => `Recorded ${code}, answer due ${date}.`,
    sent: (code: string) => `Answer to ${code} sent; the citizen gets it in the app's notices.`,
  },
};

export type FeedbackText = (typeof FEEDBACK_TEXT)["vi"];

export function day(isoDate: string): string {
  const [year, month, date] = isoDate.slice(0, 10).split("-");
  return `${date}/${month}/${year}`;
}

/** "14:05 25/12/2026" in Vietnam's time, whatever the computer's zone. */
export function moment(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")}:${get("minute")} ${get("day")}/${get("month")}/${get("year")}`;
}
