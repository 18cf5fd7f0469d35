/** The feedback page, fetched the first time it is opened: its code stays out of the staff app's first download. */

import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Lang, StaffMessages } from "../i18n";

type Page = ComponentType<{ lang: Lang; m: StaffMessages }>;
let loaded: Page | null = null;

export function FeedbackRoute({ lang, m }: { lang: Lang; m: StaffMessages }) {
  const [page, setPage] = useState<Page | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (page) return;
    import("./FeedbackPage").then(
      (module) => {
        loaded = module.default;
        setPage(() => module.default);
      },
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p role="alert" class="error-box">{m.unreachable}</p>;
  if (!page) return <p role="status">{m.loading}</p>;
  const Loaded = page;
  return <Loaded lang={lang} m={m} />;
}
