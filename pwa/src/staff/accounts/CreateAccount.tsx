/** The form that creates a staff account; the server answers with the temporary password to hand over. */

import { useState } from "preact/hooks";
import { createAccount, ROLES, type Agency, type Role, type StaffAccount } from "../api";
import { Field } from "../Field";
import type { Lang, StaffMessages } from "../i18n";
import { errorText } from "../problem";
import { AgencySelect, RoleSelect } from "./pickers";

interface Props {
  m: StaffMessages;
  lang: Lang;
  agencies: Agency[];
  onCreated: (account: StaffAccount, temporaryPassword: string) => void;
}

export function CreateAccount({ m, lang, agencies, onCreated }: Props) {
  const [username, setUsername] = useState("");
  const [fullName, setFullName] = useState("");
  const [role, setRole] = useState<Role>(ROLES[0] ?? "officer");
  const [agencyCode, setAgencyCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const agency = agencyCode || agencies[0]?.code || "";

  const submit = (event: Event): void => {
    event.preventDefault();
    setBusy(true);
    createAccount({ username: username.trim(), fullName: fullName.trim(), role, agencyCode: agency }).then(
      ({ account, temporaryPassword }) => {
        setBusy(false);
        setError(null);
        setUsername("");
        setFullName("");
        onCreated(account, temporaryPassword);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(errorText(failure, m, lang));
      },
    );
  };

  return (
    <form class="card form create-account" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">{m.createTitle}</h2>
      <Field
        id="new-username"
        label={m.username}
        autocomplete="off"
        verbatim
        value={username}
        onValue={setUsername}
      />
      <Field id="new-full-name" label={m.fullName} autocomplete="off" value={fullName} onValue={setFullName} />
      <RoleSelect id="new-role" m={m} value={role} onChange={setRole} />
      <AgencySelect id="new-agency" m={m} lang={lang} agencies={agencies} value={agency} onChange={setAgencyCode} />
      <div role="alert" class="error-box" hidden={!error}>
        {error && <p>{error}</p>}
      </div>
      <button type="submit" class="button" disabled={busy || !agency}>
        {m.create}
      </button>
    </form>
  );
}
