/** A labelled, required text or password input of the staff forms; the caller keeps the value. */

interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "password";
  name?: string;
  autocomplete?: string;
  /** For names typed as they are (usernames): no capital letter or spelling fix from the keyboard. */
  verbatim?: boolean;
  describedBy?: string;
}

export function Field({ id, label, value, onValue, type = "text", name, autocomplete, verbatim = false, describedBy }: Props) {
  const input = {
    id,
    name,
    autocomplete,
    autocapitalize: verbatim ? ("none" as const) : undefined,
    spellcheck: verbatim ? false : undefined,
    "aria-describedby": describedBy,
    required: true,
    value,
    onInput: (event: { currentTarget: HTMLInputElement }) => onValue(event.currentTarget.value),
  };
  return (
    <>
      <label for={id}>{label}</label>
      {type === "password" ? <input type="password" {...input} /> : <input type="text" {...input} />}
    </>
  );
}
