/** State of the "Hồ sơ đã nộp" screens: the outbox and my dossiers as stored on the phone (shown at
 * once, offline too), live upload progress, and a refresh from the server on open, online and show. */

import { useEffect, useState } from "preact/hooks";
import { listen } from "../../data/changes";
import type { OutboxEntry, StoredDossier } from "../../data/db";
import { listDossiers } from "../../data/dossiers";
import { listOutbox } from "../../data/outbox";
import { refreshMyDossiers } from "../../sync/dossiers";

export interface MyDossiers {
  /** Null until read from the phone. */
  outbox: OutboxEntry[] | null;
  dossiers: StoredDossier[] | null;
  /** Bytes sent right now, by submission id, while an upload is under way in some context. */
  live: Record<string, number>;
  refreshing: boolean;
  /** The last refresh failed (offline, server down): the stored views are shown. */
  failed: boolean;
}

export function useMyDossiers(online: boolean): MyDossiers {
  const [outbox, setOutbox] = useState<OutboxEntry[] | null>(null);
  const [dossiers, setDossiers] = useState<StoredDossier[] | null>(null);
  const [live, setLive] = useState<Record<string, number>>({});
  const [refreshing, setRefreshing] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    const readOutbox = (): void => void listOutbox().then((all) => active && setOutbox(all));
    const readDossiers = (): void => void listDossiers().then((all) => active && setDossiers(all));
    readOutbox();
    readDossiers();
    const stop = listen((change) => {
      if (change.kind === "outbox") readOutbox();
      else if (change.kind === "dossiers") readDossiers();
      else if (change.kind === "progress") setLive((known) => ({ ...known, [change.submissionId]: change.bytesSent }));
    });
    return () => {
      active = false;
      stop();
    };
  }, []);

  useEffect(() => {
    let active = true;
    const refresh = async (): Promise<void> => {
      if (!navigator.onLine) return;
      setRefreshing(true);
      try {
        await refreshMyDossiers();
        if (active) setFailed(false);
      } catch (error) {
        console.warn("my dossiers not refreshed", error);
        if (active) setFailed(true);
      } finally {
        if (active) setRefreshing(false);
      }
    };
    const onVisible = (): void => {
      if (document.visibilityState === "visible") void refresh();
    };
    if (online) void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      active = false;
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [online]);

  return { outbox, dossiers, live, refreshing, failed };
}

/** The bytes to show for an entry: the live count while it is being sent, else what is stored. */
export function bytesSent(entry: OutboxEntry, live: Record<string, number>): number {
  const now = live[entry.submissionId];
  return entry.state === "sending" && now !== undefined ? now : entry.bytesSent;
}
