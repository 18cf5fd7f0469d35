/** A staff page fetched the first time it is opened: its code (and its styles) stay out of the staff app's
 * first download; while it comes the page says so, and a failed fetch says the app cannot be reached. */

import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { StaffMessages } from "./i18n";

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P & { m: StaffMessages }) {
    const [page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (page) return;
      load().then(
        (module) => {
          loaded = module.default;
          setPage(() => module.default);
        },
        () => setFailed(true),
      );
    }, []);
    if (failed) return <p role="alert" class="error-box">{props.m.unreachable}</p>;
    if (!page) return <p role="status">{props.m.loading}</p>;
    const Loaded = page;
    return <Loaded {...props} />;
  };
}
