/** The units' results (#/cong-khai), public: pick a period, read the province's total, then the province's
 * own dossiers and each agency and commune by name. The last answer of each period is kept on the phone
 * (data/statistics), so the page reads offline, saying when it was last updated. */

import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../data/api";
import { CHOICES, refreshStatistics, storedStatistics, type Choice, type StoredStatistics } from "../../data/statistics";
import type { PublicFigures, PublicUnit } from "../../shared/types";
import { formatTime, type Lang } from "../i18n";
import { TRANSPARENCY_TEXT, type TransparencyText } from "./text";
import "./transparency.css";

interface Figures {
  stored: StoredStatistics | null;
  loaded: boolean;
  /** Why the server's answer is not shown: no connection, or the server failed. */
  failure: "offline" | "failed" | null;
}

function useFigures(choice: Choice, online: boolean): Figures {
  const [state, setState] = useState<Figures>({ stored: null, loaded: false, failure: null });
  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await storedStatistics(choice);
      if (!live) return;
      setState({ stored, loaded: !online, failure: online ? null : "offline" });
      if (!online) return;
      try {
        const fresh = await refreshStatistics(choice, stored);
        if (live) setState({ stored: fresh, loaded: true, failure: null });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (live) setState({ stored, loaded: true, failure: error.kind === "network" ? "offline" : "failed" });
      }
    })();
    return () => {
      live = false;
    };
  }, [choice, online]);
  return state;
}

export function TransparencyPage({ lang, online }: { lang: Lang; online: boolean }) {
  const t = TRANSPARENCY_TEXT[lang];
  const [choice, setChoice] = useState<Choice>("month");
  const { stored, loaded, failure } = useFigures(choice, online);
  useEffect(() => {
    document.title = t.title;
  }, [t]);
  const statistics = stored?.statistics;
  return (
    <section class="transparency" aria-labelledby="transparency-title">
      <h2 id="transparency-title">{t.title}</h2>
      <p class="dossier-hint">{t.intro}</p>
      <fieldset class="transparency-choices">
        <legend>{t.period}</legend>
        {CHOICES.map((c) => (
          <label key={c}>
            <input type="radio" name="period" value={c} checked={c === choice} onChange={() => setChoice(c)} />
            {t.choices[c]}
          </label>
        ))}
      </fieldset>
      {failure && (
        <p class="transparency-notice" role="status">
          {failure === "offline" ? (stored ? t.offline : t.offlineNothing) : stored ? t.failed : t.failedNothing}
        </p>
      )}
      {!stored && !loaded && (
        <p class="status" role="status">
          {t.loading}
        </p>
      )}
      {stored && statistics && (
        <>
          <p class="transparency-period" data-testid="transparency-period">
            {t.from(day(statistics.period.firstDay), day(statistics.period.lastDay))}
          </p>
          <p class="dossier-hint">{t.updatedAt(formatTime(stored.fetchedAt))}</p>
          <UnitCard t={t} lang={lang} name={t.total} note={lang === "vi" ? statistics.nameVi : statistics.nameEn} figures={statistics.total} />
          {ordered(statistics.units, lang).map((unit) => (
            <UnitCard
              key={unit.unit}
              t={t}
              lang={lang}
              name={lang === "vi" ? unit.nameVi : unit.nameEn}
              note={unit.kind === "province" ? t.own : null}
              figures={unit.figures}
              unit={unit}
            />
          ))}
        </>
      )}
    </section>
  );
}

/** The province's own first, then every other unit by name, as the language sorts it. */
function ordered(units: PublicUnit[], lang: Lang): PublicUnit[] {
  const collator = new Intl.Collator(lang);
  const name = (u: PublicUnit): string => (lang === "vi" ? u.nameVi : u.nameEn);
  return [...units].sort((a, b) => Number(b.kind === "province") - Number(a.kind === "province") || collator.compare(name(a), name(b)));
}

/** "15/10/2026" from "2026-10-15". */
function day(iso: string): string {
  return iso.split("-").reverse().join("/");
}

interface CardProps {
  t: TransparencyText;
  lang: Lang;
  name: string;
  note: string | null;
  figures: PublicFigures;
  unit?: PublicUnit;
}

function UnitCard({ t, lang, name, note, figures: f, unit }: CardProps) {
  const n = (value: number): string => value.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB");
  const rows: [string, string, string | null][] = [
    [t.received, n(f.received), t.receivedParts(n(f.receivedOnline), n(f.receivedInPerson), n(f.carriedOver))],
    [t.resolved, n(f.resolved), t.resolvedParts(n(f.resolvedEarly), n(f.resolvedOnTime), n(f.resolvedLate))],
    [t.inProgress, n(f.inProgress), t.inProgressParts(n(f.inProgressWithin), n(f.inProgressOverdue))],
    [t.returned, n(f.returnedOrWithdrawn), null],
    [t.apologies, n(f.apologies), null],
  ];
  if (unit) {
    rows.push(
      [t.onTime, percent(unit.onTimeShare, lang, t), null],
      [t.online, percent(unit.onlineShare, lang, t), null],
      [t.scanned, percent(unit.scannedShare, lang, t), null],
      [t.satisfied, percent(unit.satisfiedShare, lang, t), null],
    );
  } else {
    rows.push([t.satisfied, percent(f.satisfactionRate, lang, t), null]);
  }
  return (
    <article class="transparency-unit" data-testid="transparency-unit" data-unit={unit?.unit ?? "total"}>
      <h3>{name}</h3>
      {note && <p class="transparency-note">{note}</p>}
      <dl>
        {rows.map(([term, value, parts]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>
              <strong>{value}</strong>
            </dd>
            {parts && <dd class="transparency-parts">{parts}</dd>}
          </div>
        ))}
      </dl>
    </article>
  );
}

/** "66,7%" (vi-VN) or "66.7%" from 66.7; a dash when there is nothing to share yet. */
function percent(value: number | null, lang: Lang, t: TransparencyText): string {
  if (value === null) return t.none;
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}
