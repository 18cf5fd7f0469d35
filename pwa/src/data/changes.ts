/** Tells every open page, and the service worker, that the outbox, "my dossiers" or the inbox changed, and
 * how far an upload has got: a BroadcastChannel across contexts, plain callbacks within this one. */

export type Change =
  | { kind: "outbox" }
  | { kind: "dossiers" }
  /** The inbox: notices arrived or were read. */
  | { kind: "notices" }
  /** The citizen's feedback (phản ánh, kiến nghị): kept, sent or answered. */
  | { kind: "feedback" }
  /** Live upload progress; not stored on every step (the stored `bytesSent` moves file by file). */
  | { kind: "progress"; submissionId: string; bytesSent: number; bytesTotal: number };

const CHANNEL = "motcua-outbox";

type Listener = (change: Change) => void;

const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

// Safari before 15.4 has no BroadcastChannel: changes made by the service worker then show on the next
// reload or trigger, and this context still hears its own.
function open(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === "undefined") return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Change>) => {
    for (const listener of listeners) listener(event.data);
  };
  return channel;
}

export function announce(change: Change): void {
  for (const listener of listeners) listener(change);
  try {
    open()?.postMessage(change);
  } catch (error) {
    // A closing context: the others will read the stored state on their next look.
    console.warn("change not broadcast", error);
  }
}

/** Calls `listener` on every change, from any context; returns the function that stops it. */
export function listen(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
