/** The catalogue and the working calendar as stored on the phone. */

import { db, type StoredCalendar, type StoredCatalogue } from "./db";

export async function loadCatalogue(): Promise<StoredCatalogue | undefined> {
  return (await db()).get("catalogue", "current");
}

export async function saveCatalogue(stored: StoredCatalogue): Promise<void> {
  await (await db()).put("catalogue", stored, "current");
}

export async function loadCalendar(): Promise<StoredCalendar | undefined> {
  return (await db()).get("calendar", "current");
}

export async function saveCalendar(stored: StoredCalendar): Promise<void> {
  await (await db()).put("calendar", stored, "current");
}
