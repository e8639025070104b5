/**
 * HyperLogLog commands over Redis's own string format (see ../hyperloglog.ts),
 * as hyperloglog.c in Redis 7.0.
 */
import { storeBuiltString } from '../bytes.js';
import type { Client } from '../client.js';
import { group } from '../command.js';
import type { Db } from '../db.js';
import {
  cachedCount,
  count,
  countRegisters,
  EMPTY_HLL,
  HLL_REGISTERS,
  HllWriter,
  isDense,
  isHll,
  mergeInto,
  withCachedCount,
} from '../hyperloglog.js';
import { Err, ErrorReply, OK, SimpleString, type Reply } from '../reply.js';

const notHll = () => new ErrorReply('WRONGTYPE Key is not a valid HyperLogLog string value.');
const corrupt = () => new ErrorReply('INVALIDOBJ Corrupted HLL object detected');

/** A key's HyperLogLog, or undefined when missing; errors for other types and for strings that are not one. */
function lookupHll(db: Db, key: string, forWrite = false): string | undefined {
  const value = forWrite ? db.getForWrite(key) : db.get(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw Err.wrongType();
  if (!isHll(value)) throw notHll();
  return value;
}

function writer(client: Client, value: string): HllWriter {
  return new HllWriter(value, client.engine.config.int('hll-sparse-max-bytes'));
}

/** The union of the sources' registers, one byte each; flags whether any source is dense. */
function union(db: Db, keys: string[]): { max: Uint8Array; anyDense: boolean } {
  const max = new Uint8Array(HLL_REGISTERS);
  let anyDense = false;
  for (const key of keys) {
    const value = lookupHll(db, key);
    if (value === undefined) continue;
    if (isDense(value)) anyDense = true;
    if (!mergeInto(max, value)) throw corrupt();
  }
  return { max, anyDense };
}

export default group('hyperloglog', {
  pfadd: {
    arity: -2,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Adds the specified elements to the specified HyperLogLog.',
    since: '2.8.9',
    reply: 'number',
    complexity: 'O(1) to add every element.',
    syntax: 'key [element [element ...]]',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      const current = lookupHll(db, key, true);
      const hll = writer(client, current ?? EMPTY_HLL);
      let updated = current === undefined ? 1 : 0;
      for (let i = 2; i < argv.length; i++) {
        const result = hll.add(argv[i]);
        if (result === 1) {
          updated++;
        } else if (result === -1) {
          // Redis edits in place: registers set before the corruption was met stay set.
          if (hll.modified) storeBuiltString(db, key, hll.toString(), true);
          throw corrupt();
        }
      }
      if (updated === 0) return 0;
      hll.invalidateCache();
      storeBuiltString(db, key, hll.toString(), true);
      engine.notify('pfadd', '$', key, db.id);
      return 1;
    },
  },
  pfcount: {
    arity: -2,
    flags: 'readonly',
    keys: [1, -1, 1],
    summary: 'Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).',
    since: '2.8.9',
    reply: 'number',
    complexity:
      'O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.',
    syntax: 'key [key ...]',
    run(client, argv) {
      const { db, engine } = client;
      if (argv.length > 2) return countRegisters(union(db, argv.slice(1)).max);
      const key = argv[1];
      const value = lookupHll(db, key);
      if (value === undefined) return 0;
      const cached = cachedCount(value);
      if (cached !== null) return cached;
      const card = count(value);
      if (card === null) throw corrupt();
      // Caching the count changes the stored string, so it is propagated like a write (Redis does too).
      storeBuiltString(db, key, withCachedCount(value, card), true);
      engine.propagate(db.id, argv);
      return card;
    },
  },
  pfmerge: {
    arity: -2,
    flags: 'write denyoom',
    keys: [1, -1, 1],
    summary: 'Merge N different HyperLogLogs into a single one.',
    since: '2.8.9',
    reply: "'OK'",
    complexity: 'O(N) to merge N HyperLogLogs, but with high constant times.',
    syntax: 'destkey [sourcekey [sourcekey ...]]',
    run(client, argv) {
      const { db, engine } = client;
      const dest = argv[1];
      // The destination is one of the sources.
      const { max, anyDense } = union(db, argv.slice(1));
      const hll = writer(client, (db.getForWrite(dest) as string | undefined) ?? EMPTY_HLL);
      if (anyDense && !hll.toDense()) throw corrupt();
      hll.setAll(max);
      hll.invalidateCache();
      storeBuiltString(db, dest, hll.toString(), true);
      engine.notify('pfadd', '$', dest, db.id);
      return OK;
    },
  },
  pfdebug: {
    arity: 3,
    flags: 'write denyoom admin',
    keys: [2, 2, 1],
    summary: 'Internal commands for debugging HyperLogLog values',
    since: '2.8.9',
    reply: 'string | number | number[]',
    complexity: 'N/A',
    syntax: 'subcommand key',
    run: (client, argv) => pfdebug(client, argv),
  },
});

/** PFDEBUG GETREG | DECODE | ENCODING | TODENSE key: Redis's test suite reads HyperLogLog internals with it. */
function pfdebug(client: Client, argv: string[]): Reply {
  const { db } = client;
  const sub = argv[1].toLowerCase();
  const key = argv[2];
  const value = db.getForWrite(key);
  if (value === undefined) throw new ErrorReply('ERR The specified key does not exist');
  if (typeof value !== 'string') throw Err.wrongType();
  if (!isHll(value)) throw notHll();
  const toDense = (): HllWriter | null => {
    if (isDense(value)) return null;
    const hll = writer(client, value);
    if (!hll.toDense()) throw corrupt();
    storeBuiltString(db, key, hll.toString(), true);
    return hll;
  };
  switch (sub) {
    case 'getreg': {
      toDense();
      const dense = db.getForWrite(key) as string;
      const max = new Uint8Array(HLL_REGISTERS);
      mergeInto(max, dense);
      return Array.from(max);
    }
    case 'decode':
      if (isDense(value)) throw new ErrorReply('ERR HLL encoding is not sparse');
      return decodeSparse(value);
    case 'encoding':
      return new SimpleString(isDense(value) ? 'dense' : 'sparse');
    case 'todense':
      return toDense() ? 1 : 0;
    default:
      throw new ErrorReply(`ERR Unknown PFDEBUG subcommand '${argv[1]}'`);
  }
}

/** The sparse opcodes as text: "z:len" (ZERO), "Z:len" (XZERO), "v:value,len" (VAL). */
function decodeSparse(s: string): string {
  const parts: string[] = [];
  for (let p = 16; p < s.length; p++) {
    const op = s.charCodeAt(p);
    if ((op & 0xc0) === 0) parts.push(`z:${(op & 0x3f) + 1}`);
    else if ((op & 0xc0) === 0x40) parts.push(`Z:${(((op & 0x3f) << 8) | (s.charCodeAt(++p) || 0)) + 1}`);
    else parts.push(`v:${((op >> 2) & 0x1f) + 1},${(op & 3) + 1}`);
  }
  return parts.join(' ');
}
