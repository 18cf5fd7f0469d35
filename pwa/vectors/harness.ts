/** The shared domain logic, exposed to e2e/test_shared_logic.py: it runs the shared vectors in Chromium. */

import { fold, makeEntry, search } from "../src/shared/search";
import { validateAnswers } from "../src/shared/validate";
import { tidyAnswers } from "../src/shared/answerText";
import { appointmentDate, calendarFrom } from "../src/shared/workdays";

(globalThis as Record<string, unknown>)["motcuaShared"] = {
  fold,
  makeEntry,
  search,
  calendarFrom,
  appointmentDate,
  validateAnswers,
  tidyAnswers,
};
