/** How any failed API call is shown: unreachable server, or the server's own bilingual message. */

import type { ApiError } from "../data/api";
import type { Lang, Messages } from "./i18n";

interface Props {
  error: ApiError;
  m: Messages;
  lang: Lang;
  onRetry: () => void;
}

export function ErrorNotice({ error, m, lang, onRetry }: Props) {
  const unreachable = error.kind === "network";
  const message = unreachable ? m.unreachable : (error.problem?.message[lang] ?? m.serverError);
  // A 404 stays a 404; retrying only helps when the network or the server failed.
  const canRetry = unreachable || error.status === 0 || error.status === 429 || error.status >= 500;
  return (
    <div class="notice" role="alert">
      <p class="notice-title">{message}</p>
      {unreachable && <p class="notice-hint">{m.unreachableHint}</p>}
      {canRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {m.retry}
        </button>
      )}
    </div>
  );
}
