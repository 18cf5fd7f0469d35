/** The statistics page, fetched the first time it is opened: its code (and its table's styles) stay out of
 * the staff app's first download, as the counter's staff never open it. */

import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Lang, StaffMessages } from "../i18n";

type Page = ComponentType<{ lang: Lang }>;
let loaded: Page | null = null;

export function StatisticsRoute({ lang, m }: { lang: Lang; m: StaffMessages }) {
  const [page, setPage] = useState<Page | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (page) return;
    import("./StatisticsPage").then(
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
  return <Loaded lang={lang} />;
}
