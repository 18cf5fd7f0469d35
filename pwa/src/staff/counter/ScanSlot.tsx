/** The scan of one paper of the dossier: a file (image or PDF) or a webcam photo, its upload's state and
 * what the server said of it, shown small; replaced or removed before the intake is sent. */

import { useEffect, useRef, useState } from "preact/hooks";
import { fieldId } from "../../shared/form/answers";
import { FieldError } from "../../shared/form/FormField";
import { useObjectUrl } from "../../shared/form/objectUrl";
import type { RequiredDocument } from "../../shared/types";
import type { Lang } from "../i18n";
import { shortName } from "./intake";
import type { Scan } from "./intakeDraft";
import { fileSize, type IntakeText } from "./intakeText";
import { Webcam } from "./Webcam";

const ACCEPTED = "image/jpeg,image/png,application/pdf";

interface Props {
  doc: RequiredDocument;
  scan: Scan | undefined;
  error: string | null;
  camera: boolean;
  busy: boolean;
  onScan: (blob: Blob, name: string) => void;
  onRemove: () => void;
  lang: Lang;
  t: IntakeText;
}

function stateText(scan: Scan, lang: Lang, t: IntakeText): string {
  if (scan.state === "uploading") return t.uploading;
  if (scan.state === "held") return t.uploaded(fileSize(scan.blob.size, lang));
  return scan.state === "waiting" ? t.waiting : "";
}

export function ScanSlot({ doc, scan, error, camera, busy, onScan, onRemove, lang, t }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [webcam, setWebcam] = useState(false);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    // Back from the webcam view: the keyboard goes on from the button that opened it.
    if (opened && !webcam) opener.current?.focus();
  }, [webcam]);
  const url = useObjectUrl(scan?.blob);
  const id = fieldId(`documents.${doc.key}`);
  const name = shortName(doc.name);
  // The server's own reason for a refused scan is the error to fix; a missing one comes from the page.
  const problem = scan?.error && scan.state !== "held" ? scan.error[lang] : error;
  const picked = (e: Event): void => {
    const target = e.currentTarget as HTMLInputElement;
    const file = target.files?.[0];
    target.value = ""; // choosing the same file again still counts as a change
    if (file) onScan(file, file.name);
  };
  return (
    <div class={`scan-slot${problem ? " field-invalid" : ""}`} data-testid="scan-slot" data-slot={doc.key}>
      <h3 id={`${id}-name`} class="scan-name" lang="vi">
        {name}
      </h3>
      <p class="hint">{doc.upload === "required" ? t.required : t.optional}</p>
      <FieldError id={id} error={problem} prefix={t.errorPrefix} />
      <p class="scan-state" role="status">
        {scan ? stateText(scan, lang, t) : ""}
      </p>
      {scan && (
        <figure class="scan-figure">
          {scan.blob.type.startsWith("image/") && url ? (
            <img class="scan-thumb" src={url} alt={t.scanAlt(name)} />
          ) : (
            <span class="scan-file">{t.pdf}</span>
          )}
          <figcaption>{scan.name || t.webcamPhoto}</figcaption>
        </figure>
      )}
      {webcam ? (
        <Webcam
          id={`${id}-webcam`}
          t={t}
          onClose={() => setWebcam(false)}
          onShot={(photo) => {
            setWebcam(false);
            onScan(photo, "");
          }}
        />
      ) : (
        <div class="scan-actions">
          <button
            id={id}
            type="button"
            class="button-secondary"
            disabled={busy}
            aria-describedby={[`${id}-name`, problem ? `${id}-error` : ""].filter(Boolean).join(" ")}
            onClick={() => input.current?.click()}
          >
            {t.chooseFile}
          </button>
          {camera && (
            <button
              ref={opener}
              type="button"
              class="button-secondary"
              disabled={busy}
              aria-describedby={`${id}-name`}
              onClick={() => {
                setOpened(true);
                setWebcam(true);
              }}
            >
              {t.webcam}
            </button>
          )}
          {scan && (
            <button type="button" class="button-secondary" disabled={busy} aria-describedby={`${id}-name`} onClick={onRemove}>
              {t.remove}
            </button>
          )}
        </div>
      )}
      <input ref={input} type="file" accept={ACCEPTED} hidden onChange={picked} />
    </div>
  );
}
