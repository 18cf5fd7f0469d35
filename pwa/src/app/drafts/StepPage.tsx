/** One page of a draft: where it is ("Bước 2/5"), the questions of this step, Back and Continue.
 * "Continue" checks this step only and stays, listing what to fix, until nothing is missing. */

import { useEffect, useRef, useState } from "preact/hooks";
import type { Draft, Photo } from "../../data/db";
import type { Agency, Procedure } from "../../shared/types";
import type { Lang } from "../i18n";
import { go } from "../route";
import { CheckAnswers } from "./CheckAnswers";
import { ErrorSummary } from "../../shared/form/ErrorSummary";
import { FormField } from "../../shared/form/FormField";
import { PhotoSlot } from "./PhotoSlot";
import {
  agencyProblems,
  draftProblems,
  fieldId,
  photoDocuments,
  photoProblems,
  sectionProblems,
  type Problem,
  type Step,
} from "./steps";
import type { DraftText } from "./text";

/** Whether the last write to the phone worked; nothing is shown before the first one. */
export type SaveStatus = "idle" | "saved" | "failed";

interface Props {
  step: Step;
  number: number;
  total: number;
  backHref: string;
  nextHref: string | null;
  draft: Draft;
  procedure: Procedure;
  agencies: Agency[];
  steps: Step[];
  photos: Photo[];
  status: SaveStatus;
  onAnswer: (section: string, field: string, value: unknown) => void;
  onAgency: (code: string) => void;
  onPhotos: () => void;
  lang: Lang;
  t: DraftText;
}

function problemsOf({ step, draft, procedure, agencies, photos }: Props): Problem[] {
  if (step.kind === "agency") return agencyProblems(draft, agencies);
  if (step.kind === "section") return sectionProblems(procedure, draft.answers, step.section.key);
  if (step.kind === "photos") return photoProblems(procedure, photos);
  return [];
}

/** The element a problem's link moves to. */
function targetOf(problem: Problem, step: Step): string {
  if (step.kind === "photos") return fieldId(`photo.${problem.path}`);
  return fieldId(problem.path);
}

function titleOf(step: Step, lang: Lang, t: DraftText): string {
  if (step.kind === "section") return step.section.title[lang];
  return step.kind === "agency" ? t.agencyTitle : step.kind === "photos" ? t.photosTitle : t.checkTitle;
}

export function StepPage(props: Props) {
  const { step, number, total, backHref, nextHref, draft, procedure, status, lang, t } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const title = titleOf(step, lang, t);

  useEffect(() => {
    // A new step is a new page: start at its top, and let screen readers start at its title.
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${title} — ${procedure.name[lang]}`;
  }, [title, lang]);

  const errorAt = (path: string): string | null => shown.find((p) => p.path === path)?.message[lang] ?? null;
  const fixed = (path: string): void => setShown((all) => all.filter((p) => p.path !== path));
  const onContinue = (e: Event): void => {
    e.preventDefault();
    const problems = problemsOf(props);
    setShown(problems);
    if (problems.length > 0) setAttempt((n) => n + 1);
    else if (nextHref) go(nextHref);
  };

  return (
    <section class="draft">
      <p class="draft-procedure">{procedure.name[lang]}</p>
      <p class="draft-step">{t.stepOf(number, total)}</p>
      <h2 ref={heading} tabIndex={-1}>
        {title}
        {step.kind === "section" && step.optional && <span class="draft-optional"> {t.optional}</span>}
      </h2>
      <ErrorSummary problems={shown} attempt={attempt} target={(p) => targetOf(p, step)} lang={lang} title={t.errorSummary} />
      <form class="draft-form" noValidate onSubmit={onContinue}>
        {step.kind === "agency" && <AgencyChoice {...props} error={errorAt("agency")} onFixed={fixed} />}
        {step.kind === "section" && <SectionFields {...props} errorAt={errorAt} onFixed={fixed} />}
        {step.kind === "photos" && <PhotoSlots {...props} errorAt={errorAt} onFixed={fixed} />}
        {step.kind === "check" && (
          <CheckAnswers
            draft={draft}
            procedure={procedure}
            agency={props.agencies.find((a) => a.code === draft.agencyCode)}
            agencyStep={props.steps.some((s) => s.kind === "agency")}
            steps={props.steps}
            photos={props.photos}
            problems={draftProblems(procedure, draft, props.photos, props.agencies)}
            lang={lang}
            t={t}
          />
        )}
        <div class="draft-nav">
          <a class="button button-secondary" href={backHref}>
            <span aria-hidden="true">←</span> {t.back}
          </a>
          {nextHref && (
            <button type="submit" class="button">
              {t.continue} <span aria-hidden="true">→</span>
            </button>
          )}
        </div>
      </form>
      <p class={`draft-saved${status === "failed" ? " draft-saved-failed" : ""}`} role="status">
        {status === "saved" ? t.saved : status === "failed" ? t.saveFailed : ""}
      </p>
    </section>
  );
}

type PartProps = Props & { errorAt: (path: string) => string | null; onFixed: (path: string) => void };

function SectionFields({ step, draft, procedure, onAnswer, errorAt, onFixed, lang, t }: PartProps) {
  if (step.kind !== "section") return null;
  const { section } = step;
  const schema = procedure.form.schema.properties[section.key];
  return (
    <>
      {section.description && <p class="draft-description">{section.description[lang]}</p>}
      {section.fields.map((field) => {
        const path = `${section.key}.${field.key}`;
        const fieldSchema = schema?.properties[field.key];
        if (!fieldSchema) return null;
        return (
          <FormField
            key={path}
            path={path}
            field={field}
            schema={fieldSchema}
            value={draft.answers[section.key]?.[field.key]}
            error={errorAt(path)}
            lang={lang}
            t={t}
            onChange={(value) => {
              onAnswer(section.key, field.key, value);
              onFixed(path);
            }}
          />
        );
      })}
    </>
  );
}

function AgencyChoice(props: Props & { error: string | null; onFixed: (path: string) => void }) {
  const { agencies, draft, onAgency, onFixed, error, lang, t } = props;
  const id = fieldId("agency");
  return (
    <fieldset
      class={`field field-group${error ? " field-invalid" : ""}`}
      aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
    >
      <legend class="visually-hidden">{t.agencyTitle}</legend>
      <p id={`${id}-help`} class="field-help">
        {t.agencyHint}
      </p>
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{t.errorPrefix} </span>
          {error}
        </p>
      )}
      {agencies.map((agency, index) => (
        <label class="choice choice-block" key={agency.code}>
          <input
            id={index === 0 ? id : `${id}-${index}`}
            type="radio"
            name="agency"
            checked={draft.agencyCode === agency.code}
            aria-invalid={error ? "true" : undefined}
            onChange={() => {
              onAgency(agency.code);
              onFixed("agency");
            }}
          />
          <span>
            <strong>{agency.name[lang]}</strong>
            {agency.address && (
              <span class="choice-hint" lang="vi">
                {agency.address}
              </span>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function PhotoSlots({ draft, procedure, photos, onPhotos, errorAt, onFixed, lang, t }: PartProps) {
  return (
    <>
      <p class="draft-description">{t.photosHint}</p>
      {photoDocuments(procedure).map((doc) => (
        <PhotoSlot
          key={doc.key}
          draftId={draft.id}
          doc={doc}
          photo={photos.find((p) => p.slot === doc.key)}
          error={errorAt(doc.key)}
          lang={lang}
          t={t}
          onChange={() => {
            onPhotos();
            onFixed(doc.key);
          }}
        />
      ))}
    </>
  );
}
