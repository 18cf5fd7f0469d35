/** The queue (/staff/ho-so): the six lists with their counts as tabs, a search and the filters (kept in the
 * page's query string), the dossiers as a table with their clock (text and a colour band), "Xem thêm" with
 * the server's cursor. */

import { useEffect, useState } from "preact/hooks";
import { StaffApiError } from "../api";
import type { Lang } from "../i18n";
import { followLink, href } from "../route";
import { listsOf, readChoices, readQueue, type Queue, type QueueChoices, type QueueItem } from "./api";
import { FILTER_TEXT } from "./filterText";
import { QueueFilters } from "./QueueFilters";
import { filterParams, onList, readFilter, type QueueFilter } from "./queueQuery";
import { COUNTER_TEXT, dateTime, day, type CounterText } from "./text";
import "./counter.css";

export function QueuePage({ lang, me, role }: { lang: Lang; me: string; role: string }) {
  const t = COUNTER_TEXT[lang];
  const lists = listsOf(role);
  const [filter, setFilter] = useState<QueueFilter>(() => readFilter(location.search, lists));
  const [typed, setTyped] = useState(filter.q);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [choices, setChoices] = useState<QueueChoices | null>(null);
  const [choicesFailed, setChoicesFailed] = useState(false);
  const [failed, setFailed] = useState<StaffApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = (after?: string): void => {
    setBusy(true);
    readQueue(filter.list, filterParams(filter, lists[0]), after).then(
      (page) => {
        setFailed(null);
        setQueue((before) => (after && before ? { ...page, items: [...before.items, ...page.items] } : page));
        setBusy(false);
      },
      (error: unknown) => {
        setFailed(error instanceof StaffApiError ? error : new StaffApiError(0, "network", null));
        if (!after) setQueue(null); // no list under filters the server refused
        setBusy(false);
      },
    );
  };
  useEffect(() => {
    // The address says what is shown: a reload, the back button or a shared link finds the same list.
    const query = filterParams(filter, lists[0]).toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}`);
    setTyped(filter.q);
    load();
  }, [filter]);
  useEffect(() => {
    readChoices().then(setChoices, () => setChoicesFailed(true));
  }, []);

  return (
    <section class="queue" aria-labelledby="queue-title">
      <h1 id="queue-title" tabIndex={-1}>
        {t.queueTitle}
      </h1>
      <nav class="tabs" aria-label={t.listsLabel}>
        {lists.map((list) => (
          <button
            key={list}
            type="button"
            class="tab"
            aria-pressed={filter.list === list}
            onClick={() => setFilter(onList(filter, list))}
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
          setFilter({ ...filter, q: typed.trim() });
        }}
      >
        <label>
          {t.search}
          <input type="search" value={typed} aria-describedby="search-hint" onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          {t.find}
        </button>
        <p id="search-hint" class="hint">
          {t.searchHint}
        </p>
      </form>
      <QueueFilters filter={filter} choices={choices} me={me} lang={lang} onChange={setFilter} />
      {choicesFailed && <p class="error-box">{FILTER_TEXT[lang].choicesFailed}</p>}
      {failed && (
        <p role="alert" class="error-box">
          {failed.messages?.[lang] ?? t.failed}
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
                {item.lateWithoutApology && (
                  <span class="late" data-testid="late-flag">
                    {t.lateWithoutApology}
                  </span>
                )}
                {item.stopRequested && (
                  <span class="late" data-testid="stop-flag">
                    {t.stopRequested}
                  </span>
                )}
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
