/** One dossier (/staff/ho-so/{code}): its facts, the answers under the form's own labels, the files, the
 * citizen's history and the internal audit trail, the citizen's notices and their delivery, its handling (due
 * dates, hand-overs); an officer checks a submitted dossier from here, and each role takes its handling steps. */

import { useEffect, useState } from "preact/hooks";
import type { Procedure, UiField } from "../../shared/types";
import { StaffApiError, type StaffMe } from "../api";
import type { Lang } from "../i18n";
import { followLink, go, href, type PaperKind } from "../route";
import { readHandling, type Handling } from "../handling/api";
import { Outlook } from "../handling/Outlook";
import { Steps } from "../handling/Steps";
import { HANDLING_TEXT } from "../handling/text";
import { PaperHandover } from "../liaison/PaperHandover";
import { Parts } from "../liaison/Parts";
import { SlipLink } from "../forms/SlipLink";
import { ResultScanLink } from "../handling/ResultScan";
import { InviteCard } from "../kiosk/InviteCard";
import { Actions } from "./Actions";
import { readDossier, readProcedure, type Dossier } from "./api";
import { IntakeDone } from "./IntakeDone";
import { NoticeDeliveries } from "./NoticeDeliveries";
import { COUNTER_TEXT, dateTime, day, type CounterText } from "./text";
import "./counter.css";

type Loaded = { state: "loading" } | { state: "missing" } | { state: "failed" } | { state: "ready"; dossier: Dossier };

export function DossierPage({ me, code, lang }: { me: StaffMe; code: string; lang: Lang }) {
  const t = COUNTER_TEXT[lang];
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [handling, setHandling] = useState<Handling | null>(null);
  const [notice, setNotice] = useState("");

  const load = (): void => {
    // Both answers, then one render: a step's buttons never show against the other answer's version.
    Promise.all([readDossier(code), readHandling(code)]).then(
      ([dossier, kept]) => {
        setHandling(kept);
        setLoaded({ state: "ready", dossier });
        if (procedure?.code !== dossier.procedureCode) readProcedure(dossier.procedureCode).then(setProcedure, () => undefined);
      },
      (error: unknown) => setLoaded({ state: error instanceof StaffApiError && error.status === 404 ? "missing" : "failed" }),
    );
  };
  useEffect(load, [code]);

  const done = (kind: PaperKind): void => go(href.paper(code, kind));
  const stale = (): void => {
    setNotice(t.stale);
    load();
  };
  const stepped = (): void => {
    setNotice(HANDLING_TEXT[lang].done);
    load();
  };

  return (
    <section class="dossier" aria-labelledby="dossier-title">
      <p onClick={followLink}>
        <a href={href.queue()}>{t.backToQueue}</a>
      </p>
      <h1 id="dossier-title" tabIndex={-1}>
        {loaded.state === "ready" ? `${loaded.dossier.code} — ${loaded.dossier.procedureName}` : code}
      </h1>
      <IntakeDone code={code} lang={lang} />
      {notice && (
        <p role="alert" class="notice" data-testid="notice">
          {notice}
        </p>
      )}
      {loaded.state === "loading" && <p role="status">…</p>}
      {loaded.state === "missing" && <p role="alert">{t.notFound}</p>}
      {loaded.state === "failed" && (
        <p role="alert" class="error-box">
          {t.failed}
        </p>
      )}
      {loaded.state === "ready" && (
        <div class="dossier-layout">
          <div>
            <Facts dossier={loaded.dossier} t={t} />
            {handling && <Outlook handling={handling} status={loaded.dossier.status} lang={lang} />}
            <Answers dossier={loaded.dossier} procedure={procedure} lang={lang} t={t} />
            <Files dossier={loaded.dossier} procedure={procedure} t={t} />
            <Trail dossier={loaded.dossier} t={t} />
            <NoticeDeliveries code={loaded.dossier.code} version={loaded.dossier.version} lang={lang} />
          </div>
          <div>
            {me.role === "officer" && loaded.dossier.status === "submitted" && (
              <Actions dossier={loaded.dossier} procedure={procedure} lang={lang} onDone={done} onStale={stale} />
            )}
            {handling && (
              <Steps
                me={me}
                dossier={loaded.dossier}
                handling={handling}
                procedure={procedure}
                lang={lang}
                onPaper={done}
                onDone={stepped}
                onStale={stale}
              />
            )}
            {me.role === "officer" && loaded.dossier.status === "returned" && <InviteCard code={loaded.dossier.code} lang={lang} />}
            <PaperHandover me={me} dossier={loaded.dossier} lang={lang} onDone={stepped} onStale={stale} />
            <Parts me={me} dossier={loaded.dossier} assignee={handling?.assignee ?? ""} lang={lang} onDone={stepped} onStale={stale} />
            <PaperLinks dossier={loaded.dossier} t={t} />
            <SlipLink code={loaded.dossier.code} received={loaded.dossier.receivedAt !== null} lang={lang} />
            {handling && <ResultScanLink handling={handling} lang={lang} />}
          </div>
        </div>
      )}
    </section>
  );
}

function Facts({ dossier, t }: { dossier: Dossier; t: CounterText }) {
  const rows: [string, string][] = [
    [t.status, t.statuses[dossier.status] ?? dossier.status],
    [t.applicant, dossier.applicantName],
    [t.idNumber, dossier.idNumber],
    [t.colChannel, t.channels[dossier.channel] ?? dossier.channel],
    [t.colArrival, dateTime(dossier.submittedAt)],
  ];
  if (dossier.receivedAt) rows.push([t.receivedAt, dateTime(dossier.receivedAt)]);
  if (dossier.appointmentDate) rows.push([t.appointmentDate, day(dossier.appointmentDate)]);
  return (
    <div class="card">
      <h2>{t.facts}</h2>
      <dl class="facts">
        {rows
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

/** An answer in plain words: the option's label, a date as dd/mm/yyyy, Có/Không. */
function plain(value: unknown, field: UiField, lang: Lang): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? (lang === "vi" ? "Có" : "Yes") : lang === "vi" ? "Không" : "No";
  const option = field.options?.[String(value)];
  if (option) return option[lang];
  return field.widget === "date" ? day(String(value)) : String(value);
}

function Answers({ dossier, procedure, lang, t }: { dossier: Dossier; procedure: Procedure | null; lang: Lang; t: CounterText }) {
  if (!procedure) return null;
  return (
    <div class="card">
      <h2>{t.answers}</h2>
      {procedure.form.ui.sections.map((section) => (
        <div key={section.key}>
          <h3>{section.title[lang]}</h3>
          <dl class="facts">
            {section.fields.map((field) => (
              <div key={field.key}>
                <dt>{field.label[lang]}</dt>
                <dd>{plain(dossier.answers[section.key]?.[field.key], field, lang)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

function Files({ dossier, procedure, t }: { dossier: Dossier; procedure: Procedure | null; t: CounterText }) {
  const name = (slot: string): string => procedure?.documents.find((d) => d.key === slot)?.name ?? slot;
  return (
    <div class="card">
      <h2>{t.attachments}</h2>
      {dossier.attachments.length === 0 && <p>{t.noAttachments}</p>}
      <ul class="files">
        {dossier.attachments.map((file) => (
          <li key={file.sha256}>
            <a href={file.url} target="_blank" rel="noopener">
              {file.contentType.startsWith("image/") && <img src={file.url} alt="" class="thumb" loading="lazy" />}
              <span lang="vi">{name(file.slot)}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Trail({ dossier, t }: { dossier: Dossier; t: CounterText }) {
  return (
    <>
      <div class="card">
        <h2>{t.history}</h2>
        <ol class="trail">
          {dossier.history.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at}>{dateTime(event.at)}</time> — {t.statuses[event.status] ?? event.status}
              {event.note && <p class="pre">{event.note}</p>}
            </li>
          ))}
        </ol>
      </div>
      <div class="card">
        <h2>{t.audit}</h2>
        <ol class="trail">
          {dossier.audit.map((row, index) => (
            <li key={index}>
              <time dateTime={row.at}>{dateTime(row.at)}</time> — {row.actorUsername}: {t.auditActions[row.action] ?? row.action}
              {row.reasonForCitizen && <p class="pre">{`${t.forCitizen}: ${row.reasonForCitizen}`}</p>}
              {row.internalNote && <p class="pre">{`${t.internalNote}: ${row.internalNote}`}</p>}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}

function PaperLinks({ dossier, t }: { dossier: Dossier; t: CounterText }) {
  if (dossier.papers.length === 0) return null;
  return (
    <div class="card" onClick={followLink}>
      <h2>{t.papers}</h2>
      <ul>
        {dossier.papers.map((paper) => (
          <li key={paper.kind + paper.issuedAt}>
            <a href={href.paper(dossier.code, paper.kind)}>{`${t.paperNames[paper.kind] ?? paper.kind} — ${paper.data.title}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
