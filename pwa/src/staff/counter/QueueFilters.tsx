/** The queue's filters as labelled selects, each applied as soon as it changes: field, procedure (only the
 * field's once one is chosen), a status of the current list, channel, and who holds the dossier. */

import type { Lang } from "../i18n";
import type { QueueChoices } from "./api";
import { FILTER_TEXT } from "./filterText";
import { anyChosen, LIST_STATUSES, NO_FILTER, type QueueFilter } from "./queueQuery";
import { COUNTER_TEXT } from "./text";
import "./filters.css";

type Option = readonly [value: string, text: string];

interface Props {
  filter: QueueFilter;
  choices: QueueChoices | null;
  /** The signed-in username: "Của tôi" stands for it, so it is not listed again among the colleagues. */
  me: string;
  lang: Lang;
  onChange: (filter: QueueFilter) => void;
}

export function QueueFilters({ filter, choices, me, lang, onChange }: Props) {
  const f = FILTER_TEXT[lang];
  const t = COUNTER_TEXT[lang];
  const fields = choices?.fields ?? [];
  const set = (change: Partial<QueueFilter>): void => onChange({ ...filter, ...change });
  const pickField = (field: string): void => {
    const chosen = fields.find((item) => item.code === field);
    const keeps = !chosen || chosen.procedures.some((p) => p.code === filter.procedure);
    set({ field, procedure: keeps ? filter.procedure : "" });
  };
  const colleagues = (choices?.staff ?? []).filter((s) => s.username !== me);
  return (
    <fieldset class="queue-filters">
      <legend class="visually-hidden">{f.legend}</legend>
      <Select label={f.field} value={filter.field} onPick={pickField}>
        {[["", f.anyField], ...fields.map((item): Option => [item.code, item.name[lang]])]}
      </Select>
      <label>
        {f.procedure}
        <select value={filter.procedure} onChange={(e) => set({ procedure: e.currentTarget.value })}>
          <option value="">{f.anyProcedure}</option>
          {fields
            .filter((item) => !filter.field || item.code === filter.field)
            .map((item) => (
              <optgroup key={item.code} label={item.name[lang]}>
                {item.procedures.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name[lang]}
                  </option>
                ))}
              </optgroup>
            ))}
          {filter.procedure && !fields.some((item) => item.procedures.some((p) => p.code === filter.procedure)) && (
            <option value={filter.procedure}>{filter.procedure}</option>
          )}
        </select>
      </label>
      <Select label={f.status} value={filter.status} onPick={(status) => set({ status })}>
        {[["", f.anyStatus], ...LIST_STATUSES[filter.list].map((s): Option => [s, t.statuses[s] ?? s])]}
      </Select>
      <Select label={t.channel} value={filter.channel} onPick={(channel) => set({ channel })}>
        {[["", t.anyChannel], ...Object.entries(t.channels)]}
      </Select>
      <Select label={f.assignee} value={filter.assignee} onPick={(assignee) => set({ assignee })}>
        {[["", f.anyone], ["me", f.mine], ["none", f.nobody], ...colleagues.map((s): Option => [s.username, s.fullName])]}
      </Select>
      <button
        type="button"
        class="button-secondary"
        disabled={!anyChosen(filter)}
        onClick={() => onChange({ ...NO_FILTER, list: filter.list })}
      >
        {f.clear}
      </button>
    </fieldset>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onPick: (value: string) => void;
  children: readonly Option[];
}

/** A labelled select; a value the choices do not hold (an old link, a removed account) is shown as it is. */
function Select({ label, value, onPick, children }: SelectProps) {
  const options = value && !children.some(([v]) => v === value) ? [...children, [value, value] as const] : children;
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onPick(e.currentTarget.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
