/** A dossier's handling at a glance on its staff page: who holds it, the warnings (forecast late without
 * Mẫu 04, the supplement's last day), every return date with why, the draft, the result, the waits for the
 * citizen and the hand-overs (the control slip's lines). */

import { dateTime, day } from "../counter/text";
import type { Lang } from "../i18n";
import type { Handling } from "./api";
import { HANDLING_TEXT, type HandlingText } from "./text";
import "./handling.css";

export function Outlook({ handling: h, status, lang }: { handling: Handling; status: string; lang: Lang }) {
  const t = HANDLING_TEXT[lang];
  return (
    <div class="card" data-testid="handling">
      <h2>{t.handlingTitle}</h2>
      {h.forecastLate && !h.apologies && (
        <p class="warning" role="status" data-testid="late-warning">
          {t.lateWarning}
          {h.apologyLastDay && ` ${t.apologyBy(day(h.apologyLastDay))}`}
        </p>
      )}
      {h.lateDeclaredAt && !h.forecastLate && <p class="hint">{t.lateDeclared}</p>}
      {h.stopRequestedAt && status !== "stopped" && (
        <p class="warning" role="status" data-testid="stop-requested">
          {t.stopRequested(dateTime(h.stopRequestedAt), h.stopRequestReason ?? "")}
        </p>
      )}
      {status === "appraisal_supplement" && h.closeLastDay && <p class="hint">{t.closeAfter(day(h.closeLastDay))}</p>}
      <dl class="facts">
        <div>
          <dt>{t.holder}</dt>
          <dd>{h.assignee || t.nobody}</dd>
        </div>
        {h.resultKind && (
          <div>
            <dt>{t.result}</dt>
            <dd class="pre">{`${t.outcomes[h.resultKind as "granted" | "refused"] ?? h.resultKind}: ${h.resultNote}`}</dd>
          </div>
        )}
        {h.returnMethod && (
          <div>
            <dt>{t.steps.return}</dt>
            <dd>{t.returned(`${t.methods[h.returnMethod as "counter" | "post"] ?? h.returnMethod}${h.trackingNumber ? ` — ${h.trackingNumber}` : ""}`)}</dd>
          </div>
        )}
      </dl>
      {h.draftResult && (
        <>
          <h3>{t.draftTitle}</h3>
          <p class="pre">{`${t.outcomes[h.draftResult.kind]}: ${h.draftResult.text}`}</p>
        </>
      )}
      {h.supplementProposal?.items && (
        <>
          <h3>{t.proposalTitle}</h3>
          <ul>
            {h.supplementProposal.items.map((item) => (
              <li key={item.label} lang="vi">
                {item.note ? `${item.label}: ${item.note}` : item.label}
              </li>
            ))}
          </ul>
        </>
      )}
      <DueDates h={h} t={t} />
      <Handovers h={h} t={t} />
    </div>
  );
}

function DueDates({ h, t }: { h: Handling; t: HandlingText }) {
  if (h.deadlines.length === 0) return null;
  return (
    <>
      <h3>{t.dueDates}</h3>
      <ol class="trail" data-testid="due-dates">
        {h.deadlines.map((d, index) => (
          <li key={index}>
            <strong>{day(d.dueDate)}</strong> — {t.dueKinds[d.kind] ?? d.kind} ({t.countedFrom(dateTime(d.countedFrom))})
            {d.reason && <p class="pre">{d.reason}</p>}
          </li>
        ))}
      </ol>
      {h.waits.length > 0 && (
        <>
          <h3>{t.waits}</h3>
          <ul class="trail">
            {h.waits.map((w, index) => (
              <li key={index}>{`${dateTime(w.startedAt)} → ${dateTime(w.endedAt)}: ${t.waitOutcomes[w.outcome] ?? w.outcome}`}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Handovers({ h, t }: { h: Handling; t: HandlingText }) {
  if (h.handovers.length === 0) return null;
  const who = (unit: string, user: string): string => [user, unit].filter(Boolean).join(" @ ");
  return (
    <>
      <h3>{t.handovers}</h3>
      <ol class="trail" data-testid="handovers">
        {h.handovers.map((x, index) => (
          <li key={index}>
            <time dateTime={x.at}>{dateTime(x.at)}</time> — {t.handoverSteps[x.step] ?? x.step}: {who(x.fromUnit, x.fromUser)}
            {(x.toUnit || x.toUser) && ` → ${who(x.toUnit, x.toUser)}`}
            {x.note && <p class="pre">{x.note}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
