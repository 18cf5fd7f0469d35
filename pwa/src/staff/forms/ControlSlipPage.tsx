/** Mẫu 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (/staff/ho-so/{code}/in/06), printed live on A4: the
 * dossier's facts, then every hand-over (who gave, who took, when, by when, on time or late), those still owed
 * last; the legal basis and the signature blocks. */

import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../i18n";
import { href } from "../route";
import { readControlSlip, type ControlSlip, type SlipSide } from "./api";
import { SheetFoot, SheetHead, SheetTools } from "./SheetParts";
import { FORMS_TEXT } from "./text";
import "../counter/paper.css";
import "./forms.css";

export function ControlSlipPage({ code, lang }: { code: string; lang: Lang }) {
  const t = FORMS_TEXT[lang];
  const [slip, setSlip] = useState<ControlSlip | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    readControlSlip(code).then((live) => setSlip(live.data), () => setFailed(true));
  }, [code]);
  return (
    <section class="paper-page" aria-labelledby="paper-title">
      <SheetTools back={<a href={href.dossier(code)}>{code}</a>} printLabel={t.print} />
      {failed && (
        <p role="alert" class="error-box">
          {t.failed}
        </p>
      )}
      {!slip && !failed && (
        <h1 id="paper-title" tabIndex={-1}>
          {t.slipName}
        </h1>
      )}
      {slip && <Slip slip={slip} t={t.noLines} />}
    </section>
  );
}

function Slip({ slip, t }: { slip: ControlSlip; t: string }) {
  const l = slip.labels;
  const facts: [string, string][] = [
    [l.code, slip.code],
    [l.procedure, slip.procedure.name],
    [l.applicant, slip.applicant],
    [l.receiving, slip.receiving],
    [l.receivedAt, slip.receivedAt],
    [l.appointment, slip.appointment],
    [l.lead, slip.lead],
  ];
  if (slip.partners.length > 0) facts.push([l.partners, slip.partners.join("; ")]);
  return (
    <article class="sheet compact" lang="vi" data-testid="paper">
      <SheetHead data={slip} />
      <h1 id="paper-title" tabIndex={-1} class="sheet-title">
        {slip.title}
      </h1>
      <dl class="sheet-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}:</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table class="sheet-table slip-table">
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
              <td class="num">{line.n}</td>
              <td>
                {line.label}
                {line.medium && <span class="sheet-aside"> ({line.medium})</span>}
              </td>
              <Side side={line.from} />
              <Side side={line.to} />
              <td>{line.atText}</td>
              <td>{line.dueText}</td>
              <td>
                {line.verdictLabel}
                {line.lateBy && <span class="sheet-aside"> ({line.lateBy})</span>}
              </td>
              <td>{line.note}</td>
            </tr>
          ))}
          {slip.lines.length === 0 && (
            <tr>
              <td colSpan={slip.columns.length}>{t}</td>
            </tr>
          )}
        </tbody>
      </table>
      <SheetFoot sheet={slip} />
    </article>
  );
}

/** A side of a hand-over: the unit, then the person when one acted by name. */
function Side({ side }: { side: SlipSide }) {
  return (
    <td>
      {side.unitName}
      {side.userName && <span class="sheet-person">{side.userName}</span>}
    </td>
  );
}
