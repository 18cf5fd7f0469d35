/** The words of the queue's filters in Vietnamese and English (apart from text.ts, which keeps the lists,
 * the statuses and the channels the filters reuse). */

import type { Lang } from "../i18n";

export interface FilterText {
  legend: string;
  field: string;
  anyField: string;
  procedure: string;
  anyProcedure: string;
  status: string;
  anyStatus: string;
  assignee: string;
  anyone: string;
  mine: string;
  nobody: string;
  clear: string;
  choicesFailed: string;
}

const vi: FilterText = {
  legend: "Lọc hồ sơ",
  field: "Lĩnh vực",
  anyField: "Tất cả lĩnh vực",
  procedure: "Thủ tục",
  anyProcedure: "Tất cả thủ tục",
  status: "Trạng thái",
  anyStatus: "Tất cả trạng thái",
  assignee: "Người xử lý",
  anyone: "Tất cả",
  mine: "Của tôi",
  nobody: "Chưa giao",
  clear: "Bỏ lọc",
  choicesFailed: "Chưa tải được danh sách lĩnh vực, thủ tục và cán bộ. Hãy tải lại trang.",
};

const en: FilterText = {
  legend: "Filter dossiers",
  field: "Field",
  anyField: "All fields",
  procedure: "Procedure",
  anyProcedure: "All procedures",
  status: "Status",
  anyStatus: "All statuses",
  assignee: "Handled by",
  anyone: "Anyone",
  mine: "Mine",
  nobody: "Not assigned",
  clear: "Clear filters",
  choicesFailed: "The fields, procedures and staff could not be loaded. Reload the page.",
};

export const FILTER_TEXT: Record<Lang, FilterText> = { vi, en };
