/** The app's one piece of navigation state, kept in the address so a reload stays on the same page:
 * `#/thu-tuc/<code>` shows a procedure, anything else the search list. */

import { useEffect, useState } from "preact/hooks";

const PROCEDURE_PREFIX = "#/thu-tuc/";

export function procedureHref(code: string): string {
  return PROCEDURE_PREFIX + encodeURIComponent(code);
}

function codeInHash(): string | null {
  const hash = location.hash;
  if (!hash.startsWith(PROCEDURE_PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PROCEDURE_PREFIX.length)) || null;
  } catch {
    return null; // A mangled link (bad %-escape) shows the list rather than an error.
  }
}

/** The procedure code in the address, or null on the list. */
export function useProcedureCode(): string | null {
  const [code, setCode] = useState(codeInHash);
  useEffect(() => {
    const onChange = (): void => setCode(codeInHash());
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return code;
}

/** Back to the list without leaving a history entry that the phone's back button would return to. */
export function replaceWithList(): void {
  location.replace("#/");
}
