/** The ways into counter intake from other pages, and out of it: on the dossier's page, once, right after it
 * was registered, that it was and its Mẫu 01 to print (a same-day dossier has none unless the citizen asked). */

import { useState } from "preact/hooks";
import type { Lang } from "../i18n";
import { followLink, href } from "../route";
import { justRegistered } from "./intakeDraft";
import { INTAKE_TEXT } from "./intakeText";

export function IntakeDone({ code, lang }: { code: string; lang: Lang }) {
  const t = INTAKE_TEXT[lang];
  const [registered] = useState(() => justRegistered(code));
  if (!registered) return null;
  return (
    <div class="notice intake-done" role="status" data-testid="intake-done" onClick={followLink}>
      <p>
        <strong>{t.done(code)}</strong> {registered.paper ? "" : t.noReceipt}
      </p>
      <p class="intake-done-links">
        {registered.paper && (
          <a class="button" href={href.paper(code, "01")}>
            {t.printPaper}
          </a>
        )}
        <a class="button-secondary" href={href.intake()}>
          {t.another}
        </a>
      </p>
    </div>
  );
}

/** "Tiếp nhận hồ sơ trực tiếp" above the queue. The home page has it in the navigation only: a link in its
 * content would stand between the sign-in and the skip link in the keyboard order (see HomePage.tsx). */
export function IntakeLink({ lang }: { lang: Lang }) {
  return (
    <p class="intake-link" onClick={followLink}>
      <a class="button" href={href.intake()}>
        {INTAKE_TEXT[lang].navLink}
      </a>
    </p>
  );
}
