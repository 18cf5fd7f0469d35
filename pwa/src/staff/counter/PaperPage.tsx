/** A paper as issued (/staff/ho-so/{code}/in/{01|…|05}), laid out as an A4 sheet: the agency header, the
 * national motto, the form's number, the place and date, the title, its facts or text as the server kept
 * them, the legal basis and both signature blocks; "In" prints it alone. */

import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../i18n";
import { href, type PaperKind } from "../route";
import { LegalBasis, SheetHead, SheetTools, Signatures } from "../forms/SheetParts";
import { readPaper, type Paper, type PaperData } from "./api";
import { COUNTER_TEXT, day } from "./text";
import "./paper.css";

// The paper is Vietnamese whatever the screen's language: the kinds in the words of the citizen app.
const DOC_KINDS: Record<string, string> = {
  original: "bản chính",
  copy: "bản sao",
  certified_copy: "bản sao có chứng thực",
  original_or_certified_copy: "bản chính hoặc bản sao có chứng thực",
  present_original: "xuất trình bản chính",
};

export function PaperPage({ code, kind, lang }: { code: string; kind: PaperKind; lang: Lang }) {
  const t = COUNTER_TEXT[lang];
  const [paper, setPaper] = useState<Paper | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    readPaper(code, kind).then(setPaper, () => setFailed(true));
  }, [code, kind]);
  return (
    <section class="paper-page" aria-labelledby="paper-title">
      <SheetTools back={<a href={href.dossier(code)}>{code}</a>} printLabel={t.print} />
      {failed && (
        <p role="alert" class="error-box">
          {t.notFound}
        </p>
      )}
      {!paper && !failed && (
        <h1 id="paper-title" tabIndex={-1}>
          {t.paperNames[kind]}
        </h1>
      )}
      {paper && <Sheet data={paper.data} />}
    </section>
  );
}

/** The sheet is always Vietnamese: it is the official paper, whatever the screen's language. */
function Sheet({ data }: { data: PaperData }) {
  return (
    <article class="sheet" lang="vi" data-testid="paper">
      <SheetHead data={data} />
      <h1 id="paper-title" tabIndex={-1} class="sheet-title">
        {data.title}
      </h1>
      <dl class="sheet-facts">
        <Row term={COUNTER_TEXT.vi.code} value={data.code} />
        <Row term={COUNTER_TEXT.vi.applicant} value={data.applicant} />
        <Row term={COUNTER_TEXT.vi.procedure} value={data.procedure.name} />
        {data.appointmentDate && !data.newDate && <Row term={COUNTER_TEXT.vi.appointmentLine} value={day(data.appointmentDate)} />}
        {data.newDate && <Row term={COUNTER_TEXT.vi.newAppointmentLine} value={day(data.newDate)} />}
      </dl>
      <Body data={data} />
      <Signatures titles={data.signatures.map((signature) => signature.title)} signer={(title, index) => signer(data, title, index)} />
    </article>
  );
}

/** Whose name stands under a signature block: the applicant's and the officer's on the counter's papers;
 * none under an agency's (Mẫu 04's head signs and seals by hand). */
function signer(data: PaperData, title: string, index: number): string {
  if (title === COUNTER_TEXT.vi.applicantSigns) return data.applicant;
  if (title === COUNTER_TEXT.vi.officerSigns || (index === 1 && !data.body)) return data.officer;
  return "";
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}:</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Body({ data }: { data: PaperData }) {
  const vi = COUNTER_TEXT.vi;
  return (
    <>
      {data.body && <p class="sheet-body">{data.body}</p>}
      {data.documents.length > 0 && (data.kind === "01" || (data.kind === "02" && data.stage !== "appraisal")) && (
        <>
          <h2>{vi.documentsReceived}</h2>
          <ol>
            {data.documents.map((doc) => (
              <li key={doc.name}>{`${doc.name} (${DOC_KINDS[doc.kind] ?? doc.kind}: ${doc.count})`}</li>
            ))}
          </ol>
        </>
      )}
      {data.items && data.items.length > 0 && (
        <>
          <h2>{vi.itemsToCorrect}</h2>
          <ol>
            {data.items.map((item) => (
              <li key={item.label}>{item.note ? `${item.label}: ${item.note}` : item.label}</li>
            ))}
          </ol>
          {data.message?.vi && <p>{data.message.vi}</p>}
        </>
      )}
      {data.reasons && data.reasons.length > 0 && (
        <>
          <h2>{vi.reasonsLine}</h2>
          <ol>
            {data.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ol>
        </>
      )}
      <LegalBasis lines={data.legalBasis} />
    </>
  );
}
