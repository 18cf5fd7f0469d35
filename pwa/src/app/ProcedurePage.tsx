/** One procedure: what to bring, how long it takes, what it costs, where and how to submit.
 * The catalogue publishes these details in Vietnamese only, so they carry lang="vi" in either language. */

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ComponentChildren, RefObject } from "preact";
import { createDraft, listDrafts, type Draft } from "../data/drafts";
import { requestPersistence } from "../data/storage";
import { appointmentDate, calendarFrom, CalendarError } from "../shared/workdays";
import type { CalendarData, Field, Procedure } from "../shared/types";
import { formatDay, formatTime, type Lang, type Messages } from "./i18n";
import { go, href } from "./route";

interface Props {
  procedure: Procedure | undefined;
  calendar: CalendarData | null;
  m: Messages;
  lang: Lang;
  fields: Field[];
  onBack: () => void;
}

export function ProcedurePage({ procedure, calendar, m, lang, fields, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => window.scrollTo(0, 0), []);
  useEffect(() => {
    // Screen readers start reading at the procedure, not at the top of the page.
    heading.current?.focus();
    if (procedure) document.title = `${procedure.name[lang]} — Một cửa`;
  }, [procedure?.code, lang]);

  return (
    <section class="procedure">
      <button type="button" class="button button-secondary" onClick={onBack}>
        <span aria-hidden="true">←</span> {m.back}
      </button>
      {procedure ? (
        <>
          <ProcedureDetail procedure={procedure} m={m} lang={lang} fields={fields} heading={heading} calendar={calendar}>
            <Drafting procedure={procedure} m={m} />
          </ProcedureDetail>
          <p>
            <a href={href.feedbackAbout("procedure", procedure.code)} data-testid="feedback-procedure">
              {m.sendFeedback}
            </a>
          </p>
        </>
      ) : (
        <p class="status" role="status">
          {m.procedureGone}
        </p>
      )}
    </section>
  );
}

/** The expected appointment date for a complete dossier submitted now, from the calendar on the phone. */
function Appointment({ procedure, calendar, m }: { procedure: Procedure; calendar: CalendarData | null; m: Messages }) {
  const due = useMemo(() => {
    if (!calendar) return null;
    try {
      const { workingDays, cutoff } = procedure.processing;
      return appointmentDate(new Date(), workingDays, calendarFrom(calendar), null, cutoff);
    } catch (error) {
      if (error instanceof CalendarError) return null;
      throw error;
    }
  }, [procedure, calendar]);
  return (
    <p class="appointment">
      {due ? (
        <>
          {m.appointmentToday}: <strong>{formatDay(due, m)}</strong>
        </>
      ) : (
        m.appointmentUnknown
      )}
    </p>
  );
}

/** Starting a draft, or going back to one already begun for this procedure. */
function Drafting({ procedure, m }: { procedure: Procedure; m: Messages }) {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void listDrafts().then((all) => setDrafts(all.filter((d) => d.procedureCode === procedure.code)));
  }, [procedure.code]);

  const start = async (): Promise<void> => {
    setBusy(true);
    const draft = await createDraft(procedure.code, procedure.version, null);
    // The first draft is the moment the phone holds something worth keeping: ask the browser to keep it.
    void requestPersistence();
    go(href.draft(draft.id));
  };
  return (
    <div class="drafting">
      {drafts.length > 0 && (
        <>
          <h3>{m.yourDrafts}</h3>
          <ul class="plain-list">
            {drafts.map((draft) => (
              <li key={draft.id}>
                <a href={href.draft(draft.id)}>{m.continueDraft(formatTime(draft.updatedAt))}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="button button-primary" disabled={busy} onClick={() => void start()}>
        {m.startDraft}
      </button>
      <p class="hint">{m.startDraftHint}</p>
    </div>
  );
}

interface DetailProps {
  procedure: Procedure;
  m: Messages;
  lang: Lang;
  fields: Field[];
  heading: RefObject<HTMLHeadingElement | null>;
  calendar: CalendarData | null;
  /** Shown right after the key facts: what the citizen can do next. */
  children: ComponentChildren;
}

function ProcedureDetail({ procedure: p, m, lang, fields, heading, calendar, children }: DetailProps) {
  const field = fields.find((f) => f.code === p.field);
  return (
    <article>
      <h2 ref={heading} tabIndex={-1}>
        {p.name[lang]}
      </h2>
      {m.detailsInVietnamese && <p class="hint">{m.detailsInVietnamese}</p>}
      <dl class="facts">
        <Fact term={m.code}>
          <span class="code">{p.code}</span>
        </Fact>
        {field && <Fact term={m.field}>{field.name[lang]}</Fact>}
        <Fact term={m.level}>{m.levels[p.level] ?? p.level}</Fact>
        <Fact term={m.agency}>{p.executingAgency[lang]}</Fact>
        <Fact term={m.processing}>
          <strong>{m.workingDays(p.processing.workingDays)}</strong>
          <span class="note" lang="vi">
            {p.processing.text}
          </span>
        </Fact>
      </dl>
      <Appointment procedure={p} calendar={calendar} m={m} />
      {children}

      <h3>{m.documents}</h3>
      <p>{m.sets(p.sets)}</p>
      <ol class="documents" lang="vi">
        {p.documents.map((doc) => (
          <li key={doc.key}>
            <span class="document-name">{doc.name}</span>
            <span class="document-meta" lang={lang}>
              <span class="tag">{m.kinds[doc.kind] ?? doc.kind}</span> {m.quantity(doc.count)}
            </span>
            {doc.note && <span class="note">{doc.note}</span>}
          </li>
        ))}
      </ol>

      <h3>{m.fees}</h3>
      {p.fees.length === 0 ? (
        <p>{m.noFees}</p>
      ) : (
        <ul class="plain-list" lang="vi">
          {p.fees.map((fee, index) => (
            <li key={index}>
              <strong>{fee.name}</strong>: {fee.text}
            </li>
          ))}
        </ul>
      )}

      <h3>{m.result}</h3>
      <p lang="vi">{p.result}</p>

      <h3>{m.channels}</h3>
      <ul class="plain-list">
        {p.channels.map((channel) => (
          <li key={channel}>{m.channelNames[channel] ?? channel}</li>
        ))}
      </ul>

      <TextList title={m.conditions} items={p.conditions} />
      <TextList title={m.legalBasis} items={p.legalBasis} />
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A titled list of Vietnamese-only texts; nothing at all when the list is empty. */
function TextList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="plain-list" lang="vi">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
