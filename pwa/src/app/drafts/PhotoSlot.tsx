/** The photo of one paper of the dossier: take it or pick it, see it small, retake or remove it.
 * Photos are compressed before they are stored, so the phone never keeps a 5 MB original. */

import { useRef, useState } from "preact/hooks";
import type { Photo } from "../../data/db";
import { deletePhoto, putPhoto } from "../../data/drafts";
import { compressPhoto, PhotoError } from "../../data/photos";
import { FieldError } from "../../shared/form/FormField";
import { useObjectUrl } from "../../shared/form/objectUrl";
import type { RequiredDocument } from "../../shared/types";
import type { Lang } from "../i18n";
import { fieldId } from "./steps";
import { formatBytes, type DraftText } from "./text";

interface Props {
  draftId: string;
  doc: RequiredDocument;
  photo: Photo | undefined;
  error: string | null;
  lang: Lang;
  t: DraftText;
  /** A photo was stored or removed: the page reloads the list. */
  onChange: () => void;
}

export function PhotoSlot({ draftId, doc, photo, error, lang, t, onChange }: Props) {
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const url = useObjectUrl(photo?.blob);
  const id = fieldId(`photo.${doc.key}`);

  const store = async (file: File): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      const { blob, width, height } = await compressPhoto(file);
      const addedAt = new Date().toISOString();
      await putPhoto({ draftId, slot: doc.key, blob, type: blob.type, size: blob.size, width, height, addedAt });
      onChange();
    } catch (problem) {
      if (!(problem instanceof PhotoError)) console.error(problem);
      const reason = problem instanceof PhotoError ? problem.reason : null;
      setFailure(reason === "not_image" ? t.notImage : reason === "unreadable" ? t.unreadable : t.photoNotSaved);
    } finally {
      setBusy(false);
    }
  };
  const picked = (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again still counts as a change.
    input.value = "";
    if (file) void store(file);
  };
  const remove = async (): Promise<void> => {
    await deletePhoto(draftId, doc.key);
    onChange();
  };

  return (
    <div class={`photo-slot${error ? " field-invalid" : ""}`}>
      <h3 class="photo-name" lang="vi">
        {doc.name}
      </h3>
      <p class="photo-meta">
        {t.copies(doc.count)} · <strong>{doc.upload === "required" ? t.required : t.notRequired}</strong>
      </p>
      {doc.note && (
        <p class="field-help" lang="vi">
          {doc.note}
        </p>
      )}
      <FieldError id={id} error={error} prefix={t.errorPrefix} />
      <p class="photo-status" role="status">
        {busy ? t.compressing : ""}
      </p>
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      {photo && url && (
        <figure class="photo-figure">
          <img class="photo-thumb" src={url} alt={`${t.photoAlt}: ${doc.name}`} />
          <figcaption>
            {formatBytes(photo.size, lang)} · {photo.width} × {photo.height} px
          </figcaption>
        </figure>
      )}
      <div class="photo-actions">
        <button
          id={id}
          type="button"
          class="button"
          disabled={busy}
          aria-describedby={error ? `${id}-error` : undefined}
          onClick={() => camera.current?.click()}
        >
          {photo ? t.retake : t.takePhoto}
        </button>
        {photo ? (
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => void remove()}>
            {t.remove}
          </button>
        ) : (
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => gallery.current?.click()}>
            {t.choosePhoto}
          </button>
        )}
      </div>
      <input ref={camera} class="photo-camera" type="file" accept="image/*" capture="environment" hidden onChange={picked} />
      <input ref={gallery} class="photo-gallery" type="file" accept="image/*" hidden onChange={picked} />
    </div>
  );
}
