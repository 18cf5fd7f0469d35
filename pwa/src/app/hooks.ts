/** App-level state hooks: the catalogue (from IndexedDB first, then refreshed), the network state,
 * and the drafts count. They call the sync and data layers; components only read what they return. */

import { useCallback, useEffect, useState } from "preact/hooks";
import { loadCalendar, loadCatalogue } from "../data/catalogue";
import type { StoredCalendar, StoredCatalogue } from "../data/db";
import { listDrafts } from "../data/drafts";
import { refresh } from "../sync/catalogue";

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = (): void => setOnline(navigator.onLine);
    addEventListener("online", update);
    addEventListener("offline", update);
    return () => {
      removeEventListener("online", update);
      removeEventListener("offline", update);
    };
  }, []);
  return online;
}

export interface CatalogueState {
  stored: StoredCatalogue | null;
  calendar: StoredCalendar | null;
  /** The phone's copy has been read (it may still be null on a first visit). */
  loaded: boolean;
  refreshing: boolean;
  /** The last refresh failed (offline, server down): the stored copy is shown. */
  failed: boolean;
}

/** The stored catalogue at once, then a refresh whenever the app opens, comes back online or is shown again. */
export function useCatalogue(online: boolean): CatalogueState {
  const [state, setState] = useState<CatalogueState>({
    stored: null,
    calendar: null,
    loaded: false,
    refreshing: false,
    failed: false,
  });

  const update = useCallback(async () => {
    setState((s) => ({ ...s, refreshing: true }));
    try {
      const { catalogue, calendar } = await refresh();
      setState({ stored: catalogue, calendar: calendar ?? null, loaded: true, refreshing: false, failed: false });
    } catch (error) {
      console.warn("catalogue refresh failed", error);
      setState((s) => ({ ...s, loaded: true, refreshing: false, failed: true }));
    }
  }, []);

  useEffect(() => {
    void Promise.all([loadCatalogue(), loadCalendar()]).then(([stored, calendar]) => {
      setState((s) => ({ ...s, stored: stored ?? s.stored, calendar: calendar ?? s.calendar, loaded: true }));
    });
    const onVisible = (): void => {
      if (document.visibilityState === "visible" && navigator.onLine) void update();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);

  useEffect(() => {
    if (online) void update();
  }, [online]);

  return state;
}

/** How many drafts are being written on the phone (not those submitted and waiting to be sent);
 * recounted when the address changes (drafts are made, submitted and deleted on their own pages). */
export function useDraftCount(routeKey: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    void listDrafts().then((drafts) => setCount(drafts.filter((draft) => !draft.submittedAs).length));
  }, [routeKey]);
  return count;
}
