/** The parts every A4 paper shares (Circular 03/2025 Annex I): the agency and the national motto side by side,
 * the form's number, place and date; the legal basis; the signature blocks. Always Vietnamese. */

import type { ComponentChildren } from "preact";
import { COUNTER_TEXT } from "../counter/text";
import { followLink } from "../route";

export interface Letterhead {
  agencyHeader: { committee: string; unit: string };
  placeDate: string;
  form?: string;
}

export function SheetHead({ data }: { data: Letterhead }) {
  return (
    <>
      {data.form && <p class="sheet-form">{data.form}</p>}
      <header class="sheet-head">
        <div class="sheet-agency">
          <p>{data.agencyHeader.committee.toUpperCase()}</p>
          <p class="strong">{data.agencyHeader.unit.toUpperCase()}</p>
        </div>
        <div class="sheet-nation">
          <p class="strong">{COUNTER_TEXT.vi.republic}</p>
          <p class="strong underline">{COUNTER_TEXT.vi.motto}</p>
        </div>
      </header>
      <p class="sheet-date">{data.placeDate}</p>
    </>
  );
}

export function LegalBasis({ lines }: { lines: readonly string[] | undefined }) {
  if (!lines || lines.length === 0) return null;
  return (
    <>
      <h2>{COUNTER_TEXT.vi.legalBasis}</h2>
      <ul class="sheet-basis" data-testid="legal-basis">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

/** Each block: its title, "(Ký, ghi rõ họ tên)", room to sign, and the signer's name when it is known. */
export function Signatures({ titles, signer }: { titles: readonly string[]; signer?: (title: string, index: number) => string }) {
  return (
    <div class="sheet-signatures" data-testid="signatures">
      {titles.map((title, index) => (
        <div key={title}>
          <p class="strong">{title}</p>
          <p class="sign-hint">{COUNTER_TEXT.vi.signHint}</p>
          <p class="sign-name">{signer?.(title, index) ?? ""}</p>
        </div>
      ))}
    </div>
  );
}

/** The foot of a sheet printed live (Mẫu 06, 07): its legal basis, its signature blocks, and on screen only
 * the reminder that its layout is to check against the official form. */
export function SheetFoot({ sheet }: { sheet: { legalBasis: string[]; signatures: { title: string }[]; verify: string } }) {
  return (
    <>
      <LegalBasis lines={sheet.legalBasis} />
      <Signatures titles={sheet.signatures.map((s) => s.title)} />
      <p class="no-print sheet-verify">{sheet.verify}</p>
    </>
  );
}

/** The page around a sheet: the way back and "In" (not printed), then the sheet or what stands in for it. */
export function SheetTools({ back, printLabel, children }: { back: ComponentChildren; printLabel: string; children?: ComponentChildren }) {
  return (
    <div class="no-print paper-tools" onClick={followLink}>
      {back}
      {children}
      <button type="button" class="button" onClick={() => print()}>
        {printLabel}
      </button>
    </div>
  );
}
