/** The rating tablet's page, fetched the first time it is opened: its code and styles stay out of the staff
 * app's first download (only the counter's tablet opens it). */

import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Lang, StaffMessages } from "../i18n";

export interface KioskProps {
  /** The tablet's language (the staff app's); each citizen may switch it for their own rating. */
  lang: Lang;
}

type Page = ComponentType<KioskProps>;
let loaded: Page | null = null;

export function KioskRoute({ m, ...props }: KioskProps & { m: StaffMessages }) {
  const [page, setPage] = useState<Page | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (page) return;
    import("./KioskPage").then(
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
  return <Loaded {...props} />;
}
