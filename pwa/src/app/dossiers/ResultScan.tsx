/** "Tải bản chụp kết quả" on the dossier's page, once the result was issued with a scan: the file is fetched
 * with the dossier's token (data/resultScan) and saved by the browser; the paper original is still handed back. */

import { useState } from "preact/hooks";
import { ApiError } from "../../data/api";
import type { StoredDossier } from "../../data/db";
import { fetchResultScan } from "../../data/resultScan";
import { formatBytes } from "../drafts/text";
import type { Lang } from "../i18n";

const TEXT = {
  vi: {
    title: "Bản chụp kết quả",
    hint: "Để lưu trên điện thoại; bản chính vẫn được trả tại Bộ phận Một cửa hoặc gửi qua bưu chính.",
    download: "Tải bản chụp kết quả",
    downloading: "Đang tải…",
    offline: "Không có mạng nên chưa tải được. Vui lòng thử lại khi có mạng.",
    failed: "Chưa tải được bản chụp kết quả. Vui lòng thử lại sau.",
  },
  en: {
    title: "Scan of the result",
    hint: "To keep on your phone; the original is still handed back at the one-stop counter or posted.",
    download: "Download the scan of the result",
    downloading: "Downloading…",
    offline: "No connection, so it was not downloaded. Please try again when you are online.",
    failed: "The scan of the result could not be downloaded. Please try again later.",
  },
};

/** Hands a blob to the browser as a download named `name`. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ResultScan({ dossier, lang }: { dossier: StoredDossier; lang: Lang }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scan = dossier.view?.resultScan;
  if (!scan) return null;
  const t = TEXT[lang];
  const download = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { blob, name } = await fetchResultScan(dossier.code, dossier.accessToken);
      save(blob, name);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setError(failure.kind === "network" ? t.offline : (failure.problem?.message[lang] ?? t.failed));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="dossier-notice" aria-labelledby="result-scan-title" data-testid="result-scan">
      <h3 id="result-scan-title">{t.title}</h3>
      <p>{t.hint}</p>
      <p class="dossier-actions">
        <button type="button" class="button" disabled={busy} onClick={() => void download()}>
          {busy ? t.downloading : `${t.download} (${formatBytes(scan.size, lang)})`}
        </button>
      </p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
