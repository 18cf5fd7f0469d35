/** A component loaded on first use (its own chunk, precached by the service worker for offline use),
 * without pulling in preact/compat for `lazy`/`Suspense`. */

import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: string) {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      void load().then((c) => {
        loaded = c;
        setComponent(() => c);
      });
    }, []);
    const Component = component;
    return Component ? (
      <Component {...props} />
    ) : (
      <p class="status" role="status">
        {fallback}
      </p>
    );
  };
}
