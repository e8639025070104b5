/**
 * Moving a whole store to and from Redis: an RDB file out, an RDB file in, and
 * the commands that rebuild the store (for `redis-cli --pipe`).
 *
 * An import replaces the store's contents. It replays each key's rebuild
 * commands through an ordinary connection, so imported data takes the path
 * every write takes — the log, snapshots, WATCH, keyspace events — and it
 * works in slices, so the store keeps answering meanwhile.
 */
import { Entry } from '../engine/db.js';
import type { Engine } from '../engine/engine.js';
import { ErrorReply } from '../engine/reply.js';
import { exportCommands } from './export-commands.js';
import { decodeRdb, encodeRdb } from './rdb/file.js';
import { rewriteEntry } from './rewrite.js';

export { encodeRdb as exportRdb, exportCommands };

/** Progress of an import, from 0 to 1: decoding is the first half, loading the second. */
export type Progress = (fraction: number) => void;

const SLICE_MS = 8;

export async function importRdb(engine: Engine, bytes: Uint8Array, onProgress?: Progress): Promise<{ keys: number }> {
  const records = decodeRdb(bytes, engine, (f) => onProgress?.(f / 2));
  const loader = engine.connect({ reply: () => {}, push: () => {} });
  const run = (argv: string[]) => {
    const reply = engine.execute(loader, argv);
    if (reply instanceof ErrorReply) throw new Error(`import: ${argv[0]} failed: ${reply.message}`);
  };
  try {
    run(['FLUSHALL']);
    let keys = 0;
    let sliceEnd = performance.now() + SLICE_MS;
    for (let i = 0; i < records.length; i++) {
      const { db, key, value, expireAt } = records[i];
      if (expireAt !== 0 && expireAt <= engine.clock()) continue;
      if (loader.db.id !== db) run(['SELECT', String(db)]);
      for (const argv of rewriteEntry(key, new Entry(value, expireAt, 0))) run(argv);
      keys++;
      if (performance.now() > sliceEnd) {
        onProgress?.(0.5 + (i + 1) / records.length / 2);
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceEnd = performance.now() + SLICE_MS;
      }
    }
    onProgress?.(1);
    return { keys };
  } finally {
    engine.disconnect(loader);
  }
}
