/** One procedure: what to bring, how long it takes, what it costs, where and how to submit.
 * The catalogue publishes these details in Vietnamese only, so they carry lang="vi" in either language. */

import { useEffect, useRef } from "preact/hooks";
import type { ComponentChildren, RefObject } from "preact";
import { getProcedure } from "../data/api";
import type { Field, Procedure } from "../shared/types";
import { ErrorNotice } from "./ErrorNotice";
import type { Lang, Messages } from "./i18n";
import { useLoad } from "./useLoad";

interface Props {
  code: string;
  m: Messages;
  lang: Lang;
  fields: Field[];
  onBack: () => void;
}

export function ProcedurePage({ code, m, lang, fields, onBack }: Props) {
  const [loaded, retry] = useLoad(code, getProcedure);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => window.scrollTo(0, 0), []);
  useEffect(() => {
    // Screen readers start reading at the procedure, not at the top of the page.
    if (loaded.state === "ok") heading.current?.focus();
  }, [loaded.state]);
  useEffect(() => {
    if (loaded.state === "ok") document.title = `${loaded.value.name[lang]} — Một cửa`;
  }, [loaded, lang]);

  return (
    <section class="procedure">
      <button type="button" class="button button-secondary" onClick={onBack}>
        <span aria-hidden="true">←</span> {m.back}
      </button>
      {loaded.state === "loading" && (
        <p class="status" role="status">
          {m.loading}
        </p>
      )}
      {loaded.state === "error" && <ErrorNotice error={loaded.error} m={m} lang={lang} onRetry={retry} />}
      {loaded.state === "ok" && (
        <ProcedureDetail procedure={loaded.value} m={m} lang={lang} fields={fields} heading={heading} />
      )}
    </section>
  );
}

interface DetailProps {
  procedure: Procedure;
  m: Messages;
  lang: Lang;
  fields: Field[];
  heading: RefObject<HTMLHeadingElement | null>;
}

function ProcedureDetail({ procedure: p, m, lang, fields, heading }: DetailProps) {
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
