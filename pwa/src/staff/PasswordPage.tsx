/** Changing one's password: asked for at once after a temporary password (mustChangePassword), or chosen
 * from the menu. The server decides what is strong enough and says why in its message. */

import { useState } from "preact/hooks";
import { changePassword } from "./api";
import { Field } from "./Field";
import type { Lang, StaffMessages } from "./i18n";
import { errorText } from "./problem";

interface Props {
  m: StaffMessages;
  lang: Lang;
  forced: boolean;
  onChanged: () => void;
}

export function PasswordPage({ m, lang, forced, onChanged }: Props) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (event: Event): void => {
    event.preventDefault();
    setDone(false);
    if (next !== again) {
      setError(m.passwordsDiffer);
      return;
    }
    setBusy(true);
    changePassword(current, next).then(
      () => {
        setBusy(false);
        setError(null);
        setCurrent("");
        setNext("");
        setAgain("");
        setDone(true);
        onChanged();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(errorText(failure, m, lang));
      },
    );
  };

  return (
    <section class="card narrow" aria-labelledby="password-title">
      <h1 id="password-title" tabIndex={-1}>{m.passwordTitle}</h1>
      {forced && <p class="notice">{m.passwordForced}</p>}
      <form class="form" onSubmit={submit}>
        <Field
          id="password-current"
          label={m.currentPassword}
          type="password"
          autocomplete="current-password"
          value={current}
          onValue={setCurrent}
        />
        <Field
          id="password-new"
          label={m.newPassword}
          type="password"
          autocomplete="new-password"
          describedBy="password-rule"
          value={next}
          onValue={setNext}
        />
        <p id="password-rule" class="hint">
          {m.passwordRule}
        </p>
        <Field id="password-again" label={m.confirmPassword} type="password" autocomplete="new-password" value={again} onValue={setAgain} />
        <div role="alert" class="error-box" hidden={!error}>
          {error && <p>{error}</p>}
        </div>
        <p role="status" class="success" hidden={!done}>
          {done ? m.passwordChanged : ""}
        </p>
        <button type="submit" class="button" disabled={busy}>
          {m.savePassword}
        </button>
      </form>
    </section>
  );
}
