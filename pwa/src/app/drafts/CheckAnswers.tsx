/** "Check your answers" (kiểm tra hồ sơ): every answer in plain words with a link to change it, what is
 * still missing, and, once nothing is, "Nộp hồ sơ", which puts the dossier in the outbox. */

import { useState } from "preact/hooks";
import type { Draft, Photo } from "../../data/db";
import type { Agency, FieldSchema, Procedure, UiField } from "../../shared/types";
import type { Lang } from "../i18n";
import { submitDraft } from "../outboxRunner";
import { go, href } from "../route";
import { AGENCY_STEP, photoDocuments, PHOTOS_STEP, type Problem, type Step } from "./steps";
import { formatBytes, formatDate, type DraftText } from "./text";

interface Props {
  draft: Draft;
  procedure: Procedure;
  agency: Agency | undefined;
  /** Whether the draft has an agency step (several agencies to choose from). */
  agencyStep: boolean;
  steps: Step[];
  photos: Photo[];
  problems: Problem[];
  lang: Lang;
  t: DraftText;
}

/** An answer as the citizen would say it: the option's label, dd/mm/yyyy, Có/Không. */
function plain(value: unknown, field: UiField, schema: FieldSchema | undefined, lang: Lang, t: DraftText): string {
  if (value === undefined || value === "") return t.notAnswered;
  if (typeof value === "boolean") return value ? t.yes : t.no;
  const option = field.options?.[String(value)];
  if (option) return option[lang];
  if (field.widget === "date" || schema?.format) return formatDate(String(value));
  return String(value);
}

/** Document names are published in Vietnamese only: `termLang` marks them so. */
function Row({ term, termLang, children }: { term: string; termLang?: Lang; children: string }) {
  return (
    <div class="summary-row">
      <dt lang={termLang}>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Heading({ title, step, draftId, t }: { title: string; step: string; draftId: string; t: DraftText }) {
  return (
    <div class="summary-heading">
      <h3>{title}</h3>
      <a href={href.draft(draftId, step)} class="summary-change">
        {t.change}
        <span class="visually-hidden"> {title}</span>
      </a>
    </div>
  );
}

function Outcome({ draft, procedure, problems, lang, t }: Pick<Props, "draft" | "procedure" | "problems" | "lang" | "t">) {
  if (problems.length > 0) {
    return (
      <div class="check-problems" role="region" aria-labelledby="check-problems-title">
        <h3 id="check-problems-title">{t.remaining(problems.length)}</h3>
        <ul>
          {problems.map((problem) => (
            <li key={problem.path}>
              <a href={href.draft(draft.id, problem.step)}>{problem.message[lang]}</a>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <SubmitBox draft={draft} procedure={procedure} t={t} />;
}

function SubmitBox({ draft, procedure, t }: Pick<Props, "draft" | "procedure" | "t">) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const submit = async (): Promise<void> => {
    setState("busy");
    try {
      await submitDraft(draft.id, { version: procedure.version, uploadSlots: photoDocuments(procedure).map((doc) => doc.key) });
    } catch (error) {
      console.error("submission not queued", error);
      setState("failed");
      return;
    }
    go(href.submitted());
  };
  return (
    <div class="check-complete">
      <h3>{t.completeTitle}</h3>
      <p>{t.completeText}</p>
      <p id="submit-hint">{t.submitHint}</p>
      <button
        type="button"
        class="button button-primary"
        data-testid="submit-dossier"
        disabled={state === "busy"}
        aria-describedby="submit-hint"
        onClick={() => void submit()}
      >
        {t.submit}
      </button>
      <p class="draft-saved" role="status">
        {state === "busy" ? t.submitting : ""}
      </p>
      {state === "failed" && (
        <p class="field-error" role="alert">
          {t.submitFailed}
        </p>
      )}
    </div>
  );
}

export function CheckAnswers(props: Props) {
  const { draft, procedure, agency, agencyStep, steps, photos, lang, t } = props;
  const documents = photoDocuments(procedure);
  return (
    <div class="check">
      <Outcome {...props} />
      {agencyStep && (
        <section class="summary">
          <Heading title={t.agencyTitle} step={AGENCY_STEP} draftId={draft.id} t={t} />
          <p>{agency ? agency.name[lang] : t.noAgency}</p>
        </section>
      )}
      {steps.map((step) => {
        if (step.kind !== "section") return null;
        const { section } = step;
        const answers = draft.answers[section.key];
        const schema = procedure.form.schema.properties[section.key];
        return (
          <section class="summary" key={section.key}>
            <Heading title={section.title[lang]} step={section.key} draftId={draft.id} t={t} />
            {step.optional && !answers ? (
              <p>{t.sectionSkipped}</p>
            ) : (
              <dl class="summary-list">
                {section.fields.map((field) => (
                  <Row key={field.key} term={field.label[lang]}>
                    {plain(answers?.[field.key], field, schema?.properties[field.key], lang, t)}
                  </Row>
                ))}
              </dl>
            )}
          </section>
        );
      })}
      {documents.length > 0 && (
        <section class="summary">
          <Heading title={t.photosTitle} step={PHOTOS_STEP} draftId={draft.id} t={t} />
          <dl class="summary-list">
            {documents.map((doc) => {
              const photo = photos.find((p) => p.slot === doc.key);
              return (
                <Row key={doc.key} term={doc.name} termLang="vi">
                  {photo ? t.photoPresent(formatBytes(photo.size, lang)) : t.photoAbsent}
                </Row>
              );
            })}
          </dl>
        </section>
      )}
    </div>
  );
}
