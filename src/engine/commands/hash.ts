/**
 * The hash commands (Redis's t_hash.c): setting and reading fields, counters,
 * HRANDFIELD and HSCAN. A hash emptied by HDEL is deleted (with a `del` event).
 */
import type { Client } from '../client.js';
import { group } from '../command.js';
import type { Db } from '../db.js';
import { globMatch } from '../glob.js';
import { incrByFloat, parseLongDouble } from '../longdouble.js';
import { parseInt64, toBigInt } from '../number.js';
import { Err, ErrorReply, MapReply, OK, type Reply } from '../reply.js';
import { optionWord, parseScanCursor, parseScanOptions, scanStep } from '../scan.js';
import { Hash, type HashLimits } from '../types/hash.js';
import { picks, randomCount, sampleDistinct } from './set.js';

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
/** LONG_MAX / 2: HRANDFIELD's count when WITHVALUES doubles it. */
const HALF_LONG_MAX = 4611686018427387903n;

/** An int64 argument (already validated) beyond ±LONG_MAX / 2. */
function isHuge(arg: string): boolean {
  const n = parseInt64(arg)!;
  return n > HALF_LONG_MAX || n < -HALF_LONG_MAX;
}

function hashAt(db: Db, key: string, forWrite: boolean): Hash | undefined {
  return db.getTyped<Hash>(key, 'hash', forWrite);
}

function limits(client: Client): HashLimits {
  const config = client.engine.config;
  return { entries: config.int('hash-max-listpack-entries'), value: config.int('hash-max-listpack-value') };
}

/** The hash at key for a write, created empty if missing (hashTypeLookupWriteOrCreate). */
function hashForWrite(db: Db, key: string): Hash {
  let hash = hashAt(db, key, true);
  if (hash === undefined) {
    hash = new Hash();
    db.set(key, hash);
  }
  return hash;
}

/** After a field was written: signal the change, then the event. */
function written(client: Client, key: string, hash: Hash, event: string): void {
  client.db.touchWrite(key, hash);
  client.engine.notify(event, 'h', key, client.db.id);
}

/** HSET and HMSET: the pairs from argv[2] on; returns how many fields are new. */
function setPairs(client: Client, argv: string[], name: string): number {
  if (argv.length % 2 === 1) throw Err.arity(name);
  const key = argv[1];
  const hash = hashForWrite(client.db, key);
  const lim = limits(client);
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) if (hash.set(argv[i], argv[i + 1], lim)) created++;
  written(client, key, hash, 'hset');
  return created;
}

/** HGETALL, HKEYS, HVALS (genericHgetallCommand). */
function listFields(client: Client, key: string, keys: boolean, values: boolean): Reply {
  const hash = hashAt(client.db, key, false);
  const both = keys && values;
  if (hash === undefined) return both ? new MapReply([]) : [];
  const out: string[] = new Array(both ? hash.size * 2 : hash.size);
  let i = 0;
  for (const [f, v] of hash.fields) {
    if (keys) out[i++] = f;
    if (values) out[i++] = v;
  }
  return both ? new MapReply(out) : out;
}

/**
 * HRANDFIELD key count [WITHVALUES] (hrandfieldWithCountCommand). A negative
 * count may repeat fields; a positive one returns distinct fields, the whole
 * hash when it asks for as many or more. WITHVALUES pairs each field with its
 * value: flat in RESP2, as [field, value] arrays in RESP3.
 */
function randomFields(client: Client, hash: Hash, count: number, withValues: boolean): Reply {
  const random = client.engine.random;
  const out: Reply[] = [];
  const add = (field: string) => {
    if (!withValues) out.push(field);
    else if (client.resp === 3) out.push([field, hash.get(field)!]);
    else out.push(field, hash.get(field)!);
  };
  if (count < 0 || count === 1) {
    for (let n = picks(count); n > 0; n--) add(hash.randomField(random));
  } else if (count >= hash.size) {
    for (const field of hash.fields.keys()) add(field);
  } else {
    for (const field of sampleDistinct(hash.fieldList(), count, random)) add(field);
  }
  return out;
}

/** HINCRBYFLOAT's checks, arithmetic and write; returns the new value as stored. */
function hincrbyfloat(client: Client, key: string, field: string, incr: string): string {
  const by = parseLongDouble(incr);
  if (by === null) throw Err.notFloat();
  if (by.kind !== 'finite') throw new ErrorReply('ERR value is NaN or Infinity');
  const hash = hashForWrite(client.db, key);
  const current = hash.get(field);
  if (current !== undefined && parseLongDouble(current) === null) throw new ErrorReply('ERR hash value is not a float');
  const value = incrByFloat(current, incr);
  hash.set(field, value, limits(client));
  written(client, key, hash, 'hincrbyfloat');
  return value;
}

export default group('hash', {
  hset: {
    arity: -4,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Set the string value of a hash field',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
    syntax: 'key field value [field value ...]',
    run: (client, argv) => setPairs(client, argv, 'hset'),
  },
  hmset: {
    arity: -4,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Set multiple hash fields to multiple values',
    since: '2.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the number of fields being set.',
    syntax: 'key field value [field value ...]',
    run(client, argv) {
      setPairs(client, argv, 'hmset');
      return OK;
    },
  },
  hsetnx: {
    arity: 4,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Set the value of a hash field, only if the field does not exist',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key field value',
    run(client, argv) {
      const [, key, field, value] = argv;
      const hash = hashForWrite(client.db, key);
      if (hash.get(field) !== undefined) return 0;
      hash.set(field, value, limits(client));
      written(client, key, hash, 'hset');
      return 1;
    },
  },
  hget: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the value of a hash field',
    since: '2.0.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'key field',
    run: (client, argv) => hashAt(client.db, argv[1], false)?.get(argv[2]) ?? null,
  },
  hmget: {
    arity: -3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the values of all the given hash fields',
    since: '2.0.0',
    reply: '(string | null)[]',
    complexity: 'O(N) where N is the number of fields being requested.',
    syntax: 'key field [field ...]',
    run(client, argv) {
      const hash = hashAt(client.db, argv[1], false);
      const out: (string | null)[] = new Array(argv.length - 2);
      for (let i = 2; i < argv.length; i++) out[i - 2] = hash?.get(argv[i]) ?? null;
      return out;
    },
  },
  hgetall: {
    arity: 2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output_order',
    summary: 'Get all the fields and values in a hash',
    since: '2.0.0',
    reply: 'Record<string, string>',
    complexity: 'O(N) where N is the size of the hash.',
    syntax: 'key',
    run: (client, argv) => listFields(client, argv[1], true, true),
  },
  hkeys: {
    arity: 2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output_order',
    summary: 'Get all the fields in a hash',
    since: '2.0.0',
    reply: 'string[]',
    complexity: 'O(N) where N is the size of the hash.',
    syntax: 'key',
    run: (client, argv) => listFields(client, argv[1], true, false),
  },
  hvals: {
    arity: 2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output_order',
    summary: 'Get all the values in a hash',
    since: '2.0.0',
    reply: 'string[]',
    complexity: 'O(N) where N is the size of the hash.',
    syntax: 'key',
    run: (client, argv) => listFields(client, argv[1], false, true),
  },
  hlen: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the number of fields in a hash',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => hashAt(client.db, argv[1], false)?.size ?? 0,
  },
  hexists: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Determine if a hash field exists',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key field',
    run: (client, argv) => (hashAt(client.db, argv[1], false)?.get(argv[2]) !== undefined ? 1 : 0),
  },
  hstrlen: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the length of the value of a hash field',
    since: '3.2.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key field',
    run: (client, argv) => hashAt(client.db, argv[1], false)?.get(argv[2])?.length ?? 0,
  },
  hdel: {
    arity: -3,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Delete one or more hash fields',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(N) where N is the number of fields to be removed.',
    syntax: 'key field [field ...]',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      const hash = hashAt(db, key, true);
      if (hash === undefined) return 0;
      let deleted = 0;
      for (let i = 2; i < argv.length && hash.size > 0; i++) if (hash.delete(argv[i])) deleted++;
      if (deleted > 0) {
        db.touchWrite(key, hash);
        engine.notify('hdel', 'h', key, db.id);
        if (hash.size === 0) engine.notify('del', 'g', key, db.id);
      }
      return deleted;
    },
  },
  hincrby: {
    arity: 4,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Increment the integer value of a hash field by the given number',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key field increment',
    run(client, argv) {
      const [, key, field] = argv;
      const incr = toBigInt(argv[3]);
      const hash = hashForWrite(client.db, key);
      const current = hash.get(field);
      const value = current === undefined ? 0n : parseInt64(current);
      if (value === null) throw new ErrorReply('ERR hash value is not an integer');
      const sum = value + incr;
      if (sum > LLONG_MAX || sum < LLONG_MIN) throw new ErrorReply('ERR increment or decrement would overflow');
      hash.set(field, String(sum), limits(client));
      written(client, key, hash, 'hincrby');
      return sum >= -9007199254740991n && sum <= 9007199254740991n ? Number(sum) : sum;
    },
  },
  hincrbyfloat: {
    arity: 4,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Increment the float value of a hash field by the given amount',
    since: '2.6.0',
    reply: 'string',
    complexity: 'O(1)',
    syntax: 'key field increment',
    run(client, argv) {
      const [, key, field, incr] = argv;
      const value = hincrbyfloat(client, key, field, incr);
      // Replicas get the result, so float formatting can never make them drift.
      client.engine.rewriteEffects(['HSET', key, field, value]);
      return value;
    },
  },
  hrandfield: {
    arity: -2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Get one or multiple random fields from a hash',
    since: '6.2.0',
    reply: 'string | string[] | null',
    complexity: 'O(N) where N is the number of fields returned',
    syntax: 'key [count [WITHVALUES]]',
    run(client, argv) {
      if (argv.length === 2) {
        const hash = hashAt(client.db, argv[1], false);
        return hash === undefined ? null : hash.randomField(client.engine.random);
      }
      const count = randomCount(argv[2]);
      const withValues = argv.length === 4 && optionWord(argv[3]) === 'withvalues';
      if (argv.length > 4 || (argv.length === 4 && !withValues)) throw Err.syntax();
      // Twice the count must fit in a C long.
      if (withValues && isHuge(argv[2])) throw new ErrorReply('ERR value is out of range');
      const hash = hashAt(client.db, argv[1], false);
      if (hash === undefined || count === 0) return [];
      return randomFields(client, hash, count, withValues);
    },
  },
  hscan: {
    arity: -3,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Incrementally iterate hash fields and associated values',
    since: '2.8.0',
    reply: '[string, string[]]',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    syntax: 'key cursor [MATCH pattern] [COUNT count]',
    run(client, argv) {
      const cursor = parseScanCursor(argv[2]);
      const hash = hashAt(client.db, argv[1], false);
      if (hash === undefined) return ['0', []];
      const { count, pattern } = parseScanOptions(argv, 3, false);
      // A listpack is returned whole in one step, as Redis does.
      const step = hash.encoding() === 'listpack' ? { cursor: 0, elements: hash.fields.keys() } : scanStep(hash.fields, cursor, count);
      const out: string[] = [];
      for (const field of step.elements) {
        if (pattern === null || globMatch(pattern, field)) out.push(field, hash.get(field)!);
      }
      return [String(step.cursor), out];
    },
  },
});
