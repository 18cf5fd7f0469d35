/** A file's SHA-256 as the server names it (64 lower-case hex digits): the phone's photos and the counter's
 * scans are uploaded under it. crypto.subtle exists in secure contexts only (https, or localhost). */

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
