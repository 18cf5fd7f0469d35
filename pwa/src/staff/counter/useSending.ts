/** Sending one staff action: once (a second click before the re-render sends nothing), busy meanwhile, the
 * server's message on a refusal, and a 409 stale_version handed to the page, which reloads the dossier. */

import { useRef, useState } from "preact/hooks";
import { StaffApiError } from "../api";
import type { Lang } from "../i18n";
import type { ActionAnswer } from "./api";

export function useSending(lang: Lang, failed: string, onStale: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const sending = useRef(false);
  const run = (request: () => Promise<ActionAnswer>, onDone: (answer: ActionAnswer) => void): void => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError("");
    request().then(
      (answer) => {
        sending.current = false;
        setBusy(false);
        onDone(answer);
      },
      (failure: unknown) => {
        sending.current = false;
        setBusy(false);
        if (failure instanceof StaffApiError && failure.code === "stale_version") onStale();
        else setError(failure instanceof StaffApiError && failure.messages ? failure.messages[lang] : failed);
      },
    );
  };
  return { busy, error, run };
}
