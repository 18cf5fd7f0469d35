/** A draft being filled in, one step per page, the step in the address (#/ho-so/<id>/<step>).
 * Every change is written to the phone at once: closing the app or losing power loses nothing. */

import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Draft, Photo } from "../../data/db";
import { chooseAgency, DraftSubmitted, getDraft, listPhotos, saveAnswers } from "../../data/drafts";
import type { Catalogue, Procedure } from "../../shared/types";
import type { Lang } from "../i18n";
import { go, href } from "../route";
import { agenciesFor, draftProblems, firstUnfinished, pruneAnswers, stepsFor, withAnswer } from "./steps";
import { StepPage, type SaveStatus } from "./StepPage";
import { DRAFT_TEXT, type DraftText } from "./text";
import "../../shared/form/forms.css";
import "./drafts.css";

interface Props {
  id: string;
  step: string | null;
  catalogue: Catalogue;
  lang: Lang;
}

/** The draft as stored, kept in step with IndexedDB: `undefined` while loading, `null` when it is gone. */
function useDraft(id: string) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const latest = useRef<Draft | null>(null);
  const [status, setStatus] = useState<SaveStatus>("idle");
  // One write at a time, in the order of the edits: a slow write can never land after a newer one.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    Promise.all([getDraft(id), listPhotos(id)]).then(
      ([found, stored]) => {
        latest.current = found ?? null;
        setDraft(found ?? null);
        setPhotos(stored);
      },
      (error: unknown) => {
        // Storage refused (private mode, broken profile): say "not found" rather than load forever.
        console.error(error);
        setDraft(null);
      },
    );
  }, [id]);

  const write = useCallback((change: (draft: Draft) => Draft, save: (draft: Draft) => Promise<Draft | undefined>) => {
    if (!latest.current) return;
    const next = change(latest.current);
    latest.current = next;
    setDraft(next);
    const saving = queue.current.then(() => save(next));
    queue.current = saving.then(
      (saved) => {
        if (saved) setStatus("saved");
        else setDraft(null); // Deleted meanwhile, in another tab.
      },
      (error: unknown) => {
        // Submitted meanwhile (another tab): show it as it now is, read-only.
        if (error instanceof DraftSubmitted) {
          void getDraft(id).then((found) => setDraft(found ?? null));
          return;
        }
        console.error(error);
        setStatus("failed");
      },
    );
  }, []);
  const reloadPhotos = useCallback(() => void listPhotos(id).then(setPhotos), [id]);
  return { draft, photos, status, write, reloadPhotos };
}

function NotFound({ t }: { t: DraftText }) {
  return (
    <section class="draft">
      <div class="draft-notice" role="alert">
        <h2>{t.notFound}</h2>
        <p>{t.notFoundHint}</p>
        <a href={href.drafts()}>{t.toDrafts}</a>
      </div>
    </section>
  );
}

/** A submitted draft waits, unchanged, for the outbox to send it. */
function Submitted({ t }: { t: DraftText }) {
  return (
    <section class="draft">
      <div class="check-complete" role="status">
        <h2>{t.submittedTitle}</h2>
        <p>{t.submittedText}</p>
        <a class="button" href={href.submitted()}>
          {t.toSubmitted}
        </a>
      </div>
    </section>
  );
}

export function DraftPage({ id, step, catalogue, lang }: Props) {
  const t = DRAFT_TEXT[lang];
  const { draft, photos, status, write, reloadPhotos } = useDraft(id);
  if (draft === undefined) {
    return (
      <p class="status" role="status">
        {t.loading}
      </p>
    );
  }
  if (draft?.submittedAs) return <Submitted t={t} />;
  const procedure = draft && catalogue.procedures.find((p) => p.code === draft.procedureCode);
  if (!draft || !procedure) return <NotFound t={t} />;
  return (
    <DraftSteps
      draft={draft}
      procedure={procedure}
      catalogue={catalogue}
      photos={photos}
      step={step}
      status={status}
      write={write}
      reloadPhotos={reloadPhotos}
      lang={lang}
      t={t}
    />
  );
}

interface StepsProps {
  draft: Draft;
  procedure: Procedure;
  catalogue: Catalogue;
  photos: Photo[];
  step: string | null;
  status: SaveStatus;
  write: ReturnType<typeof useDraft>["write"];
  reloadPhotos: () => void;
  lang: Lang;
  t: DraftText;
}

function DraftSteps({ draft, procedure, catalogue, photos, step, status, write, reloadPhotos, lang, t }: StepsProps) {
  const agencies = agenciesFor(procedure, catalogue);
  const steps = stepsFor(procedure, agencies);
  const current = steps.find((s) => s.slug === step);
  const only = agencies.length === 1 ? agencies[0] : undefined;

  useEffect(() => {
    // One possible agency: chosen for the citizen. Answers to fields the form no longer has: dropped.
    if (only && draft.agencyCode !== only.code) {
      write((d) => ({ ...d, agencyCode: only.code }), (d) => chooseAgency(d.id, only.code));
    }
    const pruned = pruneAnswers(procedure, draft.answers);
    if (JSON.stringify(pruned) !== JSON.stringify(draft.answers)) {
      write((d) => ({ ...d, answers: pruned }), (d) => saveAnswers(d.id, d.answers));
    }
  }, [draft.id, procedure.version]);
  useEffect(() => {
    // No step, or one this draft does not have: open the first one with something missing. Only while the
    // address is still this one: the citizen may have moved on before this effect ran.
    if (current || location.hash !== href.draft(draft.id, step ?? undefined)) return;
    go(href.draft(draft.id, firstUnfinished(steps, draftProblems(procedure, draft, photos, agencies))), true);
  }, [current, draft.id]);
  if (!current) return null;

  const index = steps.indexOf(current);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  return (
    <StepPage
      key={current.slug}
      step={current}
      number={index + 1}
      total={steps.length}
      backHref={previous ? href.draft(draft.id, previous.slug) : href.procedure(procedure.code)}
      nextHref={next ? href.draft(draft.id, next.slug) : null}
      draft={draft}
      procedure={procedure}
      agencies={agencies}
      steps={steps}
      photos={photos}
      status={status}
      onAnswer={(section, field, value) =>
        write((d) => ({ ...d, answers: withAnswer(d.answers, section, field, value) }), (d) => saveAnswers(d.id, d.answers))
      }
      onAgency={(code) => write((d) => ({ ...d, agencyCode: code }), (d) => chooseAgency(d.id, code))}
      onPhotos={reloadPhotos}
      lang={lang}
      t={t}
    />
  );
}
