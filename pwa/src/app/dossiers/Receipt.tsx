/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả, laid out like form 01 of Circular 03/2025/TT-VPCP, with the
 * QR code that opens public tracking. Vietnamese only, as the form is; it prints alone (dossiers.css). */

import type { Receipt } from "../../shared/types";
import { MESSAGES } from "../i18n";
import { inVietnam } from "../../shared/vietnamTime";
import { dateParts } from "./format";
import { RECEIPT } from "./text";

/** "Bản chính …: 1 bản"; the kind is left out when the catalogue's name already starts with it. */
function paper({ name, kind, count }: Receipt["documents"][number]): string {
  const kindName = (MESSAGES.vi.kinds as Record<string, string>)[kind] ?? kind;
  const said = name.toLocaleLowerCase("vi").startsWith(kindName.toLocaleLowerCase("vi"));
  return said ? `${name}: ${RECEIPT.copies(count)}` : `${kindName} ${name}: ${RECEIPT.copies(count)}`;
}

function Line({ label, children }: { label: string; children: string }) {
  return (
    <p class="receipt-line">
      {label}: <strong>{children}</strong>
    </p>
  );
}

export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const received = inVietnam(receipt.receivedAt);
  const due = dateParts(receipt.appointmentDate);
  const { size, path } = receipt.qr;
  return (
    <article class="receipt" data-testid="receipt" lang="vi" aria-labelledby="receipt-title">
      <header class="receipt-head">
        <div class="receipt-agency">
          <p>{receipt.agencyName.vi.toLocaleUpperCase("vi")}</p>
          <p class="receipt-strong">{RECEIPT.desk}</p>
        </div>
        <div class="receipt-nation">
          <p class="receipt-strong">{RECEIPT.nation}</p>
          <p class="receipt-motto">{RECEIPT.motto}</p>
        </div>
      </header>
      <p class="receipt-date">{RECEIPT.place(received.day, received.month, received.year)}</p>
      <h3 id="receipt-title" class="receipt-title">
        {RECEIPT.title}
      </h3>
      <p class="receipt-code">
        {RECEIPT.code}: <strong class="code">{receipt.code}</strong>
      </p>
      <Line label={RECEIPT.applicant}>{receipt.applicantName}</Line>
      <Line label={RECEIPT.address}>{receipt.address ?? RECEIPT.none}</Line>
      <Line label={RECEIPT.phone}>{receipt.phone}</Line>
      {receipt.email && <Line label={RECEIPT.email}>{receipt.email}</Line>}
      <Line label={RECEIPT.request}>{receipt.procedureName.vi}</Line>
      <p class="receipt-line">{RECEIPT.documents}</p>
      <ol class="receipt-documents">
        {receipt.documents.map((doc, index) => (
          <li key={index}>{paper(doc)}</li>
        ))}
      </ol>
      <p class="receipt-line">{RECEIPT.sets(receipt.sets)}</p>
      <Line label={RECEIPT.processing}>{receipt.processingText || RECEIPT.workingDays(receipt.workingDays)}</Line>
      <Line label={RECEIPT.received}>
        {`${RECEIPT.time(received.hour, received.minute)}, ${RECEIPT.place(received.day, received.month, received.year)}`}
      </Line>
      <Line label={RECEIPT.appointment}>{RECEIPT.place(due.day, due.month, due.year)}</Line>
      <figure class="receipt-qr">
        <svg
          data-testid="receipt-qr"
          viewBox={`0 0 ${size} ${size}`}
          shape-rendering="crispEdges"
          role="img"
          aria-label={RECEIPT.qrLabel(receipt.code)}
        >
          <rect width={size} height={size} fill="#fff" />
          <path d={path} fill="#000" />
        </svg>
        <figcaption>
          <strong>{RECEIPT.scan}</strong>
          <span class="receipt-url">{receipt.trackingUrl}</span>
        </figcaption>
      </figure>
    </article>
  );
}
