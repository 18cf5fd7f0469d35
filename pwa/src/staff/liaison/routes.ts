/** The addresses of liên thông's pages: the parts an agency has to return (/staff/lien-thong) and the print
 * view of a Phiếu chuyển xử lý (/staff/ho-so/{code}/chuyen-xu-ly/{n}); route.ts parses them with the rest. */

export type LiaisonRoute = { page: "parts" } | { page: "referralSlip"; code: string; n: number };

const ROOT = "/staff/";

export const partsHref = (): string => `${ROOT}lien-thong`;
export const slipHref = (code: string, n: number): string => `${ROOT}ho-so/${encodeURIComponent(code)}/chuyen-xu-ly/${n}`;

/** `rest`: the path after /staff/, without a trailing slash. */
export function liaisonRoute(rest: string): LiaisonRoute | null {
  if (rest === "lien-thong") return { page: "parts" };
  const parts = rest.split("/");
  const n = Number(parts[3]);
  if (parts.length === 4 && parts[0] === "ho-so" && parts[2] === "chuyen-xu-ly" && Number.isInteger(n) && n >= 1) {
    const code = decodeURIComponent(parts[1] ?? "");
    return code ? { page: "referralSlip", code, n } : null;
  }
  return null;
}
