/** "Hồ sơ đang soạn": every draft on this phone, newest first, to reopen or discard, and how much the
 * phone keeps for the app (a shared or full phone is where drafts get lost). */

import { useEffect, useRef, useState } from "preact/hooks";
import type { Draft } from "../../data/db";
import { deleteDraft, listDrafts, listPhotos } from "../../data/drafts";
import { requestPersistence, storageInfo, type StorageInfo } from "../../data/storage";
import type { Catalogue } from "../../shared/types";
import type { Lang } from "../i18n";
import { href } from "../route";
import { agenciesFor, draftProblems, progress, stepsFor } from "./steps";
import { DRAFT_TEXT, formatBytes, formatStamp, type DraftText } from "./text";
import "../../shared/form/forms.css";
import "./drafts.css";

interface Props {
  catalogue: Catalogue | null;
  lang: Lang;
}

interface Entry {
  draft: Draft;
  photoCount: number;
  /** Null when the catalogue (or the procedure) is not on the phone: progress cannot be judged. */
  progress: { done: number; total: number } | null;
}

async function loadEntries(catalogue: Catalogue | null): Promise<Entry[]> {
  const drafts = await listDrafts();
  return Promise.all(
    drafts.map(async (draft) => {
      const photos = await listPhotos(draft.id);
      const procedure = catalogue?.procedures.find((p) => p.code === draft.procedureCode);
      if (!catalogue || !procedure) return { draft, photoCount: photos.length, progress: null };
      const agencies = agenciesFor(procedure, catalogue);
      const problems = draftProblems(procedure, draft, photos, agencies);
      return { draft, photoCount: photos.length, progress: progress(stepsFor(procedure, agencies), problems) };
    }),
  );
}

export function DraftsPage({ catalogue, lang }: Props) {
  const t = DRAFT_TEXT[lang];
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const reload = (): void => void loadEntries(catalogue).then(setEntries);

  useEffect(reload, [catalogue]);
  useEffect(() => {
    document.title = `${t.draftsTitle} — Một cửa`;
  }, [t]);

  return (
    <section class="drafts">
      <h2>{t.draftsTitle}</h2>
      {entries === null && (
        <p class="status" role="status">
          {t.loading}
        </p>
      )}
      {entries?.length === 0 && (
        <div class="drafts-empty">
          <p>{t.empty}</p>
          <a class="button" href={href.search()}>
            {t.emptyLink}
          </a>
        </div>
      )}
      {entries && entries.length > 0 && (
        <ul class="drafts-list">
          {entries.map((entry) => (
            <DraftItem key={entry.draft.id} entry={entry} catalogue={catalogue} lang={lang} t={t} onDeleted={reload} />
          ))}
        </ul>
      )}
      <StorageBox entries={entries} lang={lang} t={t} />
    </section>
  );
}

interface ItemProps {
  entry: Entry;
  catalogue: Catalogue | null;
  lang: Lang;
  t: DraftText;
  onDeleted: () => void;
}

function DraftItem({ entry: { draft, photoCount, progress: done }, catalogue, lang, t, onDeleted }: ItemProps) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  // The "Xóa" button just vanished: put the focus on the safe choice, not on the page's top.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  const procedure = catalogue?.procedures.find((p) => p.code === draft.procedureCode);
  const agency = catalogue?.agencies.find((a) => a.code === draft.agencyCode);
  const remove = async (): Promise<void> => {
    await deleteDraft(draft.id);
    onDeleted();
  };
  const name = procedure ? procedure.name[lang] : t.procedureCode(draft.procedureCode);
  // Submitted: it belongs to the outbox now, shown there; it can be neither edited nor deleted here.
  if (draft.submittedAs) {
    return (
      <li class="draft-item draft-item-submitted">
        <a class="draft-item-name" href={href.submitted()}>
          {name}
        </a>
        <span class="draft-item-meta">
          <strong>{t.waitingToSend}</strong>
        </span>
      </li>
    );
  }
  return (
    <li class="draft-item">
      <a class="draft-item-name" href={href.draft(draft.id)}>
        {name}
      </a>
      {agency && <span class="draft-item-meta">{agency.name[lang]}</span>}
      <span class="draft-item-meta">{t.lastEdited(formatStamp(draft.updatedAt))}</span>
      <span class="draft-item-meta">
        {t.photoCount(photoCount)}
        {done && ` · ${t.stepsDone(done.done, done.total)}`}
      </span>
      {confirming ? (
        <div class="draft-confirm" role="alert">
          <p>{t.confirmDelete}</p>
          <div class="draft-actions">
            <button type="button" class="button button-danger" onClick={() => void remove()}>
              {t.remove}
            </button>
            <button ref={cancel} type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div class="draft-actions">
          <button type="button" class="button button-secondary" onClick={() => setConfirming(true)}>
            {t.remove}
          </button>
        </div>
      )}
    </li>
  );
}

function StorageBox({ entries, lang, t }: { entries: Entry[] | null; lang: Lang; t: DraftText }) {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [refused, setRefused] = useState(false);
  // Measured again whenever the list changes: a deleted draft frees its photos' space.
  useEffect(() => void storageInfo().then(setInfo), [entries]);
  const persist = async (): Promise<void> => {
    const granted = await requestPersistence();
    setRefused(!granted);
    setInfo(await storageInfo());
  };
  if (!info) return null;
  return (
    <section class="storage" aria-labelledby="storage-title">
      <h3 id="storage-title">{t.storageTitle}</h3>
      <p>
        {info.usage !== null && info.quota !== null
          ? t.storageUsed(formatBytes(info.usage, lang), formatBytes(info.quota, lang))
          : t.storageUnknown}
      </p>
      <p>{info.persisted ? t.persisted : t.notPersisted}</p>
      {!info.persisted && (
        <>
          <button type="button" class="button button-secondary" onClick={() => void persist()}>
            {t.persist}
          </button>
          <p class="field-help">{t.persistHint}</p>
          {refused && (
            <p class="field-error" role="status">
              {t.persistRefused}
            </p>
          )}
        </>
      )}
    </section>
  );
}
