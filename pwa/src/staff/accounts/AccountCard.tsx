/** One staff account in the admin's list: what it is, and edit (name, role, agency), deactivate or
 * reactivate, reset password. An admin's own account offers no deactivation (the server refuses it too). */

import { useEffect, useRef, useState } from "preact/hooks";
import { resetPassword, updateAccount, type AccountChange, type Agency, type StaffAccount } from "../api";
import { Field } from "../Field";
import { formatTime, type Lang, type StaffMessages } from "../i18n";
import { errorText } from "../problem";
import { AgencySelect, RoleSelect } from "./pickers";

interface Props {
  account: StaffAccount;
  self: boolean;
  agencies: Agency[];
  m: StaffMessages;
  lang: Lang;
  onChanged: (account: StaffAccount) => void;
  onReset: (temporaryPassword: string) => void;
}

export function AccountCard({ account, self, agencies, m, lang, onChanged, onReset }: Props) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const nameId = `account-${account.username}`;
  const agencyName = agencies.find((agency) => agency.code === account.agencyCode)?.name[lang] ?? account.agencyCode;

  const run = <T,>(action: Promise<T>, then: (value: T) => void): void => {
    setBusy(true);
    setSaved(false);
    action.then(
      (value) => {
        setBusy(false);
        setError(null);
        then(value);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(errorText(failure, m, lang));
      },
    );
  };
  const change = (update: AccountChange): void =>
    run(updateAccount(account.username, update), (updated) => {
      setEditing(false);
      setSaved(true);
      onChanged(updated);
    });

  return (
    <li class="account" data-testid="account" data-username={account.username}>
      <p class="account-name" id={nameId}>
        <strong>{account.fullName}</strong> {self && <span class="hint">{m.you}</span>}
      </p>
      <p class="account-facts dotted">
        <span translate={false}>{account.username}</span>
        <span>{m.roles[account.role]}</span>
        <span>{agencyName}</span>
      </p>
      <p class="account-facts">
        <span class={account.active ? "pill pill-active" : "pill pill-inactive"}>{account.active ? m.active : m.inactive}</span>
        {account.demo && <span class="pill">{m.demo}</span>}
        <span class="hint">{m.lastLogin(account.lastLoginAt ? formatTime(account.lastLoginAt) : null)}</span>
      </p>
      {editing && (
        <EditAccount account={account} agencies={agencies} m={m} lang={lang} busy={busy} onSave={change} onCancel={() => setEditing(false)} />
      )}
      {confirming && (
        <ConfirmReset
          username={account.username}
          m={m}
          busy={busy}
          onConfirm={() =>
            run(resetPassword(account.username), (password) => {
              setConfirming(false);
              onReset(password);
            })
          }
          onCancel={() => setConfirming(false)}
        />
      )}
      {!editing && !confirming && (
        <div class="account-actions">
          <button type="button" class="button-secondary" onClick={() => setEditing(true)} aria-label={`${m.edit}: ${account.username}`}>
            {m.edit}
          </button>
          {!self && (
            <button
              type="button"
              class="button-secondary"
              aria-describedby={nameId}
              disabled={busy}
              onClick={() => change({ active: !account.active })}
            >
              {account.active ? m.deactivate : m.reactivate}
            </button>
          )}
          <button type="button" class="button-secondary" aria-describedby={nameId} onClick={() => setConfirming(true)}>
            {m.resetPassword}
          </button>
        </div>
      )}
      <p role="alert" class="error-box" hidden={!error}>
        {error}
      </p>
      <p role="status" class="success" hidden={!saved}>
        {saved ? m.saved(account.username) : ""}
      </p>
    </li>
  );
}

interface ConfirmProps {
  username: string;
  m: StaffMessages;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A reset makes the current password useless at once: asked once more, with the focus on the question. */
function ConfirmReset({ username, m, busy, onConfirm, onCancel }: ConfirmProps) {
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div class="confirm">
      <p tabIndex={-1} ref={question}>
        {m.confirmReset(username)}
      </p>
      <div class="account-actions">
        <button type="button" class="button" disabled={busy} onClick={onConfirm}>
          {m.resetPassword}
        </button>
        <button type="button" class="button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </div>
  );
}

interface EditProps {
  account: StaffAccount;
  agencies: Agency[];
  m: StaffMessages;
  lang: Lang;
  busy: boolean;
  onSave: (change: AccountChange) => void;
  onCancel: () => void;
}

function EditAccount({ account, agencies, m, lang, busy, onSave, onCancel }: EditProps) {
  const [fullName, setFullName] = useState(account.fullName);
  const [role, setRole] = useState(account.role);
  const [agencyCode, setAgencyCode] = useState(account.agencyCode);
  const id = `edit-${account.username}`;
  const submit = (event: Event): void => {
    event.preventDefault();
    const change: AccountChange = {};
    if (fullName.trim() !== account.fullName) change.fullName = fullName.trim();
    if (role !== account.role) change.role = role;
    if (agencyCode !== account.agencyCode) change.agencyCode = agencyCode;
    if (Object.keys(change).length === 0) onCancel();
    else onSave(change);
  };
  return (
    <form class="form edit-account" onSubmit={submit}>
      <Field id={`${id}-name`} label={m.fullName} value={fullName} onValue={setFullName} />
      <RoleSelect id={`${id}-role`} m={m} value={role} onChange={setRole} />
      <AgencySelect id={`${id}-agency`} m={m} lang={lang} agencies={agencies} value={agencyCode} onChange={setAgencyCode} />
      <div class="account-actions">
        <button type="submit" class="button" disabled={busy}>
          {m.save}
        </button>
        <button type="button" class="button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
