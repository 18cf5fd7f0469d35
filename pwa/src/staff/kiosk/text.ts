/** The words of the counter's rating tablet (Decree 118/2025 Art 31) and of the officer's invitation, in plain
 * Vietnamese and English. The questions are the phone's own (shared/ratingQuestions.ts). */

import { RATING_QUESTIONS } from "../../shared/ratingQuestions";

export const KIOSK_TEXT = {
  vi: {
    ...RATING_QUESTIONS.vi,
    title: "Đánh giá mức độ hài lòng",
    waiting: "Mời ông/bà đánh giá sau khi nhận kết quả",
    waitingHint: "Cán bộ sẽ mời ông/bà đánh giá ngay sau khi trả kết quả. Xin cảm ơn!",
    offline: "Không có mạng, đang thử lại…",
    dossier: "Hồ sơ",
    level: "Ông/bà hài lòng thế nào?",
    optional: "Các câu dưới đây không bắt buộc.",
    skip: "Không đánh giá",
    sending: "Đang gửi…",
    thanks: "Cảm ơn ông/bà đã đánh giá!",
    thanksHint: "Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.",
    already: { app: "Hồ sơ này đã được đánh giá trên ứng dụng. Cảm ơn ông/bà!", kiosk: "Hồ sơ này đã được đánh giá tại quầy. Cảm ơn ông/bà!" },
    alreadyRated: "Hồ sơ này đã được đánh giá. Cảm ơn ông/bà!",
    failed: "Chưa gửi được đánh giá. Vui lòng thử lại.",
    language: "English",
  },
  en: {
    ...RATING_QUESTIONS.en,
    title: "How satisfied are you?",
    waiting: "Please rate our service once you have your result",
    waitingHint: "The officer will invite you to rate right after handing back your result. Thank you!",
    offline: "No connection, trying again…",
    dossier: "Dossier",
    level: "How satisfied are you?",
    optional: "The questions below are optional.",
    skip: "Don't rate",
    sending: "Sending…",
    thanks: "Thank you for your rating!",
    thanksHint: "What you tell us helps us serve you better.",
    already: { app: "This dossier was already rated in the app. Thank you!", kiosk: "This dossier was already rated at the counter. Thank you!" },
    alreadyRated: "This dossier has already been rated. Thank you!",
    failed: "Your rating could not be sent. Please try again.",
    language: "Tiếng Việt",
  },
};
