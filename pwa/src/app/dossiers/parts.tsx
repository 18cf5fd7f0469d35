/** Pieces shown both for one's own dossier and for public tracking: the key facts and the history. */

import { formatVietnamTime } from "./format";
import { statusLabel, type DossierText } from "./text";

/** Terms and values (code, agency, dates …) as a description list. */
export function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface HistoryEvent {
  at: string;
  status: string;
  /** Absent from public tracking, which shows status and dates only. */
  note?: string;
}

/** Every status change, oldest first, in Vietnam time. */
export function HistoryList({ events, t }: { events: HistoryEvent[]; t: DossierText }) {
  return (
    <ol class="history">
      {events.map((event, index) => (
        <li key={index}>
          <span class="history-when">{formatVietnamTime(event.at)}</span>
          <strong class="history-status">{statusLabel(event.status, t)}</strong>
          {event.note && (
            <span class="history-note" lang="vi">
              {event.note}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
