/** The Web Push endpoints of the API (issue 16): the server's key, this phone's subscription (tied to its
 * dossiers by their tokens, never by who the citizen is), the inbox; and what the phone remembers of it. */

import { send } from "./api";
import type { InboxNotice } from "./notices";

/** PushSubscription.toJSON(), and what it is for. */
export interface SubscriptionBody {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  vapidKey: string;
  tokens: string[];
  lang: "vi" | "en";
  /** On an update: the subscription this one replaces (the browser made a new one). */
  previousEndpoint?: string;
}

/** `resubscribe`: the server's key changed; subscribe again with `publicKey`. */
export interface SubscriptionAnswer {
  publicKey: string;
  resubscribe: boolean;
  dossiers: number;
}

const json = (body: unknown): { body: string; headers: Record<string, string> } => ({
  body: JSON.stringify(body),
  headers: { "Content-Type": "application/json" },
});

export async function fetchPushKey(): Promise<string> {
  return (await send<{ publicKey: string }>("/api/push/key", { method: "GET" })).body.publicKey;
}

/** POST subscribes (or refreshes); PUT updates a subscription the server holds (ApiError 404 if it does not). */
export async function sendSubscription(method: "POST" | "PUT", body: SubscriptionBody): Promise<SubscriptionAnswer> {
  return (await send<SubscriptionAnswer>("/api/push/subscriptions", { method, ...json(body) })).body;
}

/** The notices of the dossiers these tokens open (at most 100 tokens), newest first. */
export async function fetchInbox(tokens: string[]): Promise<InboxNotice[]> {
  return (await send<{ notices: InboxNotice[] }>("/api/push/inbox", { method: "POST", ...json({ tokens }) })).body.notices;
}

const CHOICE_KEY = "motcua.notices";
const ENDPOINT_KEY = "motcua.pushEndpoint";

/** What the citizen answered to "Nhận thông báo khi có kết quả?": asked once, never again after a "no". */
export type NoticeChoice = "yes" | "no";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // Storage blocked: the offer is shown again, nothing worse.
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch (error) {
    console.warn("not remembered", key, error);
  }
}

export function noticeChoice(): NoticeChoice | null {
  const value = read(CHOICE_KEY);
  return value === "yes" || value === "no" ? value : null;
}

export function rememberNoticeChoice(choice: NoticeChoice): void {
  write(CHOICE_KEY, choice);
}

/** The endpoint the server last accepted from this phone: a different one now means the browser made a
 * new subscription, and the server is told which one it replaces. */
export function sentEndpoint(): string | null {
  return read(ENDPOINT_KEY);
}

export function rememberSentEndpoint(endpoint: string | null): void {
  write(ENDPOINT_KEY, endpoint);
}
