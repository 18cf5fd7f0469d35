/** The queue (/staff/ho-so): the six lists with their counts as tabs, a search and a channel filter, the
 * dossiers as a table with their clock (text and a colour band), "Xem thêm" with the server's cursor. */

import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../i18n";
import { followLink, href } from "../route";
import { LISTS, readQueue, type ListName, type Queue, type QueueItem } from "./api";
import { COUNTER_TEXT, dateTime, day, type CounterText } from "./text";
import "./counter.css";

interface Filter {
  list: ListName;
  q: string;
  channel: string;
}

export function QueuePage({ lang }: { lang: Lang }) {
  const t = COUNTER_TEXT[lang];
  const [filter, setFilter] = useState<Filter>({ list: "to_check", q: "", channel: "" });
  const [typed, setTyped] = useState("");
  const [queue, setQueue] = useState<Queue | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = (after?: string): void => {
    setBusy(true);
    readQueue({ ...filter, after }).then(
      (page) => {
        setFailed(false);
        setQueue((before) => (after && before ? { ...page, items: [...before.items, ...page.items] } : page));
        setBusy(false);
      },
      () => {
        setFailed(true);
        setBusy(false);
      },
    );
  };
  useEffect(() => load(), [filter]);

  return (
    <section class="queue" aria-labelledby="queue-title">
      <h1 id="queue-title" tabIndex={-1}>
        {t.queueTitle}
      </h1>
      <nav class="tabs" aria-label={t.listsLabel}>
        {LISTS.map((list) => (
          <button
            key={list}
            type="button"
            class="tab"
            aria-pressed={filter.list === list}
            onClick={() => setFilter({ ...filter, list })}
          >
            {t.lists[list]} <span class="count">{queue?.counts[list] ?? "…"}</span>
          </button>
        ))}
      </nav>
      <form
        class="queue-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({ ...filter, q: typed });
        }}
      >
        <label>
          {t.search}
          <input type="search" value={typed} aria-describedby="search-hint" onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <label>
          {t.channel}
          <select value={filter.channel} onChange={(e) => setFilter({ ...filter, channel: e.currentTarget.value })}>
            <option value="">{t.anyChannel}</option>
            {Object.entries(t.channels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button">
          {t.find}
        </button>
        <p id="search-hint" class="hint">
          {t.searchHint}
        </p>
      </form>
      {failed && (
        <p role="alert" class="error-box">
          {t.failed}
        </p>
      )}
      <h2 class="visually-hidden">{t.lists[filter.list]}</h2>
      {queue && <Table items={queue.items} t={t} />}
      {queue?.next && (
        <p>
          <button type="button" class="button-secondary" disabled={busy} onClick={() => load(queue.next ?? undefined)}>
            {t.more}
          </button>
        </p>
      )}
    </section>
  );
}

function Table({ items, t }: { items: QueueItem[]; t: CounterText }) {
  if (items.length === 0) return <p role="status">{t.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="queue-table" onClick={followLink}>
        <thead>
          <tr>
            <th scope="col">{t.colCode}</th>
            <th scope="col">{t.colProcedure}</th>
            <th scope="col">{t.colApplicant}</th>
            <th scope="col">{t.colChannel}</th>
            <th scope="col">{t.colArrival}</th>
            <th scope="col">{t.colClock}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code} data-testid="queue-row">
              <td>
                <a href={href.dossier(item.code)}>{item.code}</a>
              </td>
              <td lang="vi">{item.procedure.name}</td>
              <td>{item.applicantName}</td>
              <td>{t.channels[item.channel] ?? item.channel}</td>
              <td>{dateTime(item.submittedAt)}</td>
              <td>
                <Clock item={item} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The time left as words, on a band of the server's colour; "Mở muộn" when it was opened late. */
export function clockText(item: QueueItem, t: CounterText): string {
  if (typeof item.minutesLeft === "number") {
    const late = item.band === "overdue" || item.minutesLeft < 0;
    return late ? t.over(Math.abs(item.minutesLeft)) : t.left(item.minutesLeft);
  }
  return item.appointmentDate ? t.appointment(day(item.appointmentDate)) : "";
}

function Clock({ item, t }: { item: QueueItem; t: CounterText }) {
  return (
    <>
      <span class={`band band-${item.band}`} data-testid="clock">
        {clockText(item, t)}
      </span>
      {item.openedLate && <span class="late">{t.openedLate}</span>}
      {item.checkDueAt && (
        <time class="due" dateTime={item.checkDueAt} data-testid="check-due">
          {t.dueBy(dateTime(item.checkDueAt))}
        </time>
      )}
    </>
  );
}
