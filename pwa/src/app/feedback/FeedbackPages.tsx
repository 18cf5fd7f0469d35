/** The feedback pages behind one lazy import (a single entry in the app shell): my feedback, or a new item. */

import type { Catalogue } from "../../shared/types";
import type { Lang } from "../i18n";
import type { Route } from "../route";
import { FeedbackForm } from "./FeedbackForm";
import { FeedbackPage } from "./FeedbackPage";

interface Props {
  route: Route;
  catalogue: Catalogue | null;
  lang: Lang;
  online: boolean;
}

export function FeedbackPages({ route, catalogue, lang, online }: Props) {
  if (route.page === "feedbackForm") return <FeedbackForm key={route.code} about={route.about} code={route.code} catalogue={catalogue} lang={lang} />;
  return <FeedbackPage lang={lang} online={online} />;
}
