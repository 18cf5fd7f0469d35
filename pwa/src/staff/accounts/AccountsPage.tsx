/** Staff accounts, for admins: the list, a form to create one, and per account the changes an admin makes.
 * A temporary password (new account, reset) is shown once, here, and is gone when the page is left. */

import { useEffect, useRef, useState } from "preact/hooks";
import { listAccounts, listAgencies, type Agency, type StaffAccount, type StaffMe } from "../api";
import type { Lang, StaffMessages } from "../i18n";
import { errorText } from "../problem";
import { AccountCard } from "./AccountCard";
import { CreateAccount } from "./CreateAccount";

export interface Secret {
  username: string;
  password: string;
}

interface Props {
  me: StaffMe;
  m: StaffMessages;
  lang: Lang;
}

export function AccountsPage({ me, m, lang }: Props) {
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const secretBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    Promise.all([listAccounts(), listAgencies()]).then(([found, known]) => {
      setAccounts(found);
      setAgencies(known);
    }, setFailure);
  }, []);
  useEffect(() => {
    if (secret) secretBox.current?.focus();
  }, [secret]);

  const replace = (account: StaffAccount): void =>
    setAccounts((all) => (all ?? []).map((one) => (one.username === account.username ? account : one)));
  const created = (account: StaffAccount, password: string): void => {
    setAccounts((all) => [account, ...(all ?? [])]);
    setSecret({ username: account.username, password });
  };

  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title" tabIndex={-1}>{m.accountsTitle}</h1>
      {secret && (
        <div class="secret" tabIndex={-1} ref={secretBox} data-testid="temporary-password">
          <p>{m.temporaryPasswordFor(secret.username)}</p>
          <p class="secret-value" translate={false}>
            <code>{secret.password}</code>
          </p>
          <p class="hint">{m.temporaryPasswordHint}</p>
        </div>
      )}
      <div class="accounts-layout">
        <CreateAccount m={m} lang={lang} agencies={agencies} onCreated={created} />
        <div class="accounts-list">
          {failure !== null && <p role="alert" class="error-box">{errorText(failure, m, lang)}</p>}
          {accounts === null && failure === null && <p role="status">{m.loading}</p>}
          {accounts && (
            <>
              <h2>{m.accountsCount(accounts.length)}</h2>
              <ul class="accounts">
                {accounts.map((account) => (
                  <AccountCard
                    key={account.username}
                    account={account}
                    self={account.username === me.username}
                    agencies={agencies}
                    m={m}
                    lang={lang}
                    onChanged={replace}
                    onReset={(password) => setSecret({ username: account.username, password })}
                  />
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
