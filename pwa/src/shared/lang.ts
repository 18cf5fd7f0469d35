/** The two languages of both apps, the remembered choice (each app under its own localStorage key), and how
 * times are written at Vietnamese counters, in either language. */

export type Lang = "vi" | "en";

/** The remembered choice, else Vietnamese. Storage can be unavailable (private mode, full disk). */
export function rememberedLang(key: string): Lang {
  try {
    return localStorage.getItem(key) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function rememberLang(key: string, lang: Lang): void {
  try {
    localStorage.setItem(key, lang);
  } catch {
    // Not remembered across visits; the choice still applies to this one.
  }
}

/** "14:05 23/11/2026". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(date.getHours())}:${two(date.getMinutes())} ${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
}
