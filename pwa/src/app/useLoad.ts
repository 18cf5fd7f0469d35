/** One hook for "load this from the data layer": loading / loaded / failed, stale answers dropped.
 * Components pass a data-layer function; they never call `fetch` themselves. */

import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, isAbort } from "../data/api";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "ok"; value: T }
  | { state: "error"; error: ApiError };

/** Runs `load` whenever `key` changes (or on `retry`); `null` as the key means "nothing to load". */
export function useLoad<T>(
  key: string | null,
  load: (key: string, signal: AbortSignal) => Promise<T>,
): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    setResult({ state: "loading" });
    load(key, controller.signal).then(
      (value) => setResult({ state: "ok", value }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        // Anything that is not an ApiError is a bug; let it reach the console too.
        if (!(error instanceof ApiError)) console.error(error);
        setResult({ state: "error", error: error instanceof ApiError ? error : new ApiError("server", 0, null) });
      },
    );
    return () => controller.abort();
    // `load` is a module-level data-layer function; only the key and retries restart a load.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [result, retry];
}
