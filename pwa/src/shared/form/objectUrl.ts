/** A picture the page holds as a Blob (a photo of a paper, a scan), shown by an object URL: made when the blob
 * changes, released when it changes again or the component goes away. */

import { useEffect, useState } from "preact/hooks";

export function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return setUrl(null);
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
