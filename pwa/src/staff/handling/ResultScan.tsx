/** The result's scan (issue 15: "a scan of the result"): chosen while issuing the result, uploaded at once under
 * its SHA-256 (the server checks it is a real PDF, JPEG or PNG of at most 5 MB), then named by the result step;
 * on the dossier's page, the scan kept with the result, to open or download. */

import { sha256Hex } from "../../shared/sha256";
import { call } from "../api";
import { fileSize } from "../counter/intakeText";
import type { Lang } from "../i18n";
import { MESSAGES } from "../i18n";
import { errorText } from "../problem";
import type { Handling } from "./api";

export const MAX_SCAN_BYTES = 5 * 1024 * 1024; // backend/dossiers/files.py MAX_FILE_BYTES
const ACCEPTED = "image/jpeg,image/png,application/pdf";

export type ScanState = { state: "none" } | { state: "uploading" } | { state: "held"; sha256: string; size: number } | { state: "failed"; message: string };

const TEXT = {
  vi: {
    label: "Bản quét kết quả (không bắt buộc)",
    hint: "Tệp PDF hoặc ảnh JPEG, PNG, tối đa 5 MB. Không có bản quét: ghi rõ bản giấy đã sẵn sàng.",
    uploading: "Đang tải lên…",
    held: (size: string) => `Đã tải lên (${size}).`,
    tooBig: "Tệp quá lớn: tối đa 5 MB.",
    kept: "Bản quét kết quả",
  },
  en: {
    label: "Scan of the result (optional)",
    hint: "A PDF, JPEG or PNG file, at most 5 MB. Without a scan, say that the paper result is ready.",
    uploading: "Uploading…",
    held: (size: string) => `Uploaded (${size}).`,
    tooBig: "The file is too large: at most 5 MB.",
    kept: "Scan of the result",
  },
};

const putResultScan = (sha256: string, blob: Blob): Promise<unknown> => call("PUT", `/result-scans/${sha256}`, blob);

export function ResultScanField({ lang, scan, onScan }: { lang: Lang; scan: ScanState; onScan: (scan: ScanState) => void }) {
  const t = TEXT[lang];
  const picked = (event: Event): void => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return onScan({ state: "none" });
    if (file.size > MAX_SCAN_BYTES) return onScan({ state: "failed", message: t.tooBig });
    onScan({ state: "uploading" });
    sha256Hex(file)
      .then((sha256) => putResultScan(sha256, file).then(() => onScan({ state: "held", sha256, size: file.size })))
      .catch((error: unknown) => onScan({ state: "failed", message: errorText(error, MESSAGES[lang], lang) }));
  };
  return (
    <div class="result-scan">
      <label for="step-scan">{t.label}</label>
      <input id="step-scan" type="file" accept={ACCEPTED} aria-describedby="step-scan-hint step-scan-state" onChange={picked} />
      <p id="step-scan-hint" class="hint">
        {t.hint}
      </p>
      <p id="step-scan-state" role="status" class={scan.state === "failed" ? "field-error" : "hint"}>
        {scan.state === "uploading" && t.uploading}
        {scan.state === "held" && t.held(fileSize(scan.size, lang))}
        {scan.state === "failed" && scan.message}
      </p>
    </div>
  );
}

/** The scan kept with the result, on the dossier's page: it opens in a new tab (the server names the file). */
export function ResultScanLink({ handling, lang }: { handling: Handling; lang: Lang }) {
  if (!handling.resultScan) return null;
  return (
    <p class="card">
      <a href={handling.resultScan.url} target="_blank" rel="noopener" data-testid="result-scan">
        {`${TEXT[lang].kept} (${fileSize(handling.resultScan.size, lang)})`}
      </a>
    </p>
  );
}
