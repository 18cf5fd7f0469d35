/** Handling's words in Vietnamese and English: the steps from assignment to return, their fields, the due
 * dates with why and the hand-overs (apart from counter/text.ts, which keeps the check step's). */

import type { Lang } from "../i18n";
import type { Step } from "./api";

export interface HandlingText {
  steps: Record<Step, string>;
  reassign: string;
  specialist: string;
  pickSpecialist: string;
  noSpecialist: string;
  outcome: string;
  outcomes: Record<"granted" | "refused", string>;
  draftText: string;
  draftHint: string;
  sendBackReason: string;
  resultNote: string;
  resultHint: string;
  refusalReasons: string;
  method: string;
  methods: Record<"counter" | "post", string>;
  trackingNumber: string;
  stopReason: string;
  requestedVia: string;
  via: Record<"counter" | "app" | "post", string>;
  newDate: string;
  apologyReason: string;
  apologyBy: (day: string) => string;
  lateWarning: string;
  lateDeclared: string;
  stopRequested: (at: string, reason: string) => string;
  supplementBy: (day: string) => string;
  closeAfter: (day: string) => string;
  proposalTitle: string;
  draftTitle: string;
  internalNote: string;
  required: string;
  done: string;
  handlingTitle: string;
  holder: string;
  nobody: string;
  dueDates: string;
  dueKinds: Record<string, string>;
  countedFrom: (when: string) => string;
  result: string;
  returned: (how: string) => string;
  handovers: string;
  handoverSteps: Record<string, string>;
  waits: string;
  waitOutcomes: Record<string, string>;
}

const vi: HandlingText = {
  steps: {
    assign: "Phân công chuyên viên",
    "propose-supplement": "Đề nghị bổ sung hồ sơ",
    "issue-supplement": "Ra phiếu yêu cầu bổ sung (Mẫu 02)",
    close: "Kết thúc hồ sơ (không bổ sung đúng hạn)",
    "submit-for-approval": "Trình lãnh đạo phê duyệt",
    approve: "Phê duyệt",
    "send-back": "Trả lại chuyên viên",
    result: "Ban hành kết quả",
    "refuse-after-appraisal": "Ban hành văn bản từ chối (Mẫu 03)",
    ready: "Kết quả đã về, báo công dân đến nhận",
    return: "Trả kết quả",
    stop: "Dừng giải quyết theo đề nghị (Mẫu 05)",
    "declare-late": "Báo hồ sơ có thể trễ hạn",
    apology: "Xin lỗi và hẹn lại ngày trả (Mẫu 04)",
  },
  reassign: "Giao lại cho chuyên viên khác",
  specialist: "Chuyên viên xử lý",
  pickSpecialist: "— Chọn chuyên viên —",
  noSpecialist: "Cơ quan chưa có chuyên viên nào đang làm việc.",
  outcome: "Đề xuất",
  outcomes: { granted: "Giải quyết (cấp kết quả)", refused: "Từ chối giải quyết" },
  draftText: "Nội dung dự thảo kết quả",
  draftHint: "Tóm tắt kết quả đề xuất, hoặc lý do từ chối.",
  sendBackReason: "Lý do trả lại",
  resultNote: "Kết quả",
  resultHint: "Ví dụ: Giấy xác nhận đã ký, chuyển Bộ phận Một cửa.",
  refusalReasons: "Lý do từ chối (mỗi lý do một dòng)",
  method: "Hình thức trả",
  methods: { counter: "Tại quầy (trả bản chính)", post: "Qua bưu chính" },
  trackingNumber: "Số hiệu bưu gửi",
  stopReason: "Đề nghị của công dân",
  requestedVia: "Công dân đề nghị",
  via: { counter: "Tại quầy", app: "Qua ứng dụng", post: "Qua bưu chính" },
  newDate: "Ngày hẹn trả mới",
  apologyReason: "Lý do chậm",
  apologyBy: (d) => `Văn bản xin lỗi phải gửi chậm nhất ngày ${d}.`,
  lateWarning: "Hồ sơ dự báo trễ hạn và chưa có văn bản xin lỗi (Mẫu 04).",
  lateDeclared: "Chuyên viên đã báo hồ sơ có thể trễ hạn.",
  stopRequested: (at, reason) => `Công dân xin dừng giải quyết qua ứng dụng lúc ${at}. Lý do: ${reason} — Bộ phận Một cửa xác nhận bằng Thông báo dừng (Mẫu 05).`,
  supplementBy: (d) => `Chỉ được đề nghị bổ sung một lần, chậm nhất ngày ${d}.`,
  closeAfter: (d) => `Công dân được bổ sung đến hết ngày ${d}; sau ngày này mới kết thúc hồ sơ.`,
  proposalTitle: "Chuyên viên đề nghị bổ sung",
  draftTitle: "Dự thảo trình duyệt",
  internalNote: "Ghi chú nội bộ (không bắt buộc)",
  required: "Vui lòng điền mục này.",
  done: "Đã ghi nhận.",
  handlingTitle: "Giải quyết hồ sơ",
  holder: "Người đang xử lý",
  nobody: "Chưa phân công",
  dueDates: "Các ngày hẹn trả",
  dueKinds: { original: "Ngày hẹn ban đầu", restarted: "Tính lại từ đầu", extended: "Gia hạn (Mẫu 04)" },
  countedFrom: (w) => `tính từ ${w}`,
  result: "Kết quả",
  returned: (how) => `Đã trả: ${how}`,
  handovers: "Các lần bàn giao",
  handoverSteps: {
    assign: "Phân công",
    reassign: "Giao lại",
    supplement_proposed: "Đề nghị bổ sung",
    for_approval: "Trình duyệt",
    approved: "Phê duyệt",
    sent_back: "Trả lại",
    result_to_counter: "Chuyển kết quả về Bộ phận Một cửa",
    ready: "Sẵn sàng trả",
    returned: "Đã trả",
    stopped: "Dừng giải quyết",
  },
  waits: "Thời gian chờ công dân",
  waitOutcomes: { completed: "đã bổ sung", closed: "không bổ sung, kết thúc", stopped: "dừng giải quyết" },
};

const en: HandlingText = {
  steps: {
    assign: "Assign a specialist",
    "propose-supplement": "Propose a supplement",
    "issue-supplement": "Issue the supplement request (form 02)",
    close: "Close (supplement not completed)",
    "submit-for-approval": "Submit for approval",
    approve: "Approve",
    "send-back": "Send back",
    result: "Issue the result",
    "refuse-after-appraisal": "Issue the refusal (form 03)",
    ready: "Result in, tell the citizen",
    return: "Return the result",
    stop: "Stop at the citizen's request (form 05)",
    "declare-late": "Report a likely delay",
    apology: "Apologise and set a new date (form 04)",
  },
  reassign: "Give to another specialist",
  specialist: "Specialist",
  pickSpecialist: "— Choose a specialist —",
  noSpecialist: "The agency has no active specialist.",
  outcome: "Proposal",
  outcomes: { granted: "Grant (issue the result)", refused: "Refuse" },
  draftText: "Draft result",
  draftHint: "A summary of the result proposed, or the reasons to refuse.",
  sendBackReason: "Why it is sent back",
  resultNote: "Result",
  resultHint: "For example: the certificate is signed and sent to the counter.",
  refusalReasons: "Reasons (one a line)",
  method: "How",
  methods: { counter: "At the counter (originals handed back)", post: "By post" },
  trackingNumber: "Postal tracking number",
  stopReason: "The citizen's request",
  requestedVia: "Asked",
  via: { counter: "At the counter", app: "In the app", post: "By post" },
  newDate: "New return date",
  apologyReason: "Why it is late",
  apologyBy: (d) => `The apology must be sent by ${d}.`,
  lateWarning: "Forecast late, and no apology (form 04) yet.",
  lateDeclared: "The specialist reported a likely delay.",
  stopRequested: (at, reason) => `The citizen asked to stop handling in the app at ${at}. Reason: ${reason} — the counter confirms it with the stop notice (form 05).`,
  supplementBy: (d) => `A supplement may be proposed once, by ${d}.`,
  closeAfter: (d) => `The citizen may complete it until the end of ${d}; it can be closed only after that.`,
  proposalTitle: "The specialist proposes a supplement",
  draftTitle: "Draft for approval",
  internalNote: "Internal note (optional)",
  required: "Fill this in.",
  done: "Done.",
  handlingTitle: "Handling",
  holder: "Held by",
  nobody: "Not assigned",
  dueDates: "Return dates",
  dueKinds: { original: "Original date", restarted: "Restarted", extended: "Extended (form 04)" },
  countedFrom: (w) => `counted from ${w}`,
  result: "Result",
  returned: (how) => `Returned: ${how}`,
  handovers: "Hand-overs",
  handoverSteps: {
    assign: "Assigned",
    reassign: "Reassigned",
    supplement_proposed: "Supplement proposed",
    for_approval: "Submitted for approval",
    approved: "Approved",
    sent_back: "Sent back",
    result_to_counter: "Result sent to the counter",
    ready: "Ready to return",
    returned: "Returned",
    stopped: "Stopped",
  },
  waits: "Waiting for the citizen",
  waitOutcomes: { completed: "completed", closed: "not completed, closed", stopped: "stopped" },
};

export const HANDLING_TEXT: Record<Lang, HandlingText> = { vi, en };
