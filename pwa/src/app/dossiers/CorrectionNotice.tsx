/** What the officer decided, in plain words on the dossier's page: for a dossier sent back (at receipt, or
 * during handling, when completing it restarts the count), exactly the items asked for (fields and documents,
 * with the officer's note) and "Sửa hồ sơ"; for a refusal, at receipt or after appraisal, why. */

import type { StoredDossier } from "../../data/db";
import type { Lang } from "../i18n";
import { href } from "../route";
import { CORRECTION_TEXT } from "./correctionText";

export function CorrectionNotice({ dossier, lang }: { dossier: StoredDossier; lang: Lang }) {
  const request = dossier.view?.correctionRequest;
  const waiting = dossier.status === "supplement_requested" || dossier.status === "appraisal_supplement";
  if (!waiting || !request) return null;
  const c = CORRECTION_TEXT[lang];
  return (
    <section class="dossier-notice" aria-labelledby="correction-title" data-testid="correction-request">
      <h3 id="correction-title">{c.requestTitle}</h3>
      {request.stage === "appraisal" && <p>{c.appraisalNote}</p>}
      {request.message && <p>{request.message[lang]}</p>}
      <p>{c.requestIntro}</p>
      <ul>
        {request.items.map((item) => (
          <li key={item.kind === "field" ? item.path : item.slot} data-testid="requested-item">
            <strong>{item.kind === "field" ? c.fieldItem : c.documentItem}: </strong>
            <span lang="vi">{item.label}</span>
            {item.note && (
              <>
                {" — "}
                <span lang="vi">{item.note}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={href.correction(dossier.code)} data-testid="edit-correction">
          {c.edit}
        </a>
      </p>
    </section>
  );
}

export function RefusalNotice({ dossier, lang }: { dossier: StoredDossier; lang: Lang }) {
  const reasons = dossier.view?.refusalReasons ?? [];
  // Refused at receipt, or after appraisal (a result: the reasons stay when it is ready and handed back).
  if (reasons.length === 0) return null;
  const c = CORRECTION_TEXT[lang];
  return (
    <section class="dossier-notice" aria-labelledby="refusal-title" data-testid="refusal">
      <h3 id="refusal-title">{dossier.status === "refused" ? c.refusedTitle : c.appraisalRefusedTitle}</h3>
      <ul>
        {reasons.map((reason) => (
          <li key={reason} lang="vi">
            {reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
