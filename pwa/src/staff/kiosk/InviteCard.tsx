/** The officer's invitation to rate, on a returned dossier's page: the counter's tablet (signed in as the
 * officer) picks it up within seconds; on a single device the rating screen opens here instead. */

import { useState } from "preact/hooks";
import { MESSAGES, type Lang } from "../i18n";
import { errorText } from "../problem";
import { followLink, href } from "../route";
import { invite } from "./api";
import { INVITE_TEXT } from "./inviteText";

type State = { state: "idle" } | { state: "busy" } | { state: "invited" } | { state: "refused"; text: string };

export function InviteCard({ code, lang }: { code: string; lang: Lang }) {
  const t = INVITE_TEXT[lang];
  const [state, setState] = useState<State>({ state: "idle" });
  const ask = (): void => {
    setState({ state: "busy" });
    invite(code).then(
      () => setState({ state: "invited" }),
      (error: unknown) => setState({ state: "refused", text: errorText(error, MESSAGES[lang], lang) }),
    );
  };
  return (
    <div class="card" data-testid="rating-invitation">
      <h2>{t.title}</h2>
      <p>{t.hint}</p>
      <p>
        <button type="button" class="button" disabled={state.state === "busy"} onClick={ask}>
          {t.invite}
        </button>
      </p>
      {state.state === "invited" && (
        <p role="status" class="notice" onClick={followLink}>
          {t.invited} <a href={href.kiosk()}>{t.open}</a>
        </p>
      )}
      {state.state === "refused" && (
        <p role="alert" class="error-box">
          {state.text}
        </p>
      )}
    </div>
  );
}
