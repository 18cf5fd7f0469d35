/** Correcting a dossier sent back (#/da-nop/<code>/sua): only the fields and photos the officer asked for,
 * with the draft's own field and photo components; saved on the phone at once (offline too), then "Gửi lại". */

import { useEffect, useRef, useState } from "preact/hooks";
import { openCorrectionDraft } from "../../data/corrections";
import type { Draft, Photo } from "../../data/db";
import { listPhotos, saveAnswers } from "../../data/drafts";
import type { Catalogue, CorrectionItem, Procedure } from "../../shared/types";
import { FormField } from "../../shared/form/FormField";
import { PhotoSlot } from "../drafts/PhotoSlot";
import { sectionProblems, withAnswer } from "../drafts/steps";
import { DRAFT_TEXT } from "../drafts/text";
import type { Lang } from "../i18n";
import { submitCorrection } from "../outboxRunner";
import { go, href } from "../route";
import { CORRECTION_TEXT, type CorrectionText } from "./correctionText";
import { useMyDossiers } from "./useMyDossiers";
import "../../shared/form/forms.css";
import "../drafts/drafts.css";
import "./dossiers.css";

interface Props {
  code: string;
  catalogue: Catalogue;
  lang: Lang;
  online: boolean;
}

/** The dossier's correction draft and its photos, made on first opening from the stored view. */
function useCorrectionDraft(code: string, online: boolean) {
  const state = useMyDossiers(online);
  const dossier = state.dossiers?.find((d) => d.code === code);
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const opened = useRef(false);
  // Opened from a notice, the phone's copy may predate the request: look again once the refresh brings it.
  useEffect(() => {
    if (state.dossiers === null || opened.current) return;
    if (!dossier) return setDraft(null);
    void openCorrectionDraft(dossier).then(async (found) => {
      if (opened.current) return;
      opened.current = found !== null;
      setDraft(found);
      if (found) setPhotos(await listPhotos(found.id));
    });
  }, [state.dossiers]);
  const reloadPhotos = (): void => {
    if (draft) void listPhotos(draft.id).then(setPhotos);
  };
  return { draft, setDraft, photos, reloadPhotos };
}

/** What still stops "Gửi lại": a requested field with a problem, a requested photo not retaken. */
function problems(items: CorrectionItem[], procedure: Procedure, draft: Draft, photos: Photo[], c: CorrectionText, lang: Lang) {
  const found = new Map<string, string>();
  for (const item of items) {
    if (item.kind === "field") {
      const problem = sectionProblems(procedure, draft.answers, item.path.split(".")[0] ?? "").find((p) => p.path === item.path);
      if (problem) found.set(item.path, problem.message[lang]);
    } else if (!photos.some((photo) => photo.slot === item.slot)) {
      found.set(`documents.${item.slot}`, c.photoNeeded.replace("{name}", item.label));
    }
  }
  return found;
}

export function CorrectionPage({ code, catalogue, lang, online }: Props) {
  const c = CORRECTION_TEXT[lang];
  const t = DRAFT_TEXT[lang];
  const { draft, setDraft, photos, reloadPhotos } = useCorrectionDraft(code, online);
  const [checked, setChecked] = useState(false);
  const [failed, setFailed] = useState(false);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    document.title = `${c.pageTitle} — ${code}`;
  }, [c, code]);

  if (draft === undefined) return <p class="status" role="status">…</p>;
  const procedure = catalogue.procedures.find((p) => p.code === draft?.procedureCode);
  const correction = draft?.correction;
  if (!draft || !correction || !procedure) {
    return (
      <section class="dossier">
        <p role="alert">{c.notAsked}</p>
        <a href={href.dossier(code)}>{c.back}</a>
      </section>
    );
  }
  if (draft.submittedAs) {
    return (
      <section class="dossier">
        <h2>{c.queued}</h2>
        <p>{c.queuedHint}</p>
        <a href={href.submitted()}>{c.back}</a>
      </section>
    );
  }
  const found = problems(correction.items, procedure, draft, photos, c, lang);
  const answer = (path: string, value: unknown): void => {
    const [section = "", field = ""] = path.split(".");
    const next = { ...draft, answers: withAnswer(draft.answers, section, field, value) };
    setDraft(next);
    writes.current = writes.current.then(() => saveAnswers(draft.id, next.answers)).catch((error: unknown) => {
      console.error(error);
      setFailed(true);
    });
  };
  const send = async (): Promise<void> => {
    setChecked(true);
    if (found.size > 0) return;
    try {
      await writes.current;
      await submitCorrection(draft.id);
      go(href.dossier(code));
    } catch (error) {
      console.error("correction not queued", error);
      setFailed(true);
    }
  };
  return (
    <section class="dossier draft">
      <p class="dossier-back">
        <a href={href.dossier(code)}>
          <span aria-hidden="true">← </span>
          {c.back}
        </a>
      </p>
      <h2>{c.pageTitle}</h2>
      <p>{c.pageIntro}</p>
      {checked && found.size > 0 && <p role="alert" class="field-error">{c.fixFirst}</p>}
      {correction.items.map((item) => (
        <div class="correction-item" key={item.kind === "field" ? item.path : item.slot} data-testid="correction-item">
          {item.note && (
            <p class="dossier-hint">
              {c.note}: <span lang="vi">{item.note}</span>
            </p>
          )}
          <Item item={item} procedure={procedure} draft={draft} photos={photos} lang={lang} t={t} c={c}
            error={checked ? (found.get(item.kind === "field" ? item.path : `documents.${item.slot}`) ?? null) : null}
            onAnswer={answer} onPhotos={reloadPhotos} />
        </div>
      ))}
      {failed && <p role="alert">{c.failed}</p>}
      <div class="dossier-actions">
        <button type="button" class="button" data-testid="send-correction" onClick={() => void send()}>
          {c.send}
        </button>
      </div>
    </section>
  );
}

interface ItemProps {
  item: CorrectionItem;
  procedure: Procedure;
  draft: Draft;
  photos: Photo[];
  error: string | null;
  lang: Lang;
  t: (typeof DRAFT_TEXT)["vi"];
  c: CorrectionText;
  onAnswer: (path: string, value: unknown) => void;
  onPhotos: () => void;
}

function Item({ item, procedure, draft, photos, error, lang, t, c, onAnswer, onPhotos }: ItemProps) {
  if (item.kind === "document") {
    const doc = procedure.documents.find((d) => d.key === item.slot);
    if (!doc) return null;
    return (
      <>
        <p>{c.retakeHint}</p>
        <PhotoSlot draftId={draft.id} doc={doc} photo={photos.find((p) => p.slot === item.slot)} error={error} lang={lang} t={t} onChange={onPhotos} />
      </>
    );
  }
  const [section = "", key = ""] = item.path.split(".");
  const field = procedure.form.ui.sections.find((s) => s.key === section)?.fields.find((f) => f.key === key);
  const schema = procedure.form.schema.properties[section]?.properties[key];
  if (!field || !schema) return null;
  return (
    <FormField path={item.path} field={field} schema={schema} value={draft.answers[section]?.[key]} error={error} lang={lang} t={t}
      onChange={(value) => onAnswer(item.path, value)} />
  );
}
