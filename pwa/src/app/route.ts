/** Navigation state, kept in the address so a reload (or an update) reopens the same page:
 * `#/` search, `#/thu-tuc/<code>` a procedure, `#/ho-so` my drafts, `#/ho-so/<id>/<step>` a draft. */

import { useEffect, useState } from "preact/hooks";

export type Route =
  | { page: "search" }
  | { page: "procedure"; code: string }
  | { page: "drafts" }
  | { page: "draft"; id: string; step: string | null };

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
  return { page: "search" };
}

export const href = {
  search: (): string => "#/",
  procedure: (code: string): string => `#/thu-tuc/${encodeURIComponent(code)}`,
  drafts: (): string => "#/ho-so",
  draft: (id: string, step?: string): string =>
    `#/ho-so/${encodeURIComponent(id)}${step ? `/${encodeURIComponent(step)}` : ""}`,
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
