/** A Phiếu chuyển xử lý printed on A4 (/staff/ho-so/{code}/chuyen-xu-ly/{n}): the lead agency's header, the
 * motto, place and date, the dossier, each agency's task and deadline, the legal basis and both signature
 * blocks. Its words come from the server (backend/handling/data/papers.json), Vietnamese on any screen. */

import { useEffect, useState } from "preact/hooks";
import { COUNTER_TEXT } from "../counter/text";
import type { Lang } from "../i18n";
import { followLink, href } from "../route";
import { readReferralSlip, type ReferralSlip } from "./api";
import { LIAISON_TEXT } from "./text";
import "../counter/paper.css";
import "./liaison.css";

export function SlipPage({ code, n, lang }: { code: string; n: number; lang: Lang }) {
  const t = LIAISON_TEXT[lang];
  const [slip, setSlip] = useState<ReferralSlip | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    readReferralSlip(code, n).then(setSlip, () => setFailed(true));
  }, [code, n]);
  return (
    <section class="paper-page" aria-labelledby="paper-title">
      <div class="no-print paper-tools" onClick={followLink}>
        <a href={href.dossier(code)}>{t.slipBack}</a>
        <button type="button" class="button" onClick={() => print()}>
          {t.print}
        </button>
      </div>
      {failed && (
        <p role="alert" class="error-box">
          {COUNTER_TEXT[lang].notFound}
        </p>
      )}
      {!slip && !failed && (
        <h1 id="paper-title" tabIndex={-1}>
          {t.referTitle}
        </h1>
      )}
      {slip && <Sheet slip={slip} />}
    </section>
  );
}

function Sheet({ slip }: { slip: ReferralSlip }) {
  const vi = COUNTER_TEXT.vi;
  return (
    <article class="sheet" lang="vi" data-testid="referral-slip">
      <header class="sheet-head">
        <div class="sheet-agency">
          <p>{slip.agencyHeader.committee.toUpperCase()}</p>
          <p class="strong">{slip.agencyHeader.unit.toUpperCase()}</p>
        </div>
        <div class="sheet-nation">
          <p class="strong">{vi.republic}</p>
          <p class="strong underline">{vi.motto}</p>
        </div>
      </header>
      {slip.form && <p class="sheet-form">{slip.form}</p>}
      <p class="sheet-date">{slip.placeDate}</p>
      <h1 id="paper-title" tabIndex={-1} class="sheet-title">
        {slip.title}
      </h1>
      <dl class="sheet-facts">
        <Row term={vi.code} value={slip.code} />
        <Row term={vi.applicant} value={slip.applicant} />
        <Row term={vi.procedure} value={slip.procedure.name} />
        <Row term={slip.labels.lead} value={slip.lead.name} />
        <Row term={slip.labels.sentAt} value={slip.sentText} />
      </dl>
      <p class="sheet-body">{slip.body}</p>
      <table class="slip-table">
        <thead>
          <tr>
            {slip.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((line) => (
            <tr key={line.n} data-testid="slip-line">
              <td>{line.n}</td>
              <td>{line.agencyName}</td>
              <td>{line.task}</td>
              <td>{line.workingDays}</td>
              <td>{line.dueText}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{vi.legalBasis}</h2>
      <ul class="sheet-basis">
        {slip.legalBasis.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div class="sheet-signatures">
        {slip.signatures.map((signature, index) => (
          <div key={signature.title}>
            <p class="strong">{signature.title}</p>
            <p class="sign-hint">{vi.signHint}</p>
            <p class="sign-name">{index === 0 ? slip.sentBy.fullName : ""}</p>
          </div>
        ))}
      </div>
    </article>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}:</dt>
      <dd>{value}</dd>
    </div>
  );
}
