/** The form of a request to stop handling (Art 21): the reason, then a confirmation; the request is kept on
 * the phone and sent by the outbox engine, so it works without a connection. */

import { useState } from "preact/hooks";
import type { Lang } from "../i18n";
import { requestStop } from "../outboxRunner";
import { STOP_TEXT } from "./stopText";

const DIALOG_TEXT = {
  vi: {
    explain: "Nếu không cần giải quyết hồ sơ này nữa, ông/bà có thể xin dừng. Bộ phận Một cửa sẽ xác nhận và gửi Thông báo dừng giải quyết hồ sơ. Muốn làm lại thủ tục, ông/bà phải nộp hồ sơ mới.",
    reason: "Lý do xin dừng",
    reasonHint: "Ví dụ: Tôi không cần giấy này nữa.",
    reasonMissing: "Vui lòng ghi lý do xin dừng.",
    next: "Tiếp tục",
    confirm: (code: string) => `Ông/bà chắc chắn muốn xin dừng giải quyết hồ sơ ${code}?`,
    confirmYes: "Xin dừng",
    back: "Quay lại",
    cancel: "Không xin dừng",
  },
  en: {
    explain: "If you no longer need this dossier handled, you can ask to stop. The one-stop counter will confirm and send you a notice that handling has stopped. To do the procedure later, you will need to submit a new dossier.",
    reason: "Why you want to stop",
    reasonHint: "For example: I no longer need this certificate.",
    reasonMissing: "Please say why you want to stop.",
    next: "Continue",
    confirm: (code: string) => `Are you sure you want to ask to stop handling dossier ${code}?`,
    confirmYes: "Ask to stop",
    back: "Back",
    cancel: "Do not ask",
  },
};

interface Props {
  code: string;
  lang: Lang;
  onDone: () => void;
}

export function StopDialog({ code, lang, onDone }: Props) {
  const s = { ...STOP_TEXT[lang], ...DIALOG_TEXT[lang] };
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = (event: Event): void => {
    event.preventDefault();
    const empty = reason.trim() === "";
    setMissing(empty);
    if (!empty) setConfirming(true);
  };
  const send = async (): Promise<void> => {
    setBusy(true);
    try {
      await requestStop(code, reason.trim());
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <section class="dossier-notice" aria-labelledby="stop-dialog-title" data-testid="stop-dialog">
      <h3 id="stop-dialog-title">{s.title}</h3>
      {!confirming ? (
        <form onSubmit={next} noValidate>
          <p>{s.explain}</p>
          <label for="stop-reason">{s.reason}</label>
          <p class="hint" id="stop-reason-hint">
            {s.reasonHint}
          </p>
          <textarea
            id="stop-reason"
            class="stop-reason"
            rows={3}
            maxLength={1000}
            value={reason}
            aria-describedby="stop-reason-hint"
            aria-invalid={missing}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          {missing && (
            <p class="stop-error" role="alert">
              {s.reasonMissing}
            </p>
          )}
          <p class="dossier-actions">
            <button type="submit" class="button">
              {s.next}
            </button>
            <button type="button" class="button button-secondary" onClick={onDone}>
              {s.cancel}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p>{s.confirm(code)}</p>
          <p>
            {s.yourReason} <span lang="vi">{reason.trim()}</span>
          </p>
          <p class="dossier-actions">
            <button type="button" class="button" disabled={busy} onClick={() => void send()}>
              {s.confirmYes}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
              {s.back}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
