/** The result's scan (bản chụp kết quả) for the phone whose token opens the dossier. The token travels in the
 * Authorization header, never in the address (addresses end up in logs), so the file comes through here and
 * is handed to the page as a blob to save. */

import { ApiError, heardFromServer, isProblem } from "./api";

export async function fetchResultScan(code: string, accessToken: string): Promise<{ blob: Blob; name: string }> {
  let response: Response;
  let blob: Blob;
  try {
    response = await fetch(`/api/dossiers/${encodeURIComponent(code)}/result-scan`, {
      headers: { Authorization: `Bearer ${accessToken}` },
      cache: "no-store",
    });
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      heardFromServer(response.status);
      throw new ApiError("server", response.status, isProblem(body) ? body : null);
    }
    blob = await response.blob();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("network", 0, null); // no signal, or the connection cut mid-file
  }
  heardFromServer(response.status);
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
  return { blob, name: name ?? `ket-qua-${code}` };
}
