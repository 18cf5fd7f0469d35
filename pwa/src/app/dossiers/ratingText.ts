/** The words of a citizen's rating of a returned dossier (đánh giá mức độ hài lòng, Decree 118/2025 Art 29-34)
 * as the dossier's page shows where it stands, in plain Vietnamese and English. */

export const RATING_STATE_TEXT = {
  vi: {
    title: "Đánh giá mức độ hài lòng",
    waiting: "Đánh giá của ông/bà đang chờ gửi. Điện thoại sẽ tự gửi khi có mạng.",
    sent: "Ông/bà đã gửi đánh giá. Cảm ơn ông/bà!",
    atCounter: "Ông/bà đã đánh giá tại quầy. Cảm ơn ông/bà!",
    already: "Hồ sơ này đã được đánh giá. Cảm ơn ông/bà!",
    refused: "Đánh giá chưa gửi được:",
    again: "Đánh giá lại",
  },
  en: {
    title: "How satisfied are you?",
    waiting: "Your rating is waiting to be sent. The phone will send it when there is a connection.",
    sent: "You have sent your rating. Thank you!",
    atCounter: "You rated this dossier at the counter. Thank you!",
    already: "This dossier has already been rated. Thank you!",
    refused: "Your rating could not be sent:",
    again: "Rate again",
  },
};
