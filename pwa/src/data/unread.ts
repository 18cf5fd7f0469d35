/** What the app's navigation needs at once, without loading the inbox's code: how many notices are unread,
 * and whether the phone holds a dossier that notices could be about at all. */

import { db } from "./db";

export async function countUnread(): Promise<number> {
  return (await db()).countFromIndex("notices", "byRead", 0);
}

/** The dossiers and feedback items the phone holds: what notices can be about. */
export async function countFollowed(): Promise<number> {
  const database = await db();
  return (await database.count("dossiers")) + (await database.count("feedback"));
}
