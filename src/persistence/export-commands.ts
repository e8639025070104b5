/**
 * Every database as RESP commands (SELECT, then each key's rewrite), the
 * AOF-style export that `redis-cli --pipe` loads into any Redis.
 */
import type { Engine } from '../engine/engine.js';
import { encodeCommand } from '../resp/encode.js';
import { rewriteEntry } from './rewrite.js';

export function exportCommands(engine: Engine): string {
  const out: string[] = [];
  for (const db of engine.dbs) {
    if (db.data.size === 0) continue;
    out.push(encodeCommand(['SELECT', String(db.id)]));
    for (const [key, entry] of db.data) {
      if (entry.expireAt !== 0 && entry.expireAt <= engine.time) continue;
      for (const argv of rewriteEntry(key, entry)) out.push(encodeCommand(argv));
    }
  }
  return out.join('');
}
