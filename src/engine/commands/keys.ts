/**
 * The keyspace commands (Redis's 'generic' group: db.c, expire.c and OBJECT
 * from object.c): deleting, renaming, copying and moving keys, listing and
 * scanning them, and their expiry.
 */
import type { Client } from '../client.js';
import { group, type CommandDecl } from '../command.js';
import { typeOf, type Db, type Entry } from '../db.js';
import { globMatch } from '../glob.js';
import { toBigInt, toInt } from '../number.js';
import { Err, ErrorReply, OK, SimpleString, type Reply } from '../reply.js';
import { optionWord, parseScanCursor, parseScanOptions, scanStep } from '../scan.js';
import { isSharedInteger, SHARED_REFCOUNT, stringEncoding } from '../string-encoding.js';

/**
 * A read lookup that leaves the key's access time alone (Redis's
 * LOOKUP_NOTOUCH, for EXISTS, TYPE, TTL, OBJECT): it still expires the key
 * and counts a keyspace hit or miss, and notifies a miss unless `notifyMiss`
 * is false (OBJECT's LOOKUP_NONOTIFY).
 */
function lookupNoTouch(client: Client, key: string, notifyMiss = true): Entry | undefined {
  const { db, engine } = client;
  let entry = db.data.get(key);
  if (entry !== undefined && entry.expireAt !== 0 && entry.expireAt <= engine.time) {
    const lru = entry.lru;
    entry = db.lookupEntry(key); // expires it, unless expiry is suspended
    if (entry !== undefined) entry.lru = lru;
  }
  if (entry !== undefined) {
    engine.stats.keyspaceHits++;
  } else {
    engine.stats.keyspaceMisses++;
    if (notifyMiss) engine.notify('keymiss', 'm', key, db.id);
  }
  return entry;
}

/** A database number argument (MOVE, COPY … DB), as getIntFromObjectOrReply then selectDb check it. */
function dbArg(client: Client, arg: string): Db {
  const index = toInt(arg);
  if (index < -2147483648 || index > 2147483647) {
    throw new ErrorReply('ERR value is out of range, value must between -2147483648 and 2147483647');
  }
  const db = client.engine.dbs[index];
  if (db === undefined) throw Err.dbIndex();
  return db;
}

const sameObject = () => new ErrorReply('ERR source and destination objects are the same');

/**
 * Adds a key holding another entry's value (RENAME, MOVE) or a copy of it
 * (COPY, `copy` true), with its expiry. A moved string keeps its encoding; a
 * copied one is a new object with the same encoding.
 */
function addFrom(db: Db, key: string, from: Entry, copy: boolean): void {
  const value = from.value;
  const isString = typeof value === 'string';
  db.set(key, copy && !isString ? value.clone() : value);
  db.data.get(key)!.encoding = copy && isString ? stringEncoding(from) : from.encoding;
  if (from.expireAt !== 0) db.setExpire(key, from.expireAt);
}

/** DEL and UNLINK (delGenericCommand): both free at once here. */
function deleteKeys(client: Client, argv: string[]): number {
  const { db, engine } = client;
  let deleted = 0;
  for (let j = 1; j < argv.length; j++) {
    if (db.lookupEntry(argv[j]) !== undefined && db.delete(argv[j])) {
      engine.notify('del', 'g', argv[j], db.id);
      deleted++;
    }
  }
  return deleted;
}

/** RENAME and RENAMENX (renameGenericCommand). */
function rename(client: Client, argv: string[], nx: boolean): Reply {
  const { db, engine } = client;
  const [, from, to] = argv;
  const entry = db.lookupEntry(from);
  if (entry === undefined) throw Err.noSuchKey();
  if (from === to) return nx ? 0 : OK;
  if (db.lookupEntry(to) !== undefined) {
    if (nx) return 0;
    db.delete(to);
  }
  addFrom(db, to, entry, false);
  db.delete(from);
  engine.notify('rename_from', 'g', from, db.id);
  engine.notify('rename_to', 'g', to, db.id);
  return nx ? 1 : OK;
}

// ——— Expiry ———

const EXPIRE_NX = 1;
const EXPIRE_XX = 2;
const EXPIRE_GT = 4;
const EXPIRE_LT = 8;

const LLONG_MAX = 9223372036854775807n;
/** Times of up to 15 characters stay below 10^15: converting and adding the base stays exact enough and far from int64's limits. */
const SAFE_DIGITS = 15;

/** EXPIRE's NX | XX | GT | LT (parseExtendedExpireArgumentsOrReply). */
function parseExpireFlags(argv: string[]): number {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionWord(argv[j]);
    if (opt === 'nx') flags |= EXPIRE_NX;
    else if (opt === 'xx') flags |= EXPIRE_XX;
    else if (opt === 'gt') flags |= EXPIRE_GT;
    else if (opt === 'lt') flags |= EXPIRE_LT;
    else throw new ErrorReply(`ERR Unsupported option ${argv[j].split('\0', 1)[0]}`);
  }
  if (flags & EXPIRE_NX && flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) {
    throw new ErrorReply('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (flags & EXPIRE_GT && flags & EXPIRE_LT) {
    throw new ErrorReply('ERR GT and LT options at the same time are not compatible');
  }
  return flags;
}

/**
 * The absolute time (ms) EXPIRE and friends are asked for: negative times are
 * allowed, but converting seconds to ms or adding the base must not overflow int64.
 */
function expireTime(arg: string, seconds: boolean, base: number, command: string): number {
  if (arg.length <= SAFE_DIGITS) return toInt(arg) * (seconds ? 1000 : 1) + base;
  let when = toBigInt(arg);
  if (seconds) {
    if (when > LLONG_MAX / 1000n || when < -LLONG_MAX / 1000n) throw Err.expireTime(command);
    when *= 1000n;
  }
  if (when > LLONG_MAX - BigInt(base)) throw Err.expireTime(command);
  return Number(when + BigInt(base));
}

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (expireGenericCommand); propagated as PEXPIREAT, or DEL for a past time. */
function expireGeneric(client: Client, argv: string[], seconds: boolean, relative: boolean): Reply {
  const { db, engine } = client;
  const key = argv[1];
  const command = argv[0].toLowerCase();
  const flags = parseExpireFlags(argv);
  const when = expireTime(argv[2], seconds, relative ? engine.time : 0, command);
  if (db.lookupEntry(key) === undefined) return 0;
  if (flags) {
    const current = db.getExpire(key); // 0: none, which GT and LT treat as infinite
    if (flags & EXPIRE_NX && current !== 0) return 0;
    if (flags & EXPIRE_XX && current === 0) return 0;
    if (flags & EXPIRE_GT && (current === 0 || when <= current)) return 0;
    if (flags & EXPIRE_LT && current !== 0 && when >= current) return 0;
  }
  if (when <= engine.time) {
    db.delete(key);
    engine.rewriteEffects(['DEL', key]);
    engine.notify('del', 'g', key, db.id);
    return 1;
  }
  db.setExpire(key, when);
  if (command !== 'pexpireat') {
    const effect = argv.slice();
    effect[0] = 'PEXPIREAT';
    effect[2] = String(when);
    engine.rewriteEffects(effect);
  }
  engine.notify('expire', 'g', key, db.id);
  return 1;
}

/** TTL, PTTL, EXPIRETIME, PEXPIRETIME (ttlGenericCommand): -2 no key, -1 no expiry. */
function ttlGeneric(client: Client, key: string, inMs: boolean, absolute: boolean): number {
  const entry = lookupNoTouch(client, key);
  if (entry === undefined) return -2;
  if (entry.expireAt === 0) return -1;
  const ttl = Math.max(0, absolute ? entry.expireAt : entry.expireAt - client.engine.time);
  return inMs ? ttl : Math.floor((ttl + 500) / 1000);
}

function expireDecl(unit: 'seconds' | 'milliseconds' | 'unix-time-seconds' | 'unix-time-milliseconds', summary: string, since: string): CommandDecl {
  const seconds = unit === 'seconds' || unit === 'unix-time-seconds';
  const relative = !unit.startsWith('unix-time');
  return {
    arity: -3,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary,
    since,
    reply: 'number',
    complexity: 'O(1)',
    syntax: `key ${unit} [NX | XX | GT | LT]`,
    run: (client, argv) => expireGeneric(client, argv, seconds, relative),
  };
}

function ttlDecl(inMs: boolean, absolute: boolean, summary: string, since: string): CommandDecl {
  return {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary,
    since,
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => ttlGeneric(client, argv[1], inMs, absolute),
  };
}

// ——— OBJECT ———

/** LFU_INIT_VAL: the access counter a key starts with under an LFU policy. */
const LFU_INIT_VAL = 5;

const OBJECT_HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
].map((line) => new SimpleString(line));

const isLfu = (client: Client) => (client.engine.config.get('maxmemory-policy') as string).includes('lfu');

/** An OBJECT subcommand on one key: nil when the key is missing, else what inspect returns (of client type `reply`). */
function objectDecl(summary: string, since: string, reply: string, inspect: (client: Client, entry: Entry) => Reply): CommandDecl {
  return {
    arity: 3,
    flags: 'readonly',
    keys: [2, 2, 1],
    summary,
    since,
    reply: `${reply} | null`,
    complexity: 'O(1)',
    syntax: 'key',
    run(client, argv) {
      const entry = lookupNoTouch(client, argv[2], false);
      return entry === undefined ? null : inspect(client, entry);
    },
  };
}

export default group('generic', {
  del: {
    arity: -2,
    flags: 'write',
    keys: [1, -1, 1],
    summary: 'Delete a key',
    since: '1.0.0',
    reply: 'number',
    complexity:
      'O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).',
    syntax: 'key [key ...]',
    run: deleteKeys,
  },
  unlink: {
    arity: -2,
    flags: 'write fast',
    keys: [1, -1, 1],
    summary: 'Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.',
    since: '4.0.0',
    reply: 'number',
    complexity:
      'O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.',
    syntax: 'key [key ...]',
    run: deleteKeys,
  },
  exists: {
    arity: -2,
    flags: 'readonly fast',
    keys: [1, -1, 1],
    summary: 'Determine if a key exists',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(N) where N is the number of keys to check.',
    syntax: 'key [key ...]',
    run(client, argv) {
      let count = 0;
      for (let j = 1; j < argv.length; j++) if (lookupNoTouch(client, argv[j]) !== undefined) count++;
      return count;
    },
  },
  type: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Determine the type stored at key',
    since: '1.0.0',
    reply: 'string',
    complexity: 'O(1)',
    syntax: 'key',
    run(client, argv) {
      const entry = lookupNoTouch(client, argv[1]);
      return new SimpleString(entry === undefined ? 'none' : typeOf(entry.value));
    },
  },
  rename: {
    arity: 3,
    flags: 'write',
    keys: [1, 2, 1],
    summary: 'Rename a key',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(1)',
    syntax: 'key newkey',
    run: (client, argv) => rename(client, argv, false),
  },
  renamenx: {
    arity: 3,
    flags: 'write fast',
    keys: [1, 2, 1],
    summary: 'Rename a key, only if the new key does not exist',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key newkey',
    run: (client, argv) => rename(client, argv, true),
  },
  copy: {
    arity: -3,
    flags: 'write denyoom',
    keys: [1, 2, 1],
    summary: 'Copy a key',
    since: '6.2.0',
    reply: 'number',
    complexity: 'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.',
    syntax: 'source destination [DB destination-db] [REPLACE]',
    run(client, argv) {
      const { db, engine } = client;
      const [, source, destination] = argv;
      let target = db;
      let replace = false;
      for (let j = 3; j < argv.length; j++) {
        const opt = optionWord(argv[j]);
        if (opt === 'replace') replace = true;
        else if (opt === 'db' && j + 1 < argv.length) target = dbArg(client, argv[++j]);
        else throw Err.syntax();
      }
      if (target === db && source === destination) throw sameObject();
      if (db.get(source) === undefined) return 0;
      const entry = db.data.get(source)!;
      if (target.lookupEntry(destination) !== undefined) {
        if (!replace) return 0;
        target.delete(destination);
      }
      addFrom(target, destination, entry, true);
      engine.notify('copy_to', 'g', destination, target.id);
      return 1;
    },
  },
  move: {
    arity: 3,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Move a key to another database',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key db',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      const target = dbArg(client, argv[2]);
      if (target === db) throw sameObject();
      const entry = db.lookupEntry(key);
      if (entry === undefined || target.lookupEntry(key) !== undefined) return 0;
      addFrom(target, key, entry, false);
      db.delete(key);
      engine.notify('move_from', 'g', key, db.id);
      engine.notify('move_to', 'g', key, target.id);
      return 1;
    },
  },
  keys: {
    arity: 2,
    flags: 'readonly',
    acl: 'dangerous',
    summary: 'Find all keys matching the given pattern',
    since: '1.0.0',
    reply: 'string[]',
    complexity:
      'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.',
    syntax: 'pattern',
    run(client, argv) {
      const pattern = argv[1];
      const all = pattern === '*';
      const now = client.engine.time;
      const found: string[] = [];
      // Expired keys are left for expiry to delete, but not listed.
      for (const [key, entry] of client.db.data) {
        if ((all || globMatch(pattern, key)) && (entry.expireAt === 0 || entry.expireAt > now)) found.push(key);
      }
      return found;
    },
  },
  scan: {
    arity: -2,
    flags: 'readonly',
    summary: 'Incrementally iterate the keys space',
    since: '2.8.0',
    reply: '[string, string[]]',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    syntax: 'cursor [MATCH pattern] [COUNT count] [TYPE type]',
    run(client, argv) {
      const cursor = parseScanCursor(argv[1]);
      const { count, pattern, type } = parseScanOptions(argv, 2, true);
      const { db, engine } = client;
      const wantedType = type === null ? null : optionWord(type);
      const step = scanStep(db.data, cursor, count);
      const keys: string[] = [];
      // Filtered as Redis does: pattern, then type (a lookup, which may expire
      // the key: it then counts as type "none"), then expiry.
      for (const key of step.elements) {
        if (pattern !== null && !globMatch(pattern, key)) continue;
        if (wantedType !== null) {
          const entry = lookupNoTouch(client, key);
          if ((entry === undefined ? 'none' : typeOf(entry.value)) !== wantedType) continue;
        }
        const entry = db.data.get(key);
        if (entry !== undefined && entry.expireAt !== 0 && entry.expireAt <= engine.time) {
          db.lookupEntry(key); // expires it
          continue;
        }
        keys.push(key);
      }
      return [String(step.cursor), keys];
    },
  },
  randomkey: {
    arity: 1,
    flags: 'readonly',
    summary: 'Return a random key from the keyspace',
    since: '1.0.0',
    reply: 'string | null',
    complexity: 'O(1)',
    run: (client) => client.db.randomKey(client.engine.random) ?? null,
  },
  touch: {
    arity: -2,
    flags: 'readonly fast',
    keys: [1, -1, 1],
    summary: 'Alters the last access time of a key(s). Returns the number of existing keys specified.',
    since: '3.2.1',
    reply: 'number',
    complexity: 'O(N) where N is the number of keys that will be touched.',
    syntax: 'key [key ...]',
    run(client, argv) {
      let touched = 0;
      for (let j = 1; j < argv.length; j++) if (client.db.get(argv[j]) !== undefined) touched++;
      return touched;
    },
  },
  object: {
    arity: -2,
    summary: 'A container for object introspection commands',
    since: '2.2.3',
    complexity: 'Depends on subcommand.',
    subcommands: {
      encoding: objectDecl('Inspect the internal encoding of a Redis object', '2.2.3', 'string', (_client, entry) =>
        typeof entry.value === 'string' ? stringEncoding(entry) : entry.value.encoding(),
      ),
      refcount: objectDecl('Get the number of references to the value of the key', '2.2.3', 'number', (client, entry) => {
        const { config } = client.engine;
        const shared = isSharedInteger(entry, config.int('maxmemory'), config.get('maxmemory-policy') as string);
        return shared ? SHARED_REFCOUNT : 1;
      }),
      idletime: objectDecl('Get the time since a Redis object was last accessed', '2.2.3', 'number', (client, entry) => {
        if (isLfu(client)) {
          throw new ErrorReply(
            'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
          );
        }
        return Math.max(0, client.engine.lruClock - entry.lru);
      }),
      freq: objectDecl('Get the logarithmic access frequency counter of a Redis object', '4.0.0', 'number', (client, entry) => {
        if (!isLfu(client)) {
          throw new ErrorReply(
            'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
          );
        }
        // redlite does not count accesses (it does not evict), so every key
        // reports the counter of one not read since written: the initial
        // value, decayed by one per lfu-decay-time minutes of idleness.
        const decay = client.engine.config.int('lfu-decay-time');
        const idleMinutes = Math.floor(client.engine.lruClock / 60) - Math.floor(entry.lru / 60);
        return decay === 0 ? LFU_INIT_VAL : Math.max(0, LFU_INIT_VAL - Math.floor(idleMinutes / decay));
      }),
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '6.2.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: () => OBJECT_HELP,
      },
    },
  },
  expire: expireDecl('seconds', "Set a key's time to live in seconds", '1.0.0'),
  pexpire: expireDecl('milliseconds', "Set a key's time to live in milliseconds", '2.6.0'),
  expireat: expireDecl('unix-time-seconds', 'Set the expiration for a key as a UNIX timestamp', '1.2.0'),
  pexpireat: expireDecl(
    'unix-time-milliseconds',
    'Set the expiration for a key as a UNIX timestamp specified in milliseconds',
    '2.6.0',
  ),
  ttl: ttlDecl(false, false, 'Get the time to live for a key in seconds', '1.0.0'),
  pttl: ttlDecl(true, false, 'Get the time to live for a key in milliseconds', '2.6.0'),
  expiretime: ttlDecl(false, true, 'Get the expiration Unix timestamp for a key', '7.0.0'),
  pexpiretime: ttlDecl(true, true, 'Get the expiration Unix timestamp for a key in milliseconds', '7.0.0'),
  persist: {
    arity: 2,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Remove the expiration from a key',
    since: '2.2.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run(client, argv) {
      const { db, engine } = client;
      if (db.lookupEntry(argv[1]) === undefined || !db.persist(argv[1])) return 0;
      engine.notify('persist', 'g', argv[1], db.id);
      return 1;
    },
  },
});
