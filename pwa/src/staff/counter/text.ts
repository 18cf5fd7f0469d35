/** The counter pages' words in Vietnamese and English (apart from i18n.ts, which keeps the shell's):
 * list names, the clock, the dossier's sections, the three actions and the papers. */

import type { Lang } from "../i18n";
import type { ListName } from "./api";

export interface CounterText {
  queueTitle: string;
  agencyQueueTitle: string;
  lateWithoutApology: string;
  stopRequested: string;
  lists: Record<ListName, string>;
  listsLabel: string;
  search: string;
  searchHint: string;
  channel: string;
  anyChannel: string;
  channels: Record<string, string>;
  find: string;
  more: string;
  empty: string;
  colCode: string;
  colProcedure: string;
  colApplicant: string;
  colChannel: string;
  colArrival: string;
  colClock: string;
  left: (minutes: number) => string;
  over: (minutes: number) => string;
  dueBy: (when: string) => string;
  appointment: (date: string) => string;
  openedLate: string;
  statuses: Record<string, string>;
  auditActions: Record<string, string>;
  facts: string;
  status: string;
  idNumber: string;
  receivedAt: string;
  appointmentDate: string;
  answers: string;
  attachments: string;
  noAttachments: string;
  history: string;
  audit: string;
  internalNote: string;
  forCitizen: string;
  papers: string;
  paperNames: Record<string, string>;
  actions: string;
  accept: string;
  acceptNote: string;
  askCorrections: string;
  correctionsHint: string;
  documents: string;
  noteFor: (label: string) => string;
  message: string;
  pickOne: string;
  refuse: string;
  reasons: string;
  reasonsHint: string;
  reasonRequired: string;
  send: string;
  sending: string;
  cancel: string;
  stale: string;
  failed: string;
  notFound: string;
  backToQueue: string;
  print: string;
  republic: string;
  motto: string;
  code: string;
  applicant: string;
  procedure: string;
  documentsReceived: string;
  appointmentLine: string;
  newAppointmentLine: string;
  legalBasis: string;
  applicantSigns: string;
  officerSigns: string;
  itemsToCorrect: string;
  reasonsLine: string;
  signHint: string;
}

const duration = (minutes: number, hour: string, minute: string): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} ${hour}` : "", m || !h ? `${m} ${minute}` : ""].filter(Boolean).join(" ");
};

const vi: CounterText = {
  queueTitle: "Hồ sơ tại quầy",
  agencyQueueTitle: "Hồ sơ cần giải quyết",
  lateWithoutApology: "Sắp trễ hạn, chưa có văn bản xin lỗi",
  stopRequested: "Công dân xin dừng",
  lists: {
    to_check: "Cần kiểm tra",
    waiting_citizen: "Chờ công dân bổ sung",
    received: "Đã tiếp nhận",
    due_soon: "Sắp đến hạn",
    overdue: "Quá hạn",
    ready: "Chờ trả kết quả",
    stop_requested: "Công dân xin dừng",
    to_assign: "Chờ phân công",
    to_handle: "Cần xử lý",
    assigned: "Được giao cho tôi",
    to_approve: "Chờ phê duyệt",
    late_warning: "Sắp trễ hạn",
  },
  listsLabel: "Danh sách hồ sơ",
  search: "Tìm hồ sơ",
  searchHint: "Mã hồ sơ, họ tên, số điện thoại hoặc số định danh",
  channel: "Kênh nộp",
  anyChannel: "Tất cả",
  channels: { online: "Trực tuyến", in_person: "Tại quầy", postal: "Bưu chính" },
  find: "Tìm",
  more: "Xem thêm",
  empty: "Không có hồ sơ nào.",
  colCode: "Mã hồ sơ",
  colProcedure: "Thủ tục",
  colApplicant: "Người nộp",
  colChannel: "Kênh",
  colArrival: "Thời điểm nộp",
  colClock: "Thời hạn",
  left: (n) => `còn ${duration(n, "giờ", "phút")}`,
  over: (n) => `quá hạn ${duration(n, "giờ", "phút")}`,
  dueBy: (when) => `hạn ${when}`,
  appointment: (d) => `hẹn trả ${d}`,
  openedLate: "Mở muộn",
  statuses: {
    submitted: "Đã nộp, chờ kiểm tra",
    received: "Đã tiếp nhận",
    supplement_requested: "Chờ công dân bổ sung",
    refused: "Từ chối tiếp nhận",
    in_progress: "Đang giải quyết",
    supplement_proposed: "Chuyên viên đề nghị bổ sung",
    appraisal_supplement: "Chờ công dân bổ sung (thẩm định)",
    awaiting_approval: "Chờ lãnh đạo phê duyệt",
    approved: "Đã phê duyệt, chờ ban hành",
    result_issued: "Đã có kết quả, chuyển về Một cửa",
    appraisal_refused: "Từ chối giải quyết sau thẩm định",
    ready: "Chờ trả kết quả",
    returned: "Đã trả kết quả",
    withdrawn: "Đã rút",
    stopped: "Dừng giải quyết",
    closed: "Kết thúc (không bổ sung đúng hạn)",
  },
  auditActions: {
    open: "Mở hồ sơ",
    accept: "Tiếp nhận",
    request_corrections: "Yêu cầu bổ sung",
    refuse: "Từ chối",
    resubmit: "Công dân nộp lại",
    assign: "Phân công",
    reassign: "Giao lại",
    propose_supplement: "Đề nghị bổ sung",
    issue_supplement: "Ra phiếu bổ sung (Mẫu 02)",
    close: "Kết thúc hồ sơ",
    submit_for_approval: "Trình phê duyệt",
    approve: "Phê duyệt",
    send_back: "Trả lại chuyên viên",
    issue_result: "Ban hành kết quả",
    refuse_after_appraisal: "Từ chối sau thẩm định",
    ready: "Báo có kết quả",
    return: "Trả kết quả",
    stop: "Dừng giải quyết (Mẫu 05)",
    declare_late: "Báo có thể trễ hạn",
    apologise: "Xin lỗi, hẹn lại (Mẫu 04)",
  },
  facts: "Thông tin hồ sơ",
  status: "Trạng thái",
  idNumber: "Số định danh",
  receivedAt: "Thời điểm tiếp nhận",
  appointmentDate: "Ngày hẹn trả",
  answers: "Nội dung tờ khai",
  attachments: "Giấy tờ đính kèm",
  noAttachments: "Không có giấy tờ đính kèm.",
  history: "Lịch sử (công dân xem được)",
  audit: "Nhật ký xử lý (nội bộ)",
  internalNote: "Ghi chú nội bộ",
  forCitizen: "Gửi công dân",
  papers: "Phiếu đã in",
  paperNames: { "01": "Mẫu 01", "02": "Mẫu 02", "03": "Mẫu 03", "04": "Mẫu 04", "05": "Mẫu 05" },
  actions: "Xử lý hồ sơ",
  accept: "Tiếp nhận",
  acceptNote: "Ghi chú nội bộ (không bắt buộc)",
  askCorrections: "Yêu cầu bổ sung",
  correctionsHint: "Đánh dấu từng thông tin và giấy tờ cần sửa, ghi rõ cần sửa gì.",
  documents: "Giấy tờ",
  noteFor: (label) => `Cần sửa gì ở “${label}”`,
  message: "Lời nhắn cho công dân (không bắt buộc)",
  pickOne: "Hãy đánh dấu ít nhất một thông tin hoặc giấy tờ cần sửa.",
  refuse: "Từ chối",
  reasons: "Lý do từ chối (mỗi lý do một dòng)",
  reasonsHint: "Công dân sẽ đọc từng lý do.",
  reasonRequired: "Hãy ghi ít nhất một lý do.",
  send: "Xác nhận",
  sending: "Đang gửi…",
  cancel: "Hủy",
  stale: "Hồ sơ vừa được người khác xử lý. Đã tải lại hồ sơ.",
  failed: "Chưa gửi được. Hãy thử lại.",
  notFound: "Không tìm thấy hồ sơ này.",
  backToQueue: "Về danh sách hồ sơ",
  print: "In",
  republic: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto: "Độc lập - Tự do - Hạnh phúc",
  code: "Mã hồ sơ",
  applicant: "Người nộp hồ sơ",
  procedure: "Thủ tục",
  documentsReceived: "Thành phần hồ sơ",
  appointmentLine: "Ngày hẹn trả kết quả",
  newAppointmentLine: "Ngày hẹn trả kết quả mới",
  legalBasis: "Căn cứ",
  applicantSigns: "NGƯỜI NỘP HỒ SƠ",
  officerSigns: "NGƯỜI TIẾP NHẬN HỒ SƠ",
  itemsToCorrect: "Nội dung cần bổ sung, hoàn thiện",
  reasonsLine: "Lý do từ chối",
  signHint: "(Ký, ghi rõ họ tên)",
};

const en: CounterText = {
  ...vi,
  queueTitle: "Dossiers at the counter",
  agencyQueueTitle: "Dossiers to decide",
  lateWithoutApology: "Late soon, no apology yet",
  stopRequested: "Citizen asked to stop",
  lists: {
    to_check: "To check",
    waiting_citizen: "Waiting for the citizen",
    received: "Received",
    due_soon: "Due soon",
    overdue: "Overdue",
    ready: "Ready to return",
    stop_requested: "Citizen asked to stop",
    to_assign: "To assign",
    to_handle: "To handle",
    assigned: "Assigned to me",
    to_approve: "To approve",
    late_warning: "Late soon",
  },
  listsLabel: "Dossier lists",
  search: "Find a dossier",
  searchHint: "Code, name, phone or ID number",
  channel: "Channel",
  anyChannel: "All",
  channels: { online: "Online", in_person: "At the counter", postal: "By post" },
  find: "Find",
  more: "Show more",
  empty: "No dossiers.",
  colCode: "Code",
  colProcedure: "Procedure",
  colApplicant: "Applicant",
  colChannel: "Channel",
  colArrival: "Arrived",
  colClock: "Time left",
  left: (n) => `${duration(n, "h", "min")} left`,
  over: (n) => `overdue by ${duration(n, "h", "min")}`,
  dueBy: (when) => `by ${when}`,
  appointment: (d) => `due ${d}`,
  openedLate: "Opened late",
  statuses: {
    submitted: "Submitted, to check",
    received: "Received",
    supplement_requested: "Waiting for the citizen",
    refused: "Refused",
    in_progress: "In progress",
    supplement_proposed: "Supplement proposed",
    appraisal_supplement: "Waiting for the citizen (appraisal)",
    awaiting_approval: "Awaiting approval",
    approved: "Approved, to issue",
    result_issued: "Result issued, sent to the counter",
    appraisal_refused: "Refused after appraisal",
    ready: "Ready to return",
    returned: "Returned",
    withdrawn: "Withdrawn",
    stopped: "Stopped",
    closed: "Closed (supplement not completed)",
  },
  auditActions: {
    open: "Opened",
    accept: "Accepted",
    request_corrections: "Asked for corrections",
    refuse: "Refused",
    resubmit: "Resubmitted by the citizen",
    assign: "Assigned",
    reassign: "Reassigned",
    propose_supplement: "Proposed a supplement",
    issue_supplement: "Issued the supplement request (form 02)",
    close: "Closed",
    submit_for_approval: "Submitted for approval",
    approve: "Approved",
    send_back: "Sent back",
    issue_result: "Issued the result",
    refuse_after_appraisal: "Refused after appraisal",
    ready: "Result ready",
    return: "Returned",
    stop: "Stopped (form 05)",
    declare_late: "Reported a likely delay",
    apologise: "Apologised, new date (form 04)",
  },
  facts: "Dossier facts",
  status: "Status",
  idNumber: "ID number",
  receivedAt: "Received at",
  appointmentDate: "Appointment date",
  answers: "Answers",
  attachments: "Attachments",
  noAttachments: "No attachments.",
  history: "History (the citizen sees it)",
  audit: "Audit trail (internal)",
  internalNote: "Internal note",
  forCitizen: "To the citizen",
  papers: "Papers issued",
  actions: "Act on the dossier",
  accept: "Accept",
  acceptNote: "Internal note (optional)",
  askCorrections: "Ask for corrections",
  correctionsHint: "Tick each answer and document to correct and say what is wrong.",
  documents: "Documents",
  noteFor: (label) => `What to correct in “${label}”`,
  message: "Message to the citizen (optional)",
  pickOne: "Tick at least one answer or document to correct.",
  refuse: "Refuse",
  reasons: "Reasons (one a line)",
  reasonsHint: "The citizen reads each reason.",
  reasonRequired: "Write at least one reason.",
  send: "Confirm",
  sending: "Sending…",
  cancel: "Cancel",
  stale: "Someone else has just acted on this dossier. It has been reloaded.",
  failed: "Not sent. Please try again.",
  notFound: "This dossier was not found.",
  backToQueue: "Back to the dossiers",
  print: "Print",
};

export const COUNTER_TEXT: Record<Lang, CounterText> = { vi, en };

/** dd/mm/yyyy hh:mm in Vietnam's time, whatever the computer's zone. */
export function dateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")}/${part("month")}/${part("year")} ${part("hour")}:${part("minute")}`;
}

/** yyyy-mm-dd as dd/mm/yyyy. */
export const day = (iso: string): string => iso.slice(0, 10).split("-").reverse().join("/");
