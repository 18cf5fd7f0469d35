/** Web Push on the phone: whether this browser can receive notices, subscribing when the citizen says yes,
 * and the server's copy kept current on every app open (subscriptions die silently, keys are rotated). */

import { ApiError } from "../data/api";
import { listDossiers } from "../data/dossiers";
import { sentFeedbackTokens } from "../data/feedback";
import {
  fetchPushKey,
  noticeChoice,
  rememberNoticeChoice,
  rememberSentEndpoint,
  sendSubscription,
  sentEndpoint,
  type SubscriptionBody,
} from "../data/push";
import type { Lang } from "../shared/lang";

/** ready: push can be asked for; denied: the citizen blocked notices for this site; install: an iPhone's
 * browser tab (push only reaches an app added to the home screen); none: no push here (a chat app's browser). */
export type PushSupport = "ready" | "denied" | "install" | "none";

function onIphone(): boolean {
  const agent = navigator.userAgent;
  return /iPhone|iPad|iPod/.test(agent) || (agent.includes("Macintosh") && navigator.maxTouchPoints > 1);
}

function installed(): boolean {
  return matchMedia("(display-mode: standalone)").matches || (navigator as { standalone?: boolean }).standalone === true;
}

export function pushSupport(): PushSupport {
  if (!("serviceWorker" in navigator && "PushManager" in window && "Notification" in window)) {
    return onIphone() && !installed() ? "install" : "none";
  }
  return Notification.permission === "denied" ? "denied" : "ready";
}

function base64url(bytes: ArrayBuffer | null): string {
  if (!bytes) return "";
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function keyBytes(key: string): Uint8Array<ArrayBuffer> {
  const text = atob(key.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (key.length % 4)) % 4));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Newest first: past the server's 100, the oldest dossiers are the ones left out. */
async function tokens(): Promise<string[]> {
  // And the phone's sent feedback: its answer is pushed to the phones following the item.
  return [...(await listDossiers()).map((dossier) => dossier.accessToken), ...(await sentFeedbackTokens())];
}

function bodyOf(subscription: PushSubscription, vapidKey: string, all: string[], lang: Lang): SubscriptionBody {
  const { endpoint, keys } = subscription.toJSON();
  if (!endpoint || !keys?.p256dh || !keys.auth) throw new Error("The browser's subscription has no keys.");
  const body: SubscriptionBody = { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, vapidKey, tokens: all.slice(0, 100), lang };
  const previous = sentEndpoint();
  if (previous && previous !== endpoint) body.previousEndpoint = previous;
  return body;
}

/** An update; a subscription the server no longer holds (it said 410 once) is made again. */
async function upsert(body: SubscriptionBody) {
  try {
    return await sendSubscription("PUT", body);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    return sendSubscription("POST", body);
  }
}

/** What the server last accepted in this page: an app open with nothing new sends nothing. */
let sent = "";

async function subscribeWith(registration: ServiceWorkerRegistration, key: string, lang: Lang): Promise<void> {
  const old = await registration.pushManager.getSubscription();
  if (old && base64url(old.options.applicationServerKey) !== key) await old.unsubscribe();
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
  const body = bodyOf(subscription, key, await tokens(), lang);
  const answer = await upsert(body);
  rememberSentEndpoint(body.endpoint);
  sent = JSON.stringify(body.tokens) + body.endpoint + lang;
  // The key changed between the two requests: once more with the new one.
  if (answer.resubscribe && answer.publicKey !== key) await subscribeWith(registration, answer.publicKey, lang);
}

/** "Có, nhận thông báo": asks the browser (its own prompt), subscribes with the server's key and sends the
 * subscription with this phone's dossier tokens. Returns what came of it. */
export async function turnOnNotices(lang: Lang): Promise<"on" | "denied"> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return "denied";
  await subscribeWith(await navigator.serviceWorker.ready, await fetchPushKey(), lang);
  rememberNoticeChoice("yes");
  return "on";
}

/** On every app open (and when the phone's dossiers change): the browser's subscription as it is now goes
 * to the server; one that died is made again if the citizen said yes; a rotated key means a new one. */
export async function keepSubscription(lang: Lang): Promise<void> {
  if (pushSupport() !== "ready") return;
  const registration = await navigator.serviceWorker.getRegistration();
  const all = await tokens();
  if (!registration || all.length === 0) return;
  const subscription = await registration.pushManager.getSubscription();
  if (!subscription) {
    if (noticeChoice() === "yes" && Notification.permission === "granted") {
      await subscribeWith(registration, await fetchPushKey(), lang);
    }
    return;
  }
  const body = bodyOf(subscription, base64url(subscription.options.applicationServerKey), all, lang);
  if (JSON.stringify(body.tokens) + body.endpoint + lang === sent) return;
  const answer = await upsert(body);
  rememberSentEndpoint(body.endpoint);
  sent = JSON.stringify(body.tokens) + body.endpoint + lang;
  if (answer.resubscribe) await subscribeWith(registration, answer.publicKey, lang);
}

/** Whether this browser holds a subscription of this app (the server may still have to hear of it). */
export async function subscribed(): Promise<boolean> {
  if (pushSupport() !== "ready") return false;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) != null;
}
