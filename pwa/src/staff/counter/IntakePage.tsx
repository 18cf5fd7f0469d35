/** Counter intake (/staff/tiep-nhan): a dossier brought in person or by post, registered with its procedure's
 * own form and received at once; then the dossier's page, with its Mẫu 01 to print. */

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { withAnswer } from "../../shared/form/answers";
import type { Catalogue, Procedure } from "../../shared/types";
import type { StaffMe } from "../api";
import type { Lang } from "../i18n";
import { followLink, go, href } from "../route";
import { communeOf, communesFor, COUNTER_CHANNELS, counterForm, readCatalogue, type IntakeAnswer } from "./intake";
import { forget, keep, keptDraft, remember, scanOf, upload, type IntakeDraft, type Scan } from "./intakeDraft";
import { IntakeForm } from "./IntakeForm";
import { COUNTER_LABELS, INTAKE_TEXT } from "./intakeText";
import { COUNTER_TEXT } from "./text";
import { ProcedurePicker } from "./ProcedurePicker";
import "../../shared/form/forms.css";
import "./counter.css";
import "./intake.css";

type Loaded = { state: "loading" } | { state: "failed" } | { state: "ready"; catalogue: Catalogue };

/** The draft, kept for the officer on every change (see intakeDraft.ts); `current` reads it between renders. */
function useDraft(username: string) {
  const [draft, setDraft] = useState<IntakeDraft>(() => keptDraft(username));
  const latest = useRef(draft);
  const change = (next: (now: IntakeDraft) => IntakeDraft): void => {
    latest.current = next(latest.current);
    keep(username, latest.current);
    setDraft(latest.current);
  };
  return { draft, change, current: () => latest.current };
}

/** A procedure's counter questions start from the usual answers: in person, the officer's own commune. */
function withDefaults(draft: IntakeDraft, procedure: Procedure, homeCommune: string | null): IntakeDraft {
  if (draft.counter[procedure.code]) return draft;
  const channel = COUNTER_CHANNELS.find((c) => procedure.channels.includes(c));
  const start: Record<string, unknown> = { channel, identity_checked: false };
  if (procedure.level === "commune" && homeCommune) start["competent"] = homeCommune;
  return { ...draft, counter: { ...draft.counter, [procedure.code]: start } };
}

export function IntakePage({ me, lang }: { me: StaffMe; lang: Lang }) {
  const t = INTAKE_TEXT[lang];
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const { draft, change, current } = useDraft(me.username);
  const load = (): void => {
    setLoaded({ state: "loading" });
    readCatalogue().then(
      (catalogue) => setLoaded({ state: "ready", catalogue }),
      () => setLoaded({ state: "failed" }),
    );
  };
  useEffect(load, []);

  const catalogue = loaded.state === "ready" ? loaded.catalogue : null;
  const procedure = catalogue?.procedures.find((p) => p.code === draft.procedureCode) ?? null;
  const communes = useMemo(() => (catalogue ? communesFor(catalogue.agencies, me.agencyCode) : []), [catalogue, me.agencyCode]);
  const values = procedure ? (draft.counter[procedure.code] ?? {}) : {};
  const form = procedure ? counterForm(procedure, communes, values, COUNTER_LABELS) : null;

  const choose = (code: string | null): void => {
    const chosen = catalogue?.procedures.find((p) => p.code === code);
    const home = catalogue ? (communeOf(catalogue.agencies, me.agencyCode)?.code ?? null) : null;
    change((now) => (chosen ? withDefaults({ ...now, procedureCode: chosen.code }, chosen, home) : { ...now, procedureCode: null }));
  };
  const setScan = (code: string, slot: string, scan: Scan | null, only?: string): void =>
    change((now) => {
      const slots = { ...now.scans[code] };
      // An upload's answer for a scan replaced meanwhile is not this slot's any more.
      if (only !== undefined && slots[slot]?.sha256 !== only) return now;
      if (scan) slots[slot] = scan;
      else delete slots[slot];
      return { ...now, scans: { ...now.scans, [code]: slots } };
    });
  const addScan = async (code: string, slot: string, blob: Blob, name: string): Promise<void> => {
    let scan: Scan;
    try {
      scan = await scanOf(slot, blob, name);
    } catch {
      const error = { vi: INTAKE_TEXT.vi.noCrypto, en: INTAKE_TEXT.en.noCrypto };
      return setScan(code, slot, { slot, blob, name, sha256: "", state: "refused", error });
    }
    setScan(code, slot, { ...scan, state: "uploading" });
    setScan(code, slot, await upload(scan), scan.sha256);
  };
  const done = (answer: IntakeAnswer): void => {
    forget();
    remember(answer.code, answer.paper !== null);
    go(href.dossier(answer.code));
  };

  return (
    <section class="intake" aria-labelledby="intake-title">
      <p onClick={followLink}>
        <a href={href.queue()}>{COUNTER_TEXT[lang].backToQueue}</a>
      </p>
      <h1 id="intake-title" tabIndex={-1}>
        {t.title}
      </h1>
      <p class="lead">{t.lead}</p>
      {loaded.state === "loading" && <p role="status">{t.loading}</p>}
      {loaded.state === "failed" && (
        <div role="alert" class="error-box">
          <p>{t.loadFailed}</p>
          <button type="button" class="button-secondary" onClick={load}>
            {t.retry}
          </button>
        </div>
      )}
      {catalogue && <ProcedurePicker catalogue={catalogue} chosen={procedure} onChoose={choose} lang={lang} t={t} />}
      {procedure && form && (
        <IntakeForm
          key={procedure.code}
          procedure={procedure}
          counterForm={form}
          draft={draft}
          current={current}
          onAnswer={(section, field, value) =>
            change((now) => {
              const answers = withAnswer(now.answers[procedure.code] ?? {}, section, field, value);
              return { ...now, answers: { ...now.answers, [procedure.code]: answers } };
            })
          }
          onCounter={(field, value) =>
            change((now) => {
              const asked = { ...now.counter[procedure.code], [field]: value };
              return { ...now, counter: { ...now.counter, [procedure.code]: asked } };
            })
          }
          onScan={(slot, blob, name) => addScan(procedure.code, slot, blob, name)}
          onRemoveScan={(slot) => setScan(procedure.code, slot, null)}
          onUploaded={(scan) => setScan(procedure.code, scan.slot, scan, scan.sha256)}
          onDone={done}
          lang={lang}
          t={t}
        />
      )}
    </section>
  );
}
