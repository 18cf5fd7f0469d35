/** The box at the top of a page after a failed "Continue" or "Tiếp nhận hồ sơ" (GOV.UK error summary): it
 * takes the focus, and each message is a link that moves to the question to fix. Both apps use it. */

import { useEffect, useRef } from "preact/hooks";
import type { Lang } from "../lang";
import type { AnswerProblem } from "./answers";

interface Props<P extends AnswerProblem> {
  problems: P[];
  /** Counts the attempts: only a new attempt takes the focus, not fixing one answer. */
  attempt: number;
  /** The id of the element to focus for a problem. */
  target: (problem: P) => string;
  lang: Lang;
  /** The box's title: "Có lỗi cần sửa". */
  title: string;
  /** Its heading's level in the page's outline. */
  heading?: "h2" | "h3";
}

/** Shows the whole question (label and help, or the paper of a scan), then puts the cursor in it. */
export function focusTarget(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  (element.closest(".field, .photo-slot, .scan-slot") ?? element).scrollIntoView({ block: "start" });
  element.focus({ preventScroll: true });
}

export function ErrorSummary<P extends AnswerProblem>({ problems, attempt, target, lang, title, heading = "h3" }: Props<P>) {
  const Heading = heading;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A new attempt with errors: move there, so screen readers read the list and sighted users see it.
    box.current?.scrollIntoView({ block: "start" });
    box.current?.focus({ preventScroll: true });
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div ref={box} class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <Heading id="error-summary-title" class="error-summary-title">
        {title}
      </Heading>
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
