/** The parts other agencies sent to the signed-in staff member's agency and it has still to return
 * (/staff/lien-thong), the most urgent first; each links to its dossier, where the part is returned. */

import { useEffect, useState } from "preact/hooks";
import { dateTime } from "../counter/text";
import type { Lang } from "../i18n";
import { followLink, href } from "../route";
import { readOpenParts, type Part } from "./api";
import { partState } from "./Parts";
import { LIAISON_TEXT } from "./text";
import "../counter/counter.css";
import "./liaison.css";

export function PartsPage({ lang }: { lang: Lang }) {
  const t = LIAISON_TEXT[lang];
  const [parts, setParts] = useState<Part[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    readOpenParts().then(setParts, () => setFailed(true));
  }, []);
  return (
    <section aria-labelledby="parts-title">
      <h1 id="parts-title" tabIndex={-1}>
        {t.todoTitle}
      </h1>
      <p class="lead">{t.todoLead}</p>
      {failed && (
        <p role="alert" class="error-box">
          {t.failed}
        </p>
      )}
      {parts === null && !failed && <p role="status">…</p>}
      {parts?.length === 0 && <p>{t.todoEmpty}</p>}
      {parts && parts.length > 0 && (
        <div class="table-wrap">
          <table class="queue-table" onClick={followLink}>
            <thead>
              <tr>
                <th scope="col">{t.colDossier}</th>
                <th scope="col">{t.colTask}</th>
                <th scope="col">{t.colDue}</th>
                <th scope="col">{t.colState}</th>
              </tr>
            </thead>
            <tbody>
              {parts.map((p) => (
                <tr key={p.code + p.sentAt} data-testid="part-row">
                  <td>
                    <a href={href.dossier(p.code)}>{p.code}</a>
                  </td>
                  <td class="pre">{p.task}</td>
                  <td>{dateTime(p.dueAt)}</td>
                  <td class={`part-state part-${partState(p)}`}>{t.states[partState(p)]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
