/** Navigation state, kept in the address so a reload (or an update) reopens the same page:
 * `#/` search, `#/thu-tuc/<code>` a procedure, `#/ho-so` my drafts, `#/ho-so/<id>/<step>` a draft,
 * `#/da-nop` my submitted dossiers, `#/da-nop/<code>` one of them (`/sua`: correcting it), `#/tra-cuu[/<code>]` public tracking
 * (the receipt's QR code opens `#/tra-cuu/<code>`), `#/thong-bao` the inbox, `#/phan-anh` my feedback and
 * `#/phan-anh/thu-tuc/<code>` or `#/phan-anh/ho-so/<code>` new feedback about a procedure or a dossier,
 * `#/cong-khai` the units' results (public). */

import { useEffect, useState } from "preact/hooks";

export type Route =
  | { page: "search" }
  | { page: "procedure"; code: string }
  | { page: "drafts" }
  | { page: "draft"; id: string; step: string | null }
  | { page: "submitted" }
  | { page: "dossier"; code: string }
  | { page: "correction"; code: string }
  | { page: "tracking"; code: string | null }
  | { page: "inbox" }
  | { page: "feedback" }
  | { page: "feedbackForm"; about: "procedure" | "dossier"; code: string }
  | { page: "transparency" };

function decode(part: string | undefined): string | null {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null; // A mangled link (bad %-escape) falls back to the search page.
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/");
  const [head, first, second] = parts;
  if (head === "thu-tuc") {
    const code = decode(first);
    if (code) return { page: "procedure", code };
  }
  if (head === "ho-so") {
    const id = decode(first);
    if (!id) return { page: "drafts" };
    return { page: "draft", id, step: decode(second) };
  }
  if (head === "da-nop") {
    const code = decode(first);
    if (code && second === "sua") return { page: "correction", code };
    return code ? { page: "dossier", code } : { page: "submitted" };
  }
  if (head === "tra-cuu") return { page: "tracking", code: decode(first) };
  if (head === "thong-bao") return { page: "inbox" };
  if (head === "phan-anh") {
    const code = decode(second);
    if (code && (first === "thu-tuc" || first === "ho-so")) return { page: "feedbackForm", about: first === "ho-so" ? "dossier" : "procedure", code };
    return { page: "feedback" };
  }
  if (head === "cong-khai") return { page: "transparency" };
  return { page: "search" };
}

export const href = {
  search: (): string => "#/",
  procedure: (code: string): string => `#/thu-tuc/${encodeURIComponent(code)}`,
  drafts: (): string => "#/ho-so",
  draft: (id: string, step?: string): string =>
    `#/ho-so/${encodeURIComponent(id)}${step ? `/${encodeURIComponent(step)}` : ""}`,
  submitted: (): string => "#/da-nop",
  dossier: (code: string): string => `#/da-nop/${encodeURIComponent(code)}`,
  correction: (code: string): string => `#/da-nop/${encodeURIComponent(code)}/sua`,
  tracking: (code?: string): string => (code ? `#/tra-cuu/${encodeURIComponent(code)}` : "#/tra-cuu"),
  inbox: (): string => "#/thong-bao",
  feedback: (): string => "#/phan-anh",
  feedbackAbout: (about: "procedure" | "dossier", code: string): string =>
    `#/phan-anh/${about === "dossier" ? "ho-so" : "thu-tuc"}/${encodeURIComponent(code)}`,
  transparency: (): string => "#/cong-khai",
};

/** Goes to `hash`; `replace` leaves no history entry (the phone's back button skips it). */
export function go(hash: string, replace = false): void {
  if (replace) location.replace(hash);
  else location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
