/**
 * WATCH bookkeeping (Redis's multi.c): which clients watch which keys, and the
 * rules that make their EXEC fail. A watched key counts as changed when it is
 * written or deleted (every change reaches `touchWatchedKey` through
 * Engine.keyModified), when FLUSHDB, FLUSHALL or SWAPDB touch it, and when
 * EXEC finds it logically expired.
 *
 * A key that was already expired when it was watched is "stale": its lazy or
 * active deletion changes nothing a client could have seen, so it does not
 * fail the transaction, and neither does finding it expired at EXEC.
 */
import type { Client } from './client.js';
import type { Db } from './db.js';

/** keyIsExpired: present, with an expiry that has passed (not yet deleted). */
function isExpired(db: Db, key: string, now: number): boolean {
  const entry = db.data.get(key);
  return entry !== undefined && entry.expireAt !== 0 && entry.expireAt <= now;
}

function watchedEntry(client: Client, db: Db, key: string) {
  return client.watched.find((w) => w.db === db && w.key === key);
}

/** watchForKey: starts watching a key of the client's database (once). */
export function watchKey(client: Client, key: string): void {
  const db = client.db;
  if (watchedEntry(client, db, key)) return;
  let watchers = db.watchers.get(key);
  if (!watchers) db.watchers.set(key, (watchers = new Set()));
  watchers.add(client);
  client.watched.push({ db, key, expired: isExpired(db, key, client.engine.time) });
}

/** A watched key changed: its watchers' transactions fail, unless a stale key was merely deleted. */
export function touchWatchedKey(db: Db, key: string): void {
  const watchers = db.watchers.get(key);
  if (!watchers) return;
  for (const client of watchers) {
    if (client.dirtyCas) continue;
    const entry = watchedEntry(client, db, key)!;
    if (entry.expired) {
      // Redis deletes a stale key before any write to it: that deletion is no
      // change, and the key is watched as a plain one from then on.
      entry.expired = false;
      if (!db.data.has(key)) continue;
    }
    client.dirtyCas = true;
  }
}

/**
 * touchAllWatchedKeysInDb: `emptied` loses its keys (FLUSHDB, FLUSHALL) or
 * takes those of `replacedWith` (SWAPDB). Call it before the keys move.
 * Watchers of a key present on either side fail, except where a stale key
 * only disappears or stays stale.
 */
export function touchAllWatchedKeysInDb(emptied: Db, replacedWith: Db | null, now: number): void {
  for (const [key, watchers] of emptied.watchers) {
    const existsInEmptied = emptied.data.has(key);
    const existsInReplacement = replacedWith !== null && replacedWith.data.has(key);
    if (!existsInEmptied && !existsInReplacement) continue;
    for (const client of watchers) {
      const entry = watchedEntry(client, emptied, key)!;
      if (entry.expired) {
        if (!existsInReplacement) {
          entry.expired = false;
          continue;
        }
        if (isExpired(replacedWith!, key, now)) continue;
      } else if (!existsInEmptied && isExpired(replacedWith!, key, now)) {
        // A missing key replaced by a stale one: still nothing to see.
        entry.expired = true;
        continue;
      }
      client.dirtyCas = true;
    }
  }
}

/** isWatchedKeyExpired: at EXEC, a watched key (not stale when watched) that has expired counts as changed. */
export function isWatchedKeyExpired(client: Client): boolean {
  const now = client.engine.time;
  return client.watched.some((w) => !w.expired && isExpired(w.db, w.key, now));
}
