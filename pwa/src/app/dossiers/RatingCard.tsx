/** The rating card (Decree 118/2025 Art 29-34) on one phone screen: the overall level, the Art 33 points
 * (time against the appointment, times come back, staff attitude, any cost beyond the published fee) and an
 * optional comment. Kept on the phone and sent by the outbox engine, so it works without a connection. */

import { useState } from "preact/hooks";
import type { RatingAnswers, RatingAttitude, RatingLevel, RatingTimeliness } from "../../shared/types";
import { entries, RatingChoice } from "../../shared/RatingChoice";
import { RATING_QUESTIONS, VISIT_CHOICES } from "../../shared/ratingQuestions";
import type { Lang } from "../i18n";
import { declineRating, keepRating } from "../../data/ratings";
import { sendOutbox } from "../outboxRunner";
import { RATING_STATE_TEXT } from "./ratingText";
import "./rating.css";

const CARD_TEXT = {
  vi: {
    ...RATING_QUESTIONS.vi,
    intro: "Hồ sơ đã trả kết quả. Ông/bà vui lòng cho biết mức độ hài lòng (chỉ mức độ hài lòng là bắt buộc).",
    level: "Mức độ hài lòng",
    later: "Để sau",
    never: "Không đánh giá",
  },
  en: {
    ...RATING_QUESTIONS.en,
    intro: "Your result has been handed back. Please tell us how satisfied you are (only the first question is required).",
    level: "How satisfied are you?",
    later: "Later",
    never: "Don't rate",
  },
};

interface Props {
  code: string;
  lang: Lang;
  onLater: () => void;
}

export function RatingCard({ code, lang, onLater }: Props) {
  const t = { ...RATING_STATE_TEXT[lang], ...CARD_TEXT[lang] };
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [timeliness, setTimeliness] = useState<RatingTimeliness | null>(null);
  const [visits, setVisits] = useState<number | null>(null);
  const [attitude, setAttitude] = useState<RatingAttitude | null>(null);
  const [extraCost, setExtraCost] = useState<boolean | null>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const send = async (event: Event): Promise<void> => {
    event.preventDefault();
    setMissing(level === null);
    if (level === null || busy) return;
    setBusy(true);
    const answers: RatingAnswers = { level, timeliness, visits, attitude, extraCost, comment: comment.trim() };
    // Kept with the dossier first (it survives a reload or an update), then sent by the outbox engine.
    await keepRating(code, answers);
    void sendOutbox("due");
  };
  const decline = (): void => void declineRating(code);
  return (
    <section class="rating-card" aria-labelledby="rating-title" data-testid="rating-card">
      <h3 id="rating-title">{t.title}</h3>
      <p class="rating-intro">{t.intro}</p>
      <form onSubmit={(event) => void send(event)} noValidate>
        <RatingChoice
          prefix="rating"
          name="level"
          legend={t.level}
          options={entries(t.levels)}
          value={level}
          onChoose={(chosen) => {
            setLevel(chosen);
            setMissing(false);
          }}
        />
        {missing && (
          <p class="rating-error" role="alert">
            {t.levelMissing}
          </p>
        )}
        <RatingChoice prefix="rating" name="timeliness" legend={t.timeliness} options={entries(t.timelinesses)} value={timeliness} onChoose={setTimeliness} />
        <RatingChoice prefix="rating" name="visits" legend={t.visits} options={VISIT_CHOICES} value={visits} onChoose={setVisits} />
        <RatingChoice prefix="rating" name="attitude" legend={t.attitude} options={entries(t.attitudes)} value={attitude} onChoose={setAttitude} />
        <RatingChoice prefix="rating" name="extra-cost" legend={t.extraCost} options={[[false, t.no], [true, t.yes]]} value={extraCost} onChoose={setExtraCost} />
        <label class="rating-comment-label" for="rating-comment">
          {t.comment}
        </label>
        <textarea id="rating-comment" class="rating-comment" rows={2} maxLength={1000} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
        <p class="dossier-actions rating-actions">
          <button type="submit" class="button" disabled={busy} data-testid="rating-send">
            {t.send}
          </button>
          <button type="button" class="button button-secondary" onClick={onLater}>
            {t.later}
          </button>
          <button type="button" class="button button-secondary" onClick={decline}>
            {t.never}
          </button>
        </p>
      </form>
    </section>
  );
}
