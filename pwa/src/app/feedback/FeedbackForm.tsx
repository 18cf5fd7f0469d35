/** A new feedback item (phản ánh, kiến nghị) about a procedure or one of the phone's dossiers: kept on the phone
 * at once and sent by the outbox engine, so it works without a connection; then the list of my feedback. */

import { useEffect, useState } from "preact/hooks";
import { getDossier } from "../../data/dossiers";
import { keepFeedback, newToken } from "../../data/feedback";
import type { StoredDossier } from "../../data/db";
import type { Catalogue, FeedbackBody } from "../../shared/types";
import type { Lang } from "../i18n";
import { sendOutbox } from "../outboxRunner";
import { go, href } from "../route";
import { FEEDBACK_TEXT } from "./text";
import "./feedback.css";

const TEXT_MIN = 10;

interface Props {
  about: "procedure" | "dossier";
  code: string;
  catalogue: Catalogue | null;
  lang: Lang;
}

export function FeedbackForm({ about, code, catalogue, lang }: Props) {
  const t = FEEDBACK_TEXT[lang];
  const [dossier, setDossier] = useState<StoredDossier | null | undefined>(undefined);
  const [kind, setKind] = useState<FeedbackBody["kind"]>("report");
  const [unit, setUnit] = useState("");
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [problems, setProblems] = useState<{ unit: boolean; text: boolean }>({ unit: false, text: false });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t.title} — Một cửa`;
    if (about === "dossier") void getDossier(code).then((found) => setDossier(found ?? null));
  }, [about, code, t]);

  const procedure = about === "procedure" ? catalogue?.procedures.find((p) => p.code === code) : undefined;
  const units = procedure && !procedure.competentAgencyCode ? (catalogue?.agencies ?? []).filter((a) => a.receives) : [];
  if (about === "procedure" && !procedure) return <p class="status">{t.noProcedure}</p>;
  if (about === "dossier" && dossier === null) return <p class="status">{t.noDossier}</p>;
  if (about === "dossier" && dossier === undefined) return <p class="status">…</p>;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const found = { unit: units.length > 0 && unit === "", text: text.trim().replace(/\s+/g, " ").length < TEXT_MIN };
    setProblems(found);
    if (found.unit || found.text) return;
    setBusy(true);
    const body: FeedbackBody = { id: crypto.randomUUID(), token: newToken(), kind, text: text.trim() };
    if (dossier) body.dossier = { submissionId: dossier.submissionId, accessToken: dossier.accessToken };
    else body.procedureCode = code;
    if (unit) body.unitCode = unit;
    if (name.trim()) body.contactName = name.trim();
    if (phone.trim()) body.contactPhone = phone.trim();
    await keepFeedback(body, dossier?.code ?? null);
    void sendOutbox("due");
    go(href.feedback(), true);
  };
  return (
    <section class="feedback" data-testid="feedback-form">
      <h2>{t.title}</h2>
      <p>
        {procedure ? t.aboutProcedure : t.aboutDossier} <strong lang="vi">{procedure ? procedure.name[lang] : code}</strong>
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>{t.kind}</legend>
          {(["report", "proposal"] as const).map((value) => (
            <label key={value} class="feedback-choice">
              <input type="radio" name="feedback-kind" value={value} checked={kind === value} onChange={() => setKind(value)} />{" "}
              <strong>{t[value]}</strong>: {t[`${value}Hint`]}
            </label>
          ))}
        </fieldset>
        {units.length > 0 && (
          <>
            <label for="feedback-unit">{t.unit}</label>
            <select id="feedback-unit" value={unit} aria-invalid={problems.unit} onChange={(event) => setUnit(event.currentTarget.value)}>
              <option value="">{t.unitPick}</option>
              {units.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name[lang]}
                </option>
              ))}
            </select>
            {problems.unit && (
              <p class="feedback-error" role="alert">
                {t.unitMissing}
              </p>
            )}
          </>
        )}
        <label for="feedback-text">{t.text}</label>
        <p class="hint" id="feedback-text-hint">
          {t.textHint}
        </p>
        <textarea
          id="feedback-text"
          rows={5}
          maxLength={2000}
          value={text}
          aria-describedby="feedback-text-hint"
          aria-invalid={problems.text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        {problems.text && (
          <p class="feedback-error" role="alert">
            {t.textShort}
          </p>
        )}
        <fieldset>
          <legend>{t.contact}</legend>
          <label for="feedback-name">{t.name}</label>
          <input id="feedback-name" autocomplete="name" maxLength={100} value={name} onInput={(event) => setName(event.currentTarget.value)} />
          <label for="feedback-phone">{t.phone}</label>
          <input id="feedback-phone" type="tel" autocomplete="tel" maxLength={20} value={phone} onInput={(event) => setPhone(event.currentTarget.value)} />
        </fieldset>
        <p class="hint">{t.kept}</p>
        <p class="dossier-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t.send}
          </button>
          <button type="button" class="button button-secondary" onClick={() => history.back()}>
            {t.cancel}
          </button>
        </p>
      </form>
    </section>
  );
}
