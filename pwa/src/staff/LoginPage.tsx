/** The login page: username and password; a refusal is shown in the chosen language, and after too many
 * attempts (429) the time from which a new attempt is accepted. */

import { useState } from "preact/hooks";
import { signIn, StaffApiError, type StaffMe } from "./api";
import { Field } from "./Field";
import type { Lang, StaffMessages } from "./i18n";
import { clockAfter, errorText } from "./problem";

interface Props {
  m: StaffMessages;
  lang: Lang;
  /** The session ended while working (idle or absolute expiry, or signed out elsewhere). */
  expired: boolean;
  onSignedIn: (me: StaffMe) => void;
}

export function LoginPage({ m, lang, expired, onSignedIn }: Props) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [waitUntil, setWaitUntil] = useState<string | null>(null);

  const submit = (event: Event): void => {
    event.preventDefault();
    setBusy(true);
    signIn(username.trim(), password).then(onSignedIn, (failure: unknown) => {
      setBusy(false);
      setError(failure);
      setPassword("");
      const wait = failure instanceof StaffApiError && failure.status === 429 ? failure.retryAfter : null;
      setWaitUntil(wait === null ? null : clockAfter(wait));
    });
  };

  return (
    <section class="card login" aria-labelledby="login-title">
      <h1 id="login-title">{m.signInTitle}</h1>
      <p class="hint">{m.signInHint}</p>
      {expired && !error && (
        <p class="notice" role="status">
          {m.signedOut}
        </p>
      )}
      <form onSubmit={submit} class="form">
        <Field
          id="login-username"
          label={m.username}
          name="username"
          autocomplete="username"
          verbatim
          value={username}
          onValue={setUsername}
        />
        <Field
          id="login-password"
          label={m.password}
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onValue={setPassword}
        />
        <div role="alert" class="error-box" hidden={!error}>
          {error !== null && <p>{errorText(error, m, lang)}</p>}
          {waitUntil && <p>{m.tryAgainAt(waitUntil)}</p>}
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? m.signingIn : m.signIn}
        </button>
      </form>
    </section>
  );
}
