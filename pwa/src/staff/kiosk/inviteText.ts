/** The officer's invitation to rate on the counter's tablet, in plain Vietnamese and English (kept apart from the
 * tablet's words, which load with its page only). */

/** On the dossier page once the result is handed back. */
export const INVITE_TEXT = {
  vi: {
    title: "Đánh giá tại quầy",
    hint: "Mời công dân đánh giá mức độ hài lòng trên máy tính bảng đặt tại quầy.",
    invite: "Mời công dân đánh giá",
    invited: "Đã mời. Máy tính bảng tại quầy đang hiện câu hỏi đánh giá (trong 10 phút).",
    open: "Mở màn hình đánh giá trên máy này",
  },
  en: {
    title: "Rating at the counter",
    hint: "Invite the citizen to rate the service on the counter's tablet.",
    invite: "Invite the citizen to rate",
    invited: "Invited. The counter's tablet now shows the rating questions (for 10 minutes).",
    open: "Open the rating screen on this device",
  },
};
