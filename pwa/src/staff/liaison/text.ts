/** The words of liên thông and the paper hand-over in Vietnamese and English (the slip itself is Vietnamese
 * whatever the screen's language: its texts come from the server). */

import type { Lang } from "../i18n";

export interface LiaisonText {
  partsTitle: string;
  noParts: string;
  refer: string;
  referTitle: string;
  agency: string;
  pickAgency: string;
  task: string;
  workingDays: string;
  workingDaysHint: string;
  addAgency: string;
  removeAgency: (n: number) => string;
  partLegend: (n: number) => string;
  send: string;
  cancel: string;
  sending: string;
  incomplete: string;
  printSlip: (n: number) => string;
  sentAt: (when: string, who: string) => string;
  due: (when: string) => string;
  returnedAt: (when: string, who: string) => string;
  states: Record<"open" | "late" | "returned", string>;
  verdicts: Record<"early" | "on_time" | "late", string>;
  returnPart: string;
  partResult: string;
  partResultHint: string;
  required: string;
  todoTitle: string;
  todoLead: string;
  todoEmpty: string;
  navLink: string;
  colDossier: string;
  colTask: string;
  colDue: string;
  colState: string;
  paperTitle: string;
  paperExplain: string;
  afterCutoff: string;
  beforeCutoff: string;
  handedAt: string;
  handedAtHint: string;
  recipient: string;
  logHandover: string;
  confirmReceipt: string;
  notYet: string;
  slipBack: string;
  print: string;
  done: string;
  failed: string;
}

const vi: LiaisonText = {
  partsTitle: "Liên thông: phần việc của các cơ quan phối hợp",
  noParts: "Chưa chuyển hồ sơ đến cơ quan nào.",
  refer: "Chuyển xử lý liên thông",
  referTitle: "Phiếu chuyển xử lý (Điều 20 Nghị định 118/2025)",
  agency: "Cơ quan phối hợp",
  pickAgency: "— Chọn cơ quan —",
  task: "Nội dung công việc",
  workingDays: "Thời hạn (ngày làm việc)",
  workingDaysHint: "Từ 1 đến 60 ngày làm việc, tính từ ngày làm việc tiếp theo.",
  addAgency: "Thêm cơ quan",
  removeAgency: (n) => `Bỏ cơ quan thứ ${n}`,
  partLegend: (n) => `Cơ quan thứ ${n}`,
  send: "Chuyển hồ sơ",
  cancel: "Hủy",
  sending: "Đang gửi…",
  incomplete: "Mỗi cơ quan cần được chọn, có nội dung công việc và thời hạn từ 1 đến 60 ngày làm việc.",
  printSlip: (n) => `In phiếu chuyển xử lý số ${n}`,
  sentAt: (when, who) => `Chuyển lúc ${when} (${who})`,
  due: (when) => `Hạn: ${when}`,
  returnedAt: (when, who) => `Đã trả lúc ${when} (${who})`,
  states: { open: "Đang xử lý", late: "Quá hạn, chưa trả", returned: "Đã trả" },
  verdicts: { early: "trước hạn", on_time: "đúng hạn", late: "quá hạn" },
  returnPart: "Trả kết quả phần việc",
  partResult: "Kết quả phối hợp",
  partResultHint: "Ý kiến, kết quả xác minh hoặc số văn bản của cơ quan.",
  required: "Vui lòng nhập kết quả phối hợp.",
  todoTitle: "Hồ sơ liên thông cần trả",
  todoLead: "Các phần việc cơ quan khác chuyển đến, hạn gần nhất trước.",
  todoEmpty: "Không có phần việc nào đang chờ cơ quan trả.",
  navLink: "Liên thông",
  colDossier: "Hồ sơ",
  colTask: "Nội dung công việc",
  colDue: "Hạn trả",
  colState: "Tình trạng",
  paperTitle: "Bàn giao hồ sơ giấy",
  paperExplain: "Hồ sơ giấy được chuyển đến cơ quan giải quyết trong ngày tiếp nhận; tiếp nhận sau 15 giờ thì chuyển vào đầu giờ ngày làm việc tiếp theo.",
  afterCutoff: "Hồ sơ tiếp nhận sau 15 giờ: hạn bàn giao là đầu giờ ngày làm việc tiếp theo.",
  beforeCutoff: "Hồ sơ tiếp nhận trước 15 giờ: bàn giao trong ngày tiếp nhận.",
  handedAt: "Thời điểm bàn giao",
  handedAtHint: "Để trống nếu vừa bàn giao xong.",
  recipient: "Người nhận tại cơ quan giải quyết",
  logHandover: "Ghi nhận đã bàn giao hồ sơ giấy",
  confirmReceipt: "Xác nhận đã nhận hồ sơ giấy",
  notYet: "Chưa thực hiện",
  slipBack: "Về hồ sơ",
  print: "In",
  done: "Đã ghi nhận.",
  failed: "Chưa gửi được. Vui lòng thử lại.",
};

const en: LiaisonText = {
  partsTitle: "Inter-agency: the parts sent to other agencies",
  noParts: "The dossier has not been sent to another agency.",
  refer: "Send to other agencies",
  referTitle: "Transfer slip (Article 20, Decree 118/2025)",
  agency: "Agency",
  pickAgency: "— Choose an agency —",
  task: "Task",
  workingDays: "Deadline (working days)",
  workingDaysHint: "1 to 60 working days, counted from the next working day.",
  addAgency: "Add an agency",
  removeAgency: (n) => `Remove agency ${n}`,
  partLegend: (n) => `Agency ${n}`,
  send: "Send the dossier",
  cancel: "Cancel",
  sending: "Sending…",
  incomplete: "Each agency must be chosen, with a task and 1 to 60 working days.",
  printSlip: (n) => `Print transfer slip no. ${n}`,
  sentAt: (when, who) => `Sent at ${when} (${who})`,
  due: (when) => `Due: ${when}`,
  returnedAt: (when, who) => `Returned at ${when} (${who})`,
  states: { open: "In progress", late: "Late, not returned", returned: "Returned" },
  verdicts: { early: "early", on_time: "on time", late: "late" },
  returnPart: "Return this agency's part",
  partResult: "Your agency's answer",
  partResultHint: "Opinion, finding or the number of your agency's paper.",
  required: "Please write your agency's answer.",
  todoTitle: "Inter-agency parts to return",
  todoLead: "Parts other agencies sent you, the most urgent first.",
  todoEmpty: "No part is waiting for your agency.",
  navLink: "Inter-agency",
  colDossier: "Dossier",
  colTask: "Task",
  colDue: "Due",
  colState: "State",
  paperTitle: "Paper dossier hand-over",
  paperExplain: "The paper dossier goes to the deciding agency the day it is received; received after 15:00, it goes at the start of the next working day.",
  afterCutoff: "Received after 15:00: due at the start of the next working day.",
  beforeCutoff: "Received before 15:00: due the same day.",
  handedAt: "Handed over at",
  handedAtHint: "Leave empty if just handed over.",
  recipient: "Received by (at the deciding agency)",
  logHandover: "Record the paper hand-over",
  confirmReceipt: "Confirm the paper dossier arrived",
  notYet: "Not yet",
  slipBack: "Back to the dossier",
  print: "Print",
  done: "Recorded.",
  failed: "Not sent. Please try again.",
};

export const LIAISON_TEXT: Record<Lang, LiaisonText> = { vi, en };
