/** The staff app's addresses: real paths under /staff/ (the server answers each with staff/index.html),
 * moved between with the History API. New pages (the queue, a dossier) add a case here and in App.tsx. */

import { useEffect, useState } from "preact/hooks";
import { liaisonRoute, type LiaisonRoute } from "./liaison/routes";

export type PaperKind = "01" | "02" | "03" | "04" | "05";
const PAPER_KINDS: readonly string[] = ["01", "02", "03", "04", "05"];

export type Route =
  | { page: "home" }
  | { page: "accounts" }
  | { page: "password" }
  | { page: "queue" }
  | { page: "intake" }
  | { page: "statistics" }
  | { page: "feedback" }
  | { page: "dossier"; code: string }
  | { page: "paper"; code: string; kind: PaperKind }
  | LiaisonRoute
  | { page: "slip"; code: string }
  | { page: "register" }
  | { page: "kiosk" }
  | { page: "notFound" };

export const ROOT = "/staff/";

export const href = {
  home: (): string => ROOT,
  accounts: (): string => `${ROOT}tai-khoan`,
  password: (): string => `${ROOT}doi-mat-khau`,
  queue: (): string => `${ROOT}ho-so`,
  intake: (): string => `${ROOT}tiep-nhan`,
  statistics: (): string => `${ROOT}thong-ke`,
  feedback: (): string => `${ROOT}phan-anh`,
  dossier: (code: string): string => `${ROOT}ho-so/${encodeURIComponent(code)}`,
  paper: (code: string, kind: PaperKind): string => `${ROOT}ho-so/${encodeURIComponent(code)}/in/${kind}`,
  /** Mẫu 06, printed live rather than kept as issued. */
  slip: (code: string): string => `${ROOT}ho-so/${encodeURIComponent(code)}/in/06`,
  register: (): string => `${ROOT}so-theo-doi`,
  /** Kiosk mode: the counter's rating tablet facing the citizen. */
  kiosk: (): string => `${ROOT}danh-gia`,
};

/** ho-so, ho-so/{code}, ho-so/{code}/in/{01|…|06}. */
function counterRoute(rest: string): Route | null {
  const parts = rest.split("/");
  if (parts[0] !== "ho-so") return null;
  if (parts.length === 1) return { page: "queue" };
  const code = decodeURIComponent(parts[1] ?? "");
  if (parts.length === 2 && code) return { page: "dossier", code };
  const kind = parts[3] ?? "";
  if (parts.length === 4 && parts[2] === "in" && kind === "06") return { page: "slip", code };
  if (parts.length === 4 && parts[2] === "in" && PAPER_KINDS.includes(kind)) {
    return { page: "paper", code, kind: kind as PaperKind };
  }
  return null;
}

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(ROOT) ? pathname.slice(ROOT.length).replace(/\/$/, "") : "";
  if (rest === "" || pathname === "/staff") return { page: "home" };
  if (rest === "tai-khoan") return { page: "accounts" };
  if (rest === "doi-mat-khau") return { page: "password" };
  if (rest === "tiep-nhan") return { page: "intake" };
  if (rest === "so-theo-doi") return { page: "register" };
  if (rest === "thong-ke") return { page: "statistics" };
  if (rest === "phan-anh") return { page: "feedback" };
  if (rest === "danh-gia") return { page: "kiosk" };
  return counterRoute(rest) ?? liaisonRoute(rest) ?? { page: "notFound" };
}

const listeners = new Set<() => void>();

export function go(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, "", path);
  listeners.forEach((listener) => listener());
}

/** Follows in-app links without a page load; modified clicks (new tab, …) keep the browser's behaviour. */
export function followLink(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest("a");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(ROOT) || url.hash) return;
  event.preventDefault();
  go(url.pathname);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      removeEventListener("popstate", update);
    };
  }, []);
  return route;
}
