/**
 * Keyspace notifications, compared: a second connection to each server
 * subscribes to every keyspace and keyevent channel, the commands run on the
 * main connections with `notify-keyspace-events` set to `flags`, and each side
 * returns the messages its subscriber received, in order.
 */
import type { RespConnection } from './connection.js';
import type { DiffTarget } from './harness.js';

/** How long a subscriber stays quiet before we take it that nothing more is coming. */
const QUIET_MS = 100;

async function drain(conn: RespConnection): Promise<string[]> {
  const messages: string[] = [];
  for (;;) {
    try {
      messages.push((await conn.read(QUIET_MS)).raw);
    } catch {
      return messages;
    }
  }
}

export async function captureEvents(
  t: DiffTarget,
  flags: string,
  commands: string[],
): Promise<{ redis: string[]; redlite: string[] }> {
  const sub = await t.connectPair();
  try {
    await Promise.all([sub.redis.command(['PSUBSCRIBE', '__key*__:*']), sub.redlite.command(['PSUBSCRIBE', '__key*__:*'])]);
    await t.run([`CONFIG SET notify-keyspace-events ${flags}`, ...commands]);
    const [redis, redlite] = await Promise.all([drain(sub.redis), drain(sub.redlite)]);
    return { redis, redlite };
  } finally {
    await t.both(['CONFIG', 'SET', 'notify-keyspace-events', '']);
    sub.redis.close();
    sub.redlite.close();
  }
}
