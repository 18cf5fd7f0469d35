/** Kiosk mode (/staff/danh-gia): the counter's tablet facing the citizen (Decree 118/2025 Art 31's rating
 * device), signed in as the officer. Full screen, no staff navigation, nothing personal: it waits, picks up the
 * officer's invitation by polling, asks the phone's questions with big touch targets, records the rating
 * (channel kiosk), thanks the citizen and goes back to waiting. */

import { useEffect, useState } from "preact/hooks";
import type { RatingAnswers, RatingAttitude, RatingLevel, RatingTimeliness } from "../../shared/types";
import { StaffApiError } from "../api";
import type { Lang } from "../i18n";
import { dismissInvitation, readInvitation, sendKioskRating, type Invitation } from "./api";
import { entries, RatingChoice } from "../../shared/RatingChoice";
import { VISIT_CHOICES } from "../../shared/ratingQuestions";
import { KIOSK_TEXT } from "./text";
import "./kiosk.css";

type KioskText = (typeof KIOSK_TEXT)[Lang];
type Screen =
  | { state: "waiting"; offline: boolean }
  | { state: "rating"; invitation: Invitation; ratingId: string }
  | { state: "done"; text: string; hint: string };

const BACK_TO_WAITING_MS = 6000;
const DEFAULT_POLL_SECONDS = 3;

export interface KioskProps {
  /** The tablet's language (the staff app's); each citizen may switch it for their own rating. */
  lang: Lang;
}

export default function KioskPage({ lang: tabletLang }: KioskProps) {
  // A citizen may switch the language for their own rating; the next one starts in the tablet's language again.
  const [lang, setLang] = useState<Lang>(tabletLang);
  const t = KIOSK_TEXT[lang];
  const [screen, setScreen] = useState<Screen>({ state: "waiting", offline: false });
  const wait = (): void => {
    setLang(tabletLang);
    setScreen({ state: "waiting", offline: false });
  };
  useEffect(() => {
    document.title = t.title;
  }, [t]);

  useEffect(() => {
    if (screen.state !== "waiting") return;
    let timer = 0;
    let stopped = false;
    const poll = (): void => {
      readInvitation().then(
        ({ invitation, pollSeconds }) => {
          if (stopped) return;
          if (!invitation) {
            if (screen.offline) setScreen({ state: "waiting", offline: false });
            timer = window.setTimeout(poll, pollSeconds * 1000);
          } else if (invitation.ratedVia) {
            void dismissInvitation().catch(() => undefined);
            setScreen({ state: "done", text: t.already[invitation.ratedVia], hint: "" });
          } else {
            setScreen({ state: "rating", invitation, ratingId: crypto.randomUUID() });
          }
        },
        () => {
          if (stopped) return;
          setScreen({ state: "waiting", offline: true });
          timer = window.setTimeout(poll, DEFAULT_POLL_SECONDS * 1000);
        },
      );
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [screen.state, screen.state === "waiting" && screen.offline]);

  useEffect(() => {
    if (screen.state !== "done") return;
    const timer = window.setTimeout(wait, BACK_TO_WAITING_MS);
    return () => window.clearTimeout(timer);
  }, [screen]);

  return (
    <div class="kiosk" lang={lang}>
      <header class="kiosk-top">
        <p class="kiosk-brand">{t.title}</p>
        <button type="button" class="kiosk-language" lang={lang === "vi" ? "en" : "vi"} onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
          {t.language}
        </button>
      </header>
      {screen.state === "waiting" && (
        <section class="kiosk-centre" data-testid="kiosk-waiting">
          <h1>{t.waiting}</h1>
          <p>{t.waitingHint}</p>
          {screen.offline && <p role="status" class="kiosk-offline">{t.offline}</p>}
        </section>
      )}
      {screen.state === "rating" && (
        <RatingForm
          key={screen.ratingId}
          invitation={screen.invitation}
          ratingId={screen.ratingId}
          lang={lang}
          t={t}
          onDone={(text, hint) => setScreen({ state: "done", text, hint })}
          onLeave={wait}
        />
      )}
      {screen.state === "done" && (
        <section class="kiosk-centre" role="status" data-testid="kiosk-done">
          <h1>{screen.text}</h1>
          {screen.hint && <p>{screen.hint}</p>}
        </section>
      )}
    </div>
  );
}

interface FormProps {
  invitation: Invitation;
  ratingId: string;
  lang: Lang;
  t: KioskText;
  onDone: (text: string, hint: string) => void;
  onLeave: () => void;
}

function RatingForm({ invitation, ratingId, lang, t, onDone, onLeave }: FormProps) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [timeliness, setTimeliness] = useState<RatingTimeliness | null>(null);
  const [visits, setVisits] = useState<number | null>(null);
  const [attitude, setAttitude] = useState<RatingAttitude | null>(null);
  const [extraCost, setExtraCost] = useState<boolean | null>(null);
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  // A citizen who walks away leaves nothing for the next one: the screen ends with the invitation.
  useEffect(() => {
    const lasts = Date.parse(invitation.expiresAt) - Date.parse(invitation.invitedAt);
    const timer = window.setTimeout(onLeave, Math.max(lasts, 0));
    return () => window.clearTimeout(timer);
  }, [invitation]);

  const send = (event: Event): void => {
    event.preventDefault();
    if (level === null) {
      setProblem(t.levelMissing);
      return;
    }
    if (busy) return;
    setBusy(true);
    setProblem("");
    const answers: RatingAnswers = { level, timeliness, visits, attitude, extraCost, comment: comment.trim() };
    // The same id on a retry: a rating kept once is answered again, never kept twice.
    sendKioskRating(invitation.code, ratingId, answers).then(
      () => onDone(t.thanks, t.thanksHint),
      (error: unknown) => {
        setBusy(false);
        if (error instanceof StaffApiError && error.code === "already_rated") onDone(t.alreadyRated, "");
        else if (error instanceof StaffApiError && error.status === 409) onDone(error.messages?.[lang] ?? t.failed, "");
        else setProblem(error instanceof StaffApiError && error.status === 422 && error.messages ? error.messages[lang] : t.failed);
      },
    );
  };
  const chooseLevel = (chosen: RatingLevel): void => {
    setLevel(chosen);
    setProblem("");
  };
  const skip = (): void => {
    void dismissInvitation().catch(() => undefined);
    onLeave();
  };

  return (
    <form class="kiosk-form" onSubmit={send} noValidate data-testid="kiosk-form">
      <p class="kiosk-dossier">
        <span>{`${t.dossier} ${invitation.code}`}</span>
        <strong>{invitation.procedureName[lang]}</strong>
      </p>
      <div class="kiosk-columns">
        <div>
          <RatingChoice prefix="kiosk" name="level" legend={t.level} options={entries(t.levels)} value={level} onChoose={chooseLevel} extraClass="kiosk-levels" />
          {problem && (
            <p role="alert" class="kiosk-problem">
              {problem}
            </p>
          )}
        </div>
        <div class="kiosk-points">
          <p class="kiosk-optional">{t.optional}</p>
          <RatingChoice prefix="kiosk" name="timeliness" legend={t.timeliness} options={entries(t.timelinesses)} value={timeliness} onChoose={setTimeliness} />
          <RatingChoice prefix="kiosk" name="visits" legend={t.visits} options={VISIT_CHOICES} value={visits} onChoose={setVisits} />
          <RatingChoice prefix="kiosk" name="attitude" legend={t.attitude} options={entries(t.attitudes)} value={attitude} onChoose={setAttitude} />
          <RatingChoice prefix="kiosk" name="extra-cost" legend={t.extraCost} options={[[false, t.no], [true, t.yes]]} value={extraCost} onChoose={setExtraCost} />
          <label class="kiosk-comment">
            <span>{t.comment}</span>
            <textarea rows={2} maxLength={1000} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
          </label>
        </div>
      </div>
      <p class="kiosk-actions">
        <button type="submit" class="kiosk-send" disabled={busy} data-testid="kiosk-send">
          {busy ? t.sending : t.send}
        </button>
        <button type="button" class="kiosk-skip" onClick={skip}>
          {t.skip}
        </button>
      </p>
    </form>
  );
}
