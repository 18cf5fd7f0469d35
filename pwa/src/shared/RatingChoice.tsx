/** One question of a citizen's rating as a row of radio buttons, the same on the phone's card (`prefix`
 * "rating") and on the counter's tablet ("kiosk"), each app styling it by its prefix. */

export interface ChoiceProps<T> {
  /** "rating" (the phone) or "kiosk" (the tablet): the classes' and test ids' prefix. */
  prefix: string;
  name: string;
  legend: string;
  options: [T, string][];
  value: T | null;
  onChoose: (value: T) => void;
  /** Another class of the fieldset (the tablet's big level tiles). */
  extraClass?: string;
}

export function RatingChoice<T extends string | number | boolean>({ prefix, name, legend, options, value, onChoose, extraClass }: ChoiceProps<T>) {
  return (
    <fieldset class={extraClass ? `${prefix}-choice ${extraClass}` : `${prefix}-choice`} data-testid={`${prefix}-${name}`}>
      <legend>{legend}</legend>
      <div class={`${prefix}-options`}>
        {options.map(([option, label]) => (
          <label class={`${prefix}-option ${prefix}-option-${String(option)}`} key={String(option)}>
            <input type="radio" name={`${prefix}-${name}`} value={String(option)} checked={value === option} onChange={() => onChoose(option)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A label table (value → words) as the options of a choice, in its order. */
export const entries = <K extends string>(labels: Record<K, string>): [K, string][] => Object.entries(labels) as [K, string][];
