/** The shared domain logic, exposed to e2e/test_shared_logic.py: it runs the shared vectors in Chromium. */

import { fold, makeEntry, search } from "../src/shared/search";
import { validateAnswers } from "../src/shared/validate";
import { tidyAnswers } from "../src/shared/answerText";
import { dateInWords } from "../src/shared/vietnamTime";
import { appointmentDate, calendarFrom, officeHoursOf } from "../src/shared/workdays";
import {
  addWorkingMinutes,
  deadlineBand,
  isDueWithinOneWorkingDay,
  openedLate,
  workingMinutesBetween,
} from "../src/shared/workhours";

(globalThis as Record<string, unknown>)["motcuaShared"] = {
  fold,
  makeEntry,
  search,
  calendarFrom,
  appointmentDate,
  officeHoursOf,
  addWorkingMinutes,
  workingMinutesBetween,
  deadlineBand,
  isDueWithinOneWorkingDay,
  openedLate,
  validateAnswers,
  tidyAnswers,
  dateInWords,
};
