/** The questions of a citizen's rating (Decree 118/2025 Art 29-34: the overall level and the Art 33 points that
 * fit one screen), word for word the same on the phone's card and on the counter's tablet. */

export const RATING_QUESTIONS = {
  vi: {
    levels: { very_satisfied: "Rất hài lòng", satisfied: "Hài lòng", unsatisfied: "Chưa hài lòng" },
    timeliness: "Thời gian giải quyết so với giấy hẹn",
    timelinesses: { earlier: "Sớm hơn", on_time: "Đúng hẹn", later: "Muộn hơn" },
    visits: "Số lần phải đi lại",
    attitude: "Thái độ của cán bộ",
    attitudes: { good: "Tận tình", acceptable: "Bình thường", poor: "Chưa tốt" },
    extraCost: "Có phải trả khoản nào ngoài phí, lệ phí quy định?",
    yes: "Có",
    no: "Không",
    comment: "Góp ý thêm (không bắt buộc)",
    levelMissing: "Vui lòng chọn mức độ hài lòng.",
    send: "Gửi đánh giá",
  },
  en: {
    levels: { very_satisfied: "Very satisfied", satisfied: "Satisfied", unsatisfied: "Not satisfied" },
    timeliness: "Time taken, against the appointment",
    timelinesses: { earlier: "Earlier", on_time: "On time", later: "Later" },
    visits: "Times you had to come back",
    attitude: "Staff attitude",
    attitudes: { good: "Helpful", acceptable: "Acceptable", poor: "Poor" },
    extraCost: "Did you pay anything beyond the published fee?",
    yes: "Yes",
    no: "No",
    comment: "Anything else (optional)",
    levelMissing: "Please choose how satisfied you are.",
    send: "Send rating",
  },
};

/** The choices of "times come back": 0 to 3, and 4 for four or more (the server takes 0 to 10). */
export const VISIT_CHOICES: [number, string][] = [[0, "0"], [1, "1"], [2, "2"], [3, "3"], [4, "4+"]];
