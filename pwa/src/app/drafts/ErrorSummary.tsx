/** The box at the top of a page after a failed "Continue" (GOV.UK error summary): it takes the focus, and
 * each message is a link that moves to the question to fix. */

import { useEffect, useRef } from "preact/hooks";
import type { Lang } from "../i18n";
import type { Problem } from "./steps";
import type { DraftText } from "./text";

interface Props {
  problems: Problem[];
  /** Counts the "Continue" attempts: only a new attempt takes the focus, not fixing one answer. */
  attempt: number;
  /** The id of the element to focus for a problem. */
  target: (problem: Problem) => string;
  lang: Lang;
  t: DraftText;
}

/** Shows the whole question (label and help), then puts the cursor in it. */
export function focusTarget(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  (element.closest(".field, .photo-slot") ?? element).scrollIntoView({ block: "start" });
  element.focus({ preventScroll: true });
}

export function ErrorSummary({ problems, attempt, target, lang, t }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A new attempt with errors: move there, so screen readers read the list and sighted users see it.
    box.current?.scrollIntoView({ block: "start" });
    box.current?.focus({ preventScroll: true });
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div ref={box} class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h3 id="error-summary-title" class="error-summary-title">
        {t.errorSummary}
      </h3>
      <ul class="error-summary-list">
        {problems.map((problem) => (
          <li key={problem.path}>
            <a
              href={location.hash}
              onClick={(e) => {
                // The address holds the route: a plain #id link would leave the page.
                e.preventDefault();
                focusTarget(target(problem));
              }}
            >
              {problem.message[lang]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
