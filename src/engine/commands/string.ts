/**
 * The string commands (Redis's t_string.c): SET and its variants, GET and its
 * variants, counters, ranges, APPEND and LCS.
 */
import type { Client } from '../client.js';
import { group } from '../command.js';
import type { Db } from '../db.js';
import { lcs } from '../lcs.js';
import { incrByFloat } from '../longdouble.js';
import { toBigInt, toInt } from '../number.js';
import { Err, ErrorReply, MapReply, OK, type Reply } from '../reply.js';
import { optionWord } from '../scan.js';
import { createdEncoding } from '../string-encoding.js';

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
/** Numbers of up to 15 characters are below 10^15: their sums and products by 1000 stay exact in a double. */
const SAFE_DIGITS = 15;
/** V8's longest string (2^29 - 24 chars): a hard limit on values whatever proto-max-bulk-len says. */
const MAX_STRING_LENGTH = (1 << 29) - 24;

// SET / GETEX options, as Redis's OBJ_* flags.
const NX = 1 << 0;
const XX = 1 << 1;
const GET = 1 << 2;
const EX = 1 << 3;
const PX = 1 << 4;
const EXAT = 1 << 5;
const PXAT = 1 << 6;
const KEEPTTL = 1 << 7;
const PERSIST = 1 << 8;
const ANY_EXPIRE = EX | PX | EXAT | PXAT;
/** For each option, the options it may not follow. */
const CONFLICTS: Record<number, number> = {
  [NX]: XX,
  [XX]: NX,
  [GET]: 0,
  [KEEPTTL]: PERSIST | ANY_EXPIRE,
  [PERSIST]: KEEPTTL | ANY_EXPIRE,
  [EX]: KEEPTTL | PERSIST | PX | EXAT | PXAT,
  [PX]: KEEPTTL | PERSIST | EX | EXAT | PXAT,
  [EXAT]: KEEPTTL | PERSIST | EX | PX | PXAT,
  [PXAT]: KEEPTTL | PERSIST | EX | PX | EXAT,
};

interface StringOptions {
  flags: number;
  /** argv index of the EX/PX/EXAT/PXAT argument, or 0. */
  expireAt: number;
}

/**
 * SET's and GETEX's options (parseExtendedStringArgumentsOrReply). Each option
 * is refused, as a syntax error, when it conflicts with one already seen; a
 * repeated option is fine (the last EX wins).
 */
function parseStringOptions(argv: string[], start: number, isSet: boolean): StringOptions {
  let flags = 0;
  let expireAt = 0;
  for (let j = start; j < argv.length; j++) {
    const add = optionFlag(optionWord(argv[j]), isSet, j + 1 < argv.length);
    if (add === 0 || flags & CONFLICTS[add]) throw Err.syntax();
    flags |= add;
    if (add & ANY_EXPIRE) expireAt = ++j;
  }
  return { flags, expireAt };
}

/** The flag an option word sets, or 0 if the command does not take it (or it lacks its value). */
function optionFlag(opt: string, isSet: boolean, hasValue: boolean): number {
  switch (opt) {
    case 'nx': return isSet ? NX : 0;
    case 'xx': return isSet ? XX : 0;
    case 'get': return isSet ? GET : 0;
    case 'keepttl': return isSet ? KEEPTTL : 0;
    case 'persist': return isSet ? 0 : PERSIST;
    case 'ex': return hasValue ? EX : 0;
    case 'px': return hasValue ? PX : 0;
    case 'exat': return hasValue ? EXAT : 0;
    case 'pxat': return hasValue ? PXAT : 0;
    default: return 0;
  }
}

/**
 * The absolute expiry (ms) an EX/PX/EXAT/PXAT argument means
 * (getExpireMillisecondsOrReply): the time must be positive, and neither the
 * unit conversion nor adding the current time may overflow int64.
 */
function expireFromOption(arg: string, flags: number, now: number, command: string): number {
  const seconds = (flags & (EX | EXAT)) !== 0;
  const relative = (flags & (EX | PX)) !== 0;
  if (arg.length <= SAFE_DIGITS) {
    const n = toInt(arg);
    if (n <= 0) throw Err.expireTime(command);
    return (seconds ? n * 1000 : n) + (relative ? now : 0);
  }
  let ms = toBigInt(arg);
  if (ms <= 0n || (seconds && ms > LLONG_MAX / 1000n)) throw Err.expireTime(command);
  if (seconds) ms *= 1000n;
  if (relative) ms += BigInt(now);
  if (ms > LLONG_MAX) throw Err.expireTime(command);
  return Number(ms);
}

/** getGenericCommand: the string at key (nil if missing), WRONGTYPE otherwise. */
function getValue(db: Db, key: string): string | null {
  return db.getString(key) ?? null;
}

/**
 * setKey: overwrites the key's value, looking it up first as Redis does so an
 * expired key is expired (and notified) before being replaced.
 */
function setValue(client: Client, key: string, value: string): void {
  const db = client.db;
  db.lookupEntry(key);
  db.set(key, value);
  client.engine.notify('set', '$', key, db.id);
}

/**
 * The shared body of SET, SETNX, SETEX and PSETEX (setGenericCommand). A set
 * with an expiry propagates as SET key value PXAT <ms>; SET … GET without
 * one propagates without its GET arguments.
 */
function setGeneric(
  client: Client,
  argv: string[],
  key: string,
  value: string,
  flags: number,
  expireArg: string | null,
  okReply: Reply,
  abortReply: Reply,
): Reply {
  const { db, engine } = client;
  let when = 0;
  if (expireArg !== null) when = expireFromOption(expireArg, flags, engine.time, argv[0].toLowerCase());
  const old = flags & GET ? getValue(db, key) : null;
  const found = db.lookupEntry(key) !== undefined;
  if ((flags & NX && found) || (flags & XX && !found)) return flags & GET ? old : abortReply;
  db.set(key, value, (flags & KEEPTTL) !== 0);
  engine.notify('set', '$', key, db.id);
  if (expireArg !== null) {
    db.setExpire(key, when);
    engine.rewriteEffects(['SET', key, value, 'PXAT', String(when)]);
    engine.notify('expire', 'g', key, db.id);
  } else if (flags & GET) {
    engine.rewriteEffects(argv.filter((arg, i) => i < 3 || optionWord(arg) !== 'get'));
  }
  return flags & GET ? old : okReply;
}

/** Stores a value the command built itself, with the encoding Redis builds it with (null: from content). */
function storeBuilt(db: Db, key: string, value: string, encoding: 'raw' | 'embstr' | null): void {
  db.set(key, value, true);
  if (encoding !== null) db.data.get(key)!.encoding = encoding;
}

/** APPEND and SETRANGE refuse results longer than proto-max-bulk-len (checkStringLength). */
function checkLength(client: Client, total: number): void {
  if (total > client.engine.config.int('proto-max-bulk-len') || total > MAX_STRING_LENGTH) {
    throw new ErrorReply('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
  }
}

/**
 * INCR, DECR, INCRBY, DECRBY (incrDecrCommand) by a validated int64. Short
 * operands are added as doubles, which is exact below 2^53; longer ones as bigints.
 */
function incrBy(client: Client, key: string, by: number | bigint): Reply {
  const db = client.db;
  const current = db.getString(key, true);
  let result: number | bigint;
  if (typeof by === 'number' && (current === undefined || current.length <= SAFE_DIGITS)) {
    result = (current === undefined ? 0 : toInt(current)) + by;
  } else {
    const value = current === undefined ? 0n : toBigInt(current);
    const incr = BigInt(by);
    if ((incr < 0n && value < 0n && incr < LLONG_MIN - value) || (incr > 0n && value > 0n && incr > LLONG_MAX - value)) {
      throw Err.overflow();
    }
    result = value + incr;
    if (result >= -9007199254740991n && result <= 9007199254740991n) result = Number(result);
  }
  db.set(key, String(result), true);
  client.engine.notify('incrby', '$', key, db.id);
  return result;
}

/** An INCRBY/DECRBY amount: a double when short enough to be exact, else a bigint. */
function amount(arg: string): number | bigint {
  return arg.length <= SAFE_DIGITS ? toInt(arg) : toBigInt(arg);
}

export default group('string', {
  set: {
    arity: -3,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Set the string value of a key',
    since: '1.0.0',
    reply: "'OK' | string | null",
    complexity: 'O(1)',
    syntax:
      'key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]',
    run(client, argv) {
      if (argv.length === 3) {
        setValue(client, argv[1], argv[2]);
        return OK;
      }
      const { flags, expireAt } = parseStringOptions(argv, 3, true);
      return setGeneric(client, argv, argv[1], argv[2], flags, expireAt ? argv[expireAt] : null, OK, null);
    },
  },
  setnx: {
    arity: 3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Set the value of a key, only if the key does not exist',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key value',
    run: (client, argv) => setGeneric(client, argv, argv[1], argv[2], NX, null, 1, 0),
  },
  setex: {
    arity: 4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Set the value and expiration of a key',
    since: '2.0.0',
    reply: "'OK'",
    complexity: 'O(1)',
    syntax: 'key seconds value',
    run: (client, argv) => setGeneric(client, argv, argv[1], argv[3], EX, argv[2], OK, null),
  },
  psetex: {
    arity: 4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Set the value and expiration in milliseconds of a key',
    since: '2.6.0',
    reply: "'OK'",
    complexity: 'O(1)',
    syntax: 'key milliseconds value',
    run: (client, argv) => setGeneric(client, argv, argv[1], argv[3], PX, argv[2], OK, null),
  },
  get: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the value of a key',
    since: '1.0.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => getValue(client.db, argv[1]),
  },
  getex: {
    arity: -2,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Get the value of a key and optionally set its expiration',
    since: '6.2.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      const { flags, expireAt } = parseStringOptions(argv, 2, false);
      const value = getValue(db, key);
      if (value === null) return null;
      if (expireAt !== 0) {
        const when = expireFromOption(argv[expireAt], flags, engine.time, 'getex');
        if (flags & (EXAT | PXAT) && when <= engine.time) {
          // An absolute time already past deletes the key.
          db.delete(key);
          engine.rewriteEffects(['DEL', key]);
          engine.notify('del', 'g', key, db.id);
        } else {
          db.setExpire(key, when);
          engine.rewriteEffects(['PEXPIREAT', key, String(when)]);
          engine.notify('expire', 'g', key, db.id);
        }
      } else if (flags & PERSIST && db.persist(key)) {
        engine.rewriteEffects(['PERSIST', key]);
        engine.notify('persist', 'g', key, db.id);
      }
      return value;
    },
  },
  getdel: {
    arity: 2,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Get the value of a key and delete the key',
    since: '6.2.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'key',
    run(client, argv) {
      const { db, engine } = client;
      const value = getValue(db, argv[1]);
      if (value !== null && db.delete(argv[1])) {
        engine.rewriteEffects(['DEL', argv[1]]);
        engine.notify('del', 'g', argv[1], db.id);
      }
      return value;
    },
  },
  getset: {
    arity: 3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Set the string value of a key and return its old value',
    since: '1.0.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'key value',
    run(client, argv) {
      const old = getValue(client.db, argv[1]);
      setValue(client, argv[1], argv[2]);
      client.engine.rewriteEffects(['SET', argv[1], argv[2]]);
      return old;
    },
  },
  mset: {
    arity: -3,
    flags: 'write denyoom',
    keys: [1, -1, 2],
    summary: 'Set multiple keys to multiple values',
    since: '1.0.1',
    reply: "'OK'",
    complexity: 'O(N) where N is the number of keys to set.',
    syntax: 'key value [key value ...]',
    run(client, argv) {
      if (argv.length % 2 === 0) throw Err.arity('mset');
      for (let j = 1; j < argv.length; j += 2) setValue(client, argv[j], argv[j + 1]);
      return OK;
    },
  },
  msetnx: {
    arity: -3,
    flags: 'write denyoom',
    keys: [1, -1, 2],
    summary: 'Set multiple keys to multiple values, only if none of the keys exist',
    since: '1.0.1',
    reply: 'number',
    complexity: 'O(N) where N is the number of keys to set.',
    syntax: 'key value [key value ...]',
    run(client, argv) {
      if (argv.length % 2 === 0) throw Err.arity('msetnx');
      for (let j = 1; j < argv.length; j += 2) if (client.db.lookupEntry(argv[j]) !== undefined) return 0;
      for (let j = 1; j < argv.length; j += 2) setValue(client, argv[j], argv[j + 1]);
      return 1;
    },
  },
  mget: {
    arity: -2,
    flags: 'readonly fast',
    keys: [1, -1, 1],
    summary: 'Get the values of all the given keys',
    since: '1.0.0',
    reply: '(string | null)[]',
    complexity: 'O(N) where N is the number of keys to retrieve.',
    syntax: 'key [key ...]',
    run(client, argv) {
      const values: Reply[] = new Array(argv.length - 1);
      for (let j = 1; j < argv.length; j++) {
        const v = client.db.get(argv[j]);
        values[j - 1] = typeof v === 'string' ? v : null;
      }
      return values;
    },
  },
  append: {
    arity: 3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Append a value to a key',
    since: '2.0.0',
    reply: 'number',
    complexity:
      'O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.',
    syntax: 'key value',
    run(client, argv) {
      const db = client.db;
      const current = db.getString(argv[1], true);
      let value = argv[2];
      if (current === undefined) {
        // A new key takes the argument as SET would (its encoding from content).
        db.set(argv[1], value);
      } else {
        checkLength(client, current.length + value.length);
        value = current + value;
        storeBuilt(db, argv[1], value, 'raw');
      }
      client.engine.notify('append', '$', argv[1], db.id);
      return value.length;
    },
  },
  strlen: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the length of the value stored in a key',
    since: '2.2.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => client.db.getString(argv[1])?.length ?? 0,
  },
  getrange: getRangeDecl('2.4.0'),
  substr: getRangeDecl('1.0.0'),
  setrange: {
    arity: 4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Overwrite part of a string at key starting at the specified offset',
    since: '2.2.0',
    reply: 'number',
    complexity:
      'O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.',
    syntax: 'key offset value',
    run(client, argv) {
      const db = client.db;
      const offset = toInt(argv[2]);
      const patch = argv[3];
      if (offset < 0) throw new ErrorReply('ERR offset is out of range');
      const current = db.getString(argv[1], true);
      if (patch.length === 0) return current?.length ?? 0;
      checkLength(client, offset + patch.length);
      const base = current ?? '';
      const head = base.length >= offset ? base.slice(0, offset) : base + '\0'.repeat(offset - base.length);
      const value = head + patch + base.slice(offset + patch.length);
      storeBuilt(db, argv[1], value, 'raw');
      client.engine.notify('setrange', '$', argv[1], db.id);
      return value.length;
    },
  },
  incr: {
    arity: 2,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Increment the integer value of a key by one',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => incrBy(client, argv[1], 1),
  },
  decr: {
    arity: 2,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Decrement the integer value of a key by one',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => incrBy(client, argv[1], -1),
  },
  incrby: {
    arity: 3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Increment the integer value of a key by the given amount',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key increment',
    run: (client, argv) => incrBy(client, argv[1], amount(argv[2])),
  },
  decrby: {
    arity: 3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Decrement the integer value of a key by the given number',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key decrement',
    run(client, argv) {
      const by = amount(argv[2]);
      // -LLONG_MIN does not fit in an int64.
      if (by === LLONG_MIN) throw new ErrorReply('ERR decrement would overflow');
      return incrBy(client, argv[1], -by);
    },
  },
  incrbyfloat: {
    arity: 3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Increment the float value of a key by the given amount',
    since: '2.6.0',
    reply: 'string',
    complexity: 'O(1)',
    syntax: 'key increment',
    run(client, argv) {
      const db = client.db;
      const value = incrByFloat(db.getString(argv[1], true), argv[2]);
      storeBuilt(db, argv[1], value, createdEncoding(value));
      client.engine.notify('incrbyfloat', '$', argv[1], db.id);
      // Replicas and the log get the result, not the float arithmetic.
      client.engine.rewriteEffects(['SET', argv[1], value, 'KEEPTTL']);
      return value;
    },
  },
  lcs: {
    arity: -3,
    flags: 'readonly',
    keys: [1, 2, 1],
    summary: 'Find longest common substring',
    since: '7.0.0',
    reply: 'string | number | (string | number | ([number, number] | number)[][])[]',
    complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively',
    syntax: 'key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]',
    run(client, argv) {
      const db = client.db;
      const a = db.get(argv[1]);
      const b = db.get(argv[2]);
      if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string')) {
        throw new ErrorReply('ERR The specified keys must contain string values');
      }
      let getLen = false;
      let getIdx = false;
      let withMatchLen = false;
      let minMatchLen = 0;
      for (let j = 3; j < argv.length; j++) {
        const opt = optionWord(argv[j]);
        if (opt === 'idx') getIdx = true;
        else if (opt === 'len') getLen = true;
        else if (opt === 'withmatchlen') withMatchLen = true;
        else if (opt === 'minmatchlen' && j + 1 < argv.length) minMatchLen = Math.max(0, toInt(argv[++j]));
        else throw Err.syntax();
      }
      if (getLen && getIdx) throw new ErrorReply('ERR If you want both the length and indexes, please just use IDX.');
      const sa = a ?? '';
      const sb = b ?? '';
      // Redis refuses a table (of 32-bit cells) larger than proto-max-bulk-len.
      if ((sa.length + 1) * (sb.length + 1) * 4 > client.engine.config.int('proto-max-bulk-len')) {
        throw new ErrorReply('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
      }
      let result;
      try {
        result = lcs(sa, sb, minMatchLen);
      } catch (e) {
        if (e instanceof RangeError) throw new ErrorReply('ERR Insufficient memory, failed allocating transient memory for LCS');
        throw e;
      }
      if (getLen) return result.length;
      if (!getIdx) return result.sequence;
      const matches: Reply[] = result.matches.map((m) =>
        withMatchLen ? [[m.aStart, m.aEnd], [m.bStart, m.bEnd], m.aEnd - m.aStart + 1] : [[m.aStart, m.aEnd], [m.bStart, m.bEnd]],
      );
      return new MapReply(['matches', matches, 'len', result.length]);
    },
  },
});

/** GETRANGE and its old name SUBSTR. */
function getRangeDecl(since: string) {
  return {
    arity: 4,
    flags: 'readonly',
    keys: [1, 1, 1] as [number, number, number],
    summary: 'Get a substring of the string stored at a key',
    since,
    reply: 'string',
    complexity:
      'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
    syntax: 'key start end',
    run(client: Client, argv: string[]): Reply {
      let start = toInt(argv[2]);
      let end = toInt(argv[3]);
      const s = client.db.getString(argv[1]);
      if (s === undefined) return '';
      const len = s.length;
      if (start < 0 && end < 0 && start > end) return '';
      if (start < 0) start = Math.max(0, len + start);
      if (end < 0) end = Math.max(0, len + end);
      if (end >= len) end = len - 1;
      return start > end || len === 0 ? '' : s.slice(start, end + 1);
    },
  };
}
