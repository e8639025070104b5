/**
 * Everything a server holds, key by key in all 16 databases, as comparable
 * lines: for checking that a whole dataset moved intact between servers.
 */
import type { RespConnection } from './connection.js';

/**
 * One line per key: db, key, type, TTL (in units of 100 s, so clock drift between servers does not matter) and content.
 * `exactTimes` false blurs ms timestamps (stream delivery and seen times).
 */
export async function contents(conn: RespConnection, exactTimes = true): Promise<string[]> {
  const out: string[] = [];
  for (let db = 0; db < 16; db++) {
    await conn.command(['SELECT', String(db)]);
    const keys = ((await conn.command(['KEYS', '*'])).value as string[]).sort();
    for (const key of keys) {
      const type = (await conn.command(['TYPE', key])).raw.slice(1, -2);
      const read =
        type === 'string' ? ['GET', key]
        : type === 'list' ? ['LRANGE', key, '0', '-1']
        : type === 'hash' ? ['HGETALL', key]
        : type === 'set' ? ['SMEMBERS', key]
        : type === 'zset' ? ['ZRANGE', key, '0', '-1', 'WITHSCORES']
        : ['XINFO', 'STREAM', key, 'FULL'];
      let value = (await conn.command(read)).value;
      // Hash and set order is Redis's to choose: compare sorted fields (with their values) and members.
      if (type === 'set') value = [...(value as string[])].sort();
      if (type === 'hash') {
        const flat = value as string[];
        value = flat.flatMap((f, i) => (i % 2 ? [] : [`${f}=${flat[i + 1]}`])).sort();
      }
      const ttl = (await conn.command(['TTL', key])).value as number;
      let text = JSON.stringify(value);
      // Replaying commands stamps delivery and seen times anew, as Redis's own AOF rewrite does.
      if (!exactTimes) text = text.replace(/\b1\d{12}\b/g, 'T');
      out.push(`${db} ${key} ${type} ttl=${ttl > 0 ? Math.round(ttl / 100) : ttl} ${text}`);
    }
  }
  await conn.command(['SELECT', '0']);
  return out;
}
