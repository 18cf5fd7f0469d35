/** The words of a citizen's request to stop handling (dừng giải quyết, Decree 118/2025 Art 21), in plain
 * Vietnamese and English. */

import type { DossierStatus } from "../../shared/types";

/** From the receipt until the decision is issued (the server's rules.STOPPABLE). */
export const STOPPABLE: readonly DossierStatus[] = ["received", "in_progress", "supplement_proposed", "appraisal_supplement", "awaiting_approval", "approved"];

export const STOP_TEXT = {
  vi: {
    title: "Xin dừng giải quyết hồ sơ",
    ask: "Xin dừng giải quyết hồ sơ",
    pending: "Đề nghị dừng giải quyết đang chờ gửi. Điện thoại sẽ tự gửi khi có mạng.",
    refused: "Đề nghị dừng giải quyết chưa gửi được:",
    retry: "Gửi lại",
    drop: "Bỏ đề nghị",
    sent: (at: string) => `Ông/bà đã xin dừng giải quyết lúc ${at}. Đang chờ Bộ phận Một cửa xác nhận.`,
    stopped: "Hồ sơ đã dừng giải quyết theo đề nghị của ông/bà. Bộ phận Một cửa đã gửi Thông báo dừng giải quyết hồ sơ.",
    tooLate: "Đề nghị dừng giải quyết không thực hiện được vì hồ sơ đã có kết quả.",
    yourReason: "Lý do:",
  },
  en: {
    title: "Ask to stop handling this dossier",
    ask: "Ask to stop handling",
    pending: "Your request to stop is waiting to be sent. The phone will send it when there is a connection.",
    refused: "Your request to stop could not be sent:",
    retry: "Send again",
    drop: "Drop the request",
    sent: (at: string) => `You asked to stop handling at ${at}. Waiting for the one-stop counter to confirm.`,
    stopped: "Handling of this dossier has stopped, as you asked. The one-stop counter has sent the notice.",
    tooLate: "The request to stop could not be carried out: the dossier already has its result.",
    yourReason: "Reason:",
  },
};

export type StopText = (typeof STOP_TEXT)["vi"];
