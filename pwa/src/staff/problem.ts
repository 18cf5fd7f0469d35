/** What a refused request tells the staff member, in their language: the server's own message when it sent
 * one, else a plain fallback (nothing answered, or a page that is not a problem JSON). */

import { StaffApiError } from "./api";
import type { Lang, StaffMessages } from "./i18n";

export function errorText(error: unknown, m: StaffMessages, lang: Lang): string {
  if (error instanceof StaffApiError) {
    if (error.code === "network") return m.unreachable;
    if (error.messages) return error.messages[lang];
  }
  return m.failed;
}

/** "06:12:30": when a 429's wait is over, by this computer's clock. */
export function clockAfter(seconds: number): string {
  const at = new Date(Date.now() + seconds * 1000);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}
