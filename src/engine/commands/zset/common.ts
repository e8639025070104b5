/** Helpers shared by the sorted-set command files. */
import type { Client } from '../../client.js';
import { DoubleReply, type Reply } from '../../reply.js';
import { ZSet, type ListpackLimits } from '../../types/zset.js';

/** The listpack limits in force for this command. */
export function listpackLimits(client: Client): ListpackLimits {
  const config = client.engine.config;
  return { entries: config.int('zset-max-listpack-entries'), value: config.int('zset-max-listpack-value') };
}

/** A sorted set for reading; WRONGTYPE for another type. */
export function readZSet(client: Client, key: string): ZSet | undefined {
  return client.db.getTyped<ZSet>(key, 'zset');
}

/** A sorted set for writing (no hit/miss accounting); WRONGTYPE for another type. */
export function writeZSet(client: Client, key: string): ZSet | undefined {
  return client.db.getTyped<ZSet>(key, 'zset', true);
}

/**
 * Appends a member to a reply, with its score when asked: WITHSCORES replies
 * are one flat array in RESP2 and [member, score] pairs in RESP3.
 */
export function pushMember(out: Reply[], client: Client, member: string, score: number, withScores: boolean): void {
  if (!withScores) out.push(member);
  else if (client.resp === 3) out.push([member, new DoubleReply(score)]);
  else out.push(member, new DoubleReply(score));
}

/**
 * After an in-place change: records it (or deletes the emptied key), sends
 * the command's event and, when the key went away, "del" — Redis's order.
 */
export function touchAndNotify(client: Client, key: string, zset: ZSet, event: string): void {
  const db = client.db;
  db.touchWrite(key, zset);
  client.engine.notify(event, 'z', key, db.id);
  if (zset.size === 0) client.engine.notify('del', 'g', key, db.id);
}

/**
 * Stores a freshly built result (ZUNIONSTORE, ZRANGESTORE …): replaces the
 * destination and sends `event`, or, when the result is empty, deletes the
 * destination and sends "del" if it existed.
 */
export function storeResult(client: Client, key: string, result: ZSet, event: string): number {
  const db = client.db;
  if (result.size > 0) {
    db.getForWrite(key); // as setKey's lookup: an expired destination expires first
    db.set(key, result);
    client.engine.notify(event, 'z', key, db.id);
  } else if (db.delete(key)) {
    client.engine.notify('del', 'g', key, db.id);
  }
  return result.size;
}

/** Clamps start..end (negative counts from the end) to a set of `size`; null when nothing is left. */
export function rankSpan(start: number, end: number, size: number): [number, number] | null {
  if (start < 0) start += size;
  if (end < 0) end += size;
  if (start < 0) start = 0;
  if (start > end || start >= size) return null;
  return [start, Math.min(end, size - 1)];
}
