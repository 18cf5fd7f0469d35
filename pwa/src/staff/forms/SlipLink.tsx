/** On a received dossier's page: the way to its control slip (Mẫu 06), printed live from its hand-overs. */

import type { Lang } from "../i18n";
import { followLink, href } from "../route";
import { FORMS_TEXT } from "./text";

export function SlipLink({ code, received, lang }: { code: string; received: boolean; lang: Lang }) {
  if (!received) return null;
  return (
    <p class="card" onClick={followLink}>
      <a href={href.slip(code)} data-testid="slip-link">
        {FORMS_TEXT[lang].slipLink}
      </a>
    </p>
  );
}
