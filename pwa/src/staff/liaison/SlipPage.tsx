/** A Phiếu chuyển xử lý printed on A4 (/staff/ho-so/{code}/chuyen-xu-ly/{n}): the lead agency's header, the
 * motto, place and date, the dossier, each agency's task and deadline, the legal basis and both signature
 * blocks. Its words come from the server (backend/handling/data/papers.json), Vietnamese on any screen. */

import { useEffect, useState } from "preact/hooks";
import { COUNTER_TEXT } from "../counter/text";
import type { Lang } from "../i18n";
import { LegalBasis, SheetHead, SheetTools, Signatures } from "../forms/SheetParts";
import { href } from "../route";
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
      <SheetTools back={<a href={href.dossier(code)}>{t.slipBack}</a>} printLabel={t.print} />
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
      <SheetHead data={slip} />
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
      <LegalBasis lines={slip.legalBasis} />
      <Signatures titles={slip.signatures.map((s) => s.title)} signer={(_, index) => (index === 0 ? slip.sentBy.fullName : "")} />
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
