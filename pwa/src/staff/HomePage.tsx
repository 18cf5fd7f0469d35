/** The home page: who is signed in and what the account does; administrators get their accounts link,
 * officers and leaders the counter's queue from the navigation. */

import type { StaffMe } from "./api";
import type { Lang, StaffMessages } from "./i18n";
import { followLink, href } from "./route";

export function HomePage({ me, m, lang }: { me: StaffMe; m: StaffMessages; lang: Lang }) {
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1}>{m.homeTitle(me.fullName)}</h1>
      <p class="lead">{m.youAre(m.roles[me.role], me.agencyName[lang])}</p>
      <div class="card">
        <h2>{m.whatYouCanDo}</h2>
        <p>{m.roleDuties[me.role]}</p>
        {me.role === "admin" ? (
          <p onClick={followLink}>
            <a class="button" href={href.accounts()}>
              {m.manageAccounts}
            </a>
          </p>
        ) : (
          // Officers and leaders reach the queue from "Hồ sơ" in the navigation; a second link here would
          // stand between the sign-in and the skip link in the keyboard order.
          me.role === "specialist" && <p class="hint">{m.comingSoon}</p>
        )}
      </div>
    </section>
  );
}
