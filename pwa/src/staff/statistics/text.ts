/** The statistics page's words in Vietnamese and English: Biểu 06's headings as the form prints them. */

import type { Lang } from "../i18n";
import type { Detail, PeriodKind, Step } from "./api";

export interface StatisticsText {
  title: string;
  lead: string;
  kind: string;
  kinds: Record<PeriodKind, string>;
  year: string;
  index: string;
  indexName: (kind: PeriodKind, n: number) => string;
  from: string;
  to: string;
  unit: string;
  ownUnit: string;
  detail: string;
  details: Record<Detail, string>;
  show: string;
  loading: string;
  csv: string;
  print: string;
  formName: string;
  formTitle: string;
  period: (first: string, last: string) => string;
  asOf: (when: string) => string;
  unitCol: string;
  total: string;
  head: {
    received: string;
    resolved: string;
    inProgress: string;
    sum: string;
    online: string;
    inPerson: string;
    carried: string;
    early: string;
    onTime: string;
    late: string;
    within: string;
    overdue: string;
    waiting: string;
    returned: string;
    apologies: string;
    satisfaction: string;
  };
  noRating: string;
  convention: string;
  rankingTitle: string;
  rankingHead: { rank: string; commune: string; score: string; onTime: string; online: string; scanned: string; satisfied: string };
  rankingNote: string;
  step: string;
  steps: Record<Step, string>;
  chartsTitle: string;
  charts: { received: string; onTime: string; satisfaction: string; ranking: string };
  channels: { online: string; inPerson: string; postal: string };
  onTimeLine: string;
  satisfiedLine: string;
  scoreLine: string;
  chartNote: string;
  chartFailed: string;
  noRatings: string;
  seriesTitle: string;
  seriesHead: {
    bucket: string;
    online: string;
    inPerson: string;
    postal: string;
    inTime: string;
    late: string;
    onTime: string;
    rated: string;
    satisfied: string;
    satisfiedShare: string;
  };
  indicatorsTitle: string;
  indicatorsHead: { unit: string; received: string; resolved: string };
  csvOf: (table: string) => string;
  csvShort: string;
}

const vi: StatisticsText = {
  title: "Thống kê giải quyết thủ tục hành chính",
  lead: "Biểu số 06/VPCP/KSTT, kỳ báo cáo tính từ ngày 15 tháng trước đến ngày 14 tháng cuối kỳ.",
  kind: "Kỳ báo cáo",
  kinds: { month: "Tháng", quarter: "Quý", half: "6 tháng", nine_months: "9 tháng", year: "Năm", range: "Từ ngày đến ngày" },
  year: "Năm",
  index: "Kỳ",
  indexName: (kind, n) =>
    kind === "month" ? `Tháng ${n}` : kind === "quarter" ? `Quý ${n}` : kind === "half" ? (n === 1 ? "6 tháng đầu năm" : "6 tháng cuối năm") : "Cả kỳ",
  from: "Từ ngày",
  to: "Đến ngày",
  unit: "Đơn vị",
  ownUnit: "Đơn vị của tôi",
  detail: "Chi tiết",
  details: { unit: "Theo đơn vị", field: "Theo lĩnh vực", procedure: "Theo thủ tục" },
  show: "Xem báo cáo",
  loading: "Đang tổng hợp số liệu…",
  csv: "Tải tệp CSV",
  print: "In báo cáo",
  formName: "Biểu số 06/VPCP/KSTT",
  formTitle: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
  period: (first, last) => `Kỳ báo cáo: từ ngày ${first} đến ngày ${last}`,
  asOf: (when) => `Số liệu tính đến ${when}`,
  unitCol: "Đơn vị, lĩnh vực, thủ tục",
  total: "Tổng cộng",
  head: {
    received: "Số hồ sơ nhận giải quyết",
    resolved: "Số hồ sơ đã giải quyết",
    inProgress: "Số hồ sơ đang giải quyết",
    sum: "Tổng số",
    online: "Trực tuyến",
    inPerson: "Trực tiếp, bưu chính",
    carried: "Từ kỳ trước",
    early: "Trước hạn",
    onTime: "Đúng hạn",
    late: "Quá hạn",
    within: "Trong hạn",
    overdue: "Quá hạn",
    waiting: "Chờ bổ sung",
    returned: "Trả lại, rút hồ sơ",
    apologies: "Thư xin lỗi",
    satisfaction: "Tỷ lệ hài lòng (%)",
  },
  noRating: "—",
  convention:
    "Quá hạn tính theo hạn giải quyết theo quy định (kể cả hạn tính lại sau khi bổ sung); ngày hẹn mới trong thư xin lỗi không làm hồ sơ thành đúng hạn. Hồ sơ chờ công dân bổ sung được tính trong hạn. Từ chối sau thẩm định là đã giải quyết; dừng giải quyết, kết thúc do không bổ sung là trả lại, rút hồ sơ.",
  rankingTitle: "Xếp hạng các xã theo Quyết định 766/QĐ-TTg",
  rankingHead: {
    rank: "Hạng",
    commune: "Xã",
    score: "Điểm trung bình",
    onTime: "Đúng hạn (%)",
    online: "Trực tuyến (%)",
    scanned: "Số hóa (%)",
    satisfied: "Hài lòng (%)",
  },
  rankingNote: "Điểm là trung bình các tỷ lệ đã có số liệu; tỷ lệ hài lòng tính trên các đánh giá của người dân trong kỳ.",
  step: "Biểu đồ theo",
  steps: { week: "Tuần", month: "Tháng (15 đến 14)" },
  chartsTitle: "Biểu đồ",
  charts: {
    received: "Hồ sơ tiếp nhận theo cách thức nộp",
    onTime: "Tỷ lệ hồ sơ giải quyết đúng hạn",
    satisfaction: "Tỷ lệ công dân hài lòng",
    ranking: "Điểm trung bình của các xã",
  },
  channels: { online: "Trực tuyến", inPerson: "Trực tiếp", postal: "Bưu chính" },
  onTimeLine: "Đúng hạn (kể cả trước hạn), %",
  satisfiedLine: "Hài lòng và rất hài lòng, %",
  scoreLine: "Điểm trung bình",
  chartNote: "Số liệu của từng biểu đồ có trong bảng bên dưới.",
  chartFailed: "Không vẽ được biểu đồ; số liệu vẫn có trong bảng.",
  noRatings: "Chưa có lượt đánh giá nào trong kỳ.",
  seriesTitle: "Số liệu theo thời gian",
  seriesHead: {
    bucket: "Thời gian",
    online: "Nhận trực tuyến",
    inPerson: "Nhận trực tiếp",
    postal: "Nhận qua bưu chính",
    inTime: "Giải quyết đúng hạn",
    late: "Giải quyết quá hạn",
    onTime: "Đúng hạn (%)",
    rated: "Lượt đánh giá",
    satisfied: "Hài lòng",
    satisfiedShare: "Hài lòng (%)",
  },
  indicatorsTitle: "Chỉ số theo Quyết định 766/QĐ-TTg",
  indicatorsHead: { unit: "Đơn vị", received: "Tiếp nhận", resolved: "Đã giải quyết" },
  csvOf: (table) => `Tải CSV: ${table}`,
  csvShort: "Tải CSV",
};

const en: StatisticsText = {
  title: "Administrative procedure statistics",
  lead: "Form 06/VPCP/KSTT; a reporting period runs from the 15th of the month before to the 14th of its last month.",
  kind: "Period",
  kinds: { month: "Month", quarter: "Quarter", half: "Six months", nine_months: "Nine months", year: "Year", range: "From … to …" },
  year: "Year",
  index: "Which",
  indexName: (kind, n) =>
    kind === "month" ? `Month ${n}` : kind === "quarter" ? `Quarter ${n}` : kind === "half" ? (n === 1 ? "First half" : "Second half") : "Whole period",
  from: "From",
  to: "To",
  unit: "Unit",
  ownUnit: "My unit",
  detail: "Detail",
  details: { unit: "By unit", field: "By field", procedure: "By procedure" },
  show: "Show the report",
  loading: "Counting…",
  csv: "Download CSV",
  print: "Print",
  formName: "Form 06/VPCP/KSTT",
  formTitle: "PROCEDURES HANDLED AND THEIR RESULTS",
  period: (first, last) => `Reporting period: ${first} to ${last}`,
  asOf: (when) => `Figures as of ${when}`,
  unitCol: "Unit, field, procedure",
  total: "Total",
  head: {
    received: "Dossiers to handle",
    resolved: "Resolved",
    inProgress: "In progress",
    sum: "Total",
    online: "Online",
    inPerson: "In person, post",
    carried: "Carried over",
    early: "Early",
    onTime: "On time",
    late: "Late",
    within: "Within deadline",
    overdue: "Overdue",
    waiting: "Waiting for the citizen",
    returned: "Returned, withdrawn",
    apologies: "Apology letters",
    satisfaction: "Satisfaction (%)",
  },
  noRating: "—",
  convention:
    "Late is judged against the legal due date (a restarted one included); an apology's new date does not make a dossier on time. A dossier waiting for the citizen counts as within its deadline. A refusal after appraisal is resolved; a stopped or closed dossier is returned or withdrawn.",
  rankingTitle: "Communes ranked on Decision 766/QĐ-TTg",
  rankingHead: {
    rank: "Rank",
    commune: "Commune",
    score: "Mean score",
    onTime: "On time (%)",
    online: "Online (%)",
    scanned: "Scanned (%)",
    satisfied: "Satisfied (%)",
  },
  rankingNote: "The score is the mean of the shares with figures; satisfaction counts the citizens' ratings given in the period.",
  step: "Charts by",
  steps: { week: "Week", month: "Month (15th to 14th)" },
  chartsTitle: "Charts",
  charts: {
    received: "Dossiers received by channel",
    onTime: "Share resolved on time",
    satisfaction: "Share of citizens satisfied",
    ranking: "Communes' mean score",
  },
  channels: { online: "Online", inPerson: "In person", postal: "By post" },
  onTimeLine: "On time (early included), %",
  satisfiedLine: "Satisfied or very satisfied, %",
  scoreLine: "Mean score",
  chartNote: "Each chart's figures are in the tables below.",
  chartFailed: "The chart could not be drawn; its figures are in the table.",
  noRatings: "No rating in the period yet.",
  seriesTitle: "Figures over time",
  seriesHead: {
    bucket: "Time",
    online: "Received online",
    inPerson: "Received in person",
    postal: "Received by post",
    inTime: "Resolved on time",
    late: "Resolved late",
    onTime: "On time (%)",
    rated: "Ratings",
    satisfied: "Satisfied",
    satisfiedShare: "Satisfied (%)",
  },
  indicatorsTitle: "Decision 766/QĐ-TTg indicators",
  indicatorsHead: { unit: "Unit", received: "Received", resolved: "Resolved" },
  csvOf: (table) => `Download CSV: ${table}`,
  csvShort: "Download CSV",
};

export const STATISTICS_TEXT: Record<Lang, StatisticsText> = { vi, en };
