/**
 * The set commands (Redis's t_set.c): membership, random members, moves,
 * the algebra (SINTER, SUNION, SDIFF and their STORE forms, SINTERCARD) and
 * SSCAN. Sets are answered as RESP3 sets where Redis does. A set emptied by
 * a command is deleted (with a `del` event).
 */
import type { Client } from '../client.js';
import { group } from '../command.js';
import type { Db, Value } from '../db.js';
import { globMatch } from '../glob.js';
import { toInt } from '../number.js';
import { Err, ErrorReply, SetReply, type Reply } from '../reply.js';
import { optionWord, parseScanCursor, parseScanOptions, scanStep } from '../scan.js';
import { SetValue } from '../types/set.js';
import { intAtLeast, numkeysKeys } from './list.js';

/** SPOP with a count rebuilds the set from the members it keeps once those are this many times fewer. */
const SPOP_MOVE_STRATEGY_MUL = 5;
const LONG_MAX_TEXT = '9223372036854775807';
const LONG_MIN_TEXT = '-9223372036854775808';
/** The most random picks one reply may hold. */
const MAX_PICKS = 2 ** 31;

/**
 * SRANDMEMBER's and HRANDFIELD's count: any C long but LONG_MIN, which cannot
 * be negated (getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX)).
 */
export function randomCount(arg: string): number {
  const n = toInt(arg);
  // toInt accepts one spelling of LONG_MIN only.
  if (arg === LONG_MIN_TEXT) {
    throw new ErrorReply(`ERR value is out of range, value must between -${LONG_MAX_TEXT} and ${LONG_MAX_TEXT}`);
  }
  return n;
}

/**
 * How many independent picks a count asks for (a negative count, or 1). Past
 * 2^31 the reply could not be built — Redis would try, and run out of
 * memory — so that is an error here.
 */
export function picks(count: number): number {
  const n = Math.abs(count);
  if (n > MAX_PICKS) throw new ErrorReply(`ERR count is out of range, at most ${MAX_PICKS} picks fit a reply`);
  return n;
}

/**
 * `count` distinct elements of `all` (count < all.length) picked uniformly:
 * a partial shuffle of a copy when they are a good part of it, else random
 * draws until enough distinct ones came up — Redis's two strategies.
 */
export function sampleDistinct(all: readonly string[], count: number, random: () => number): Iterable<string> {
  if (count * 3 > all.length) {
    const pool = [...all];
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  }
  const picked = new Set<string>();
  while (picked.size < count) picked.add(all[Math.floor(random() * all.length)]);
  return picked;
}

function setAt(db: Db, key: string, forWrite: boolean): SetValue | undefined {
  return db.getTyped<SetValue>(key, 'set', forWrite);
}

function asSet(value: Value): SetValue {
  if (typeof value === 'string' || value.type !== 'set') throw Err.wrongType();
  return value as SetValue;
}

function maxIntset(client: Client): number {
  return client.engine.config.int('set-max-intset-entries');
}

/** The sets at `keys` for reading (null for missing keys), WRONGTYPE if any is not a set. */
function setsAt(db: Db, keys: readonly string[]): (SetValue | null)[] {
  const sets = new Array<SetValue | null>(keys.length);
  for (let i = 0; i < keys.length; i++) sets[i] = setAt(db, keys[i], false) ?? null;
  return sets;
}

/** Members that are in every set (none may be missing), from the smallest set on. */
function intersection(sets: SetValue[], limit = 0): string[] {
  const sorted = [...sets].sort((a, b) => a.size - b.size);
  const [smallest, ...others] = sorted;
  const out: string[] = [];
  for (const m of smallest.members()) {
    if (others.every((s) => s === smallest || s.has(m))) {
      out.push(m);
      if (out.length === limit) break;
    }
  }
  return out;
}

/** Members of the first set in none of the others (missing sets are empty). */
function difference(sets: (SetValue | null)[]): string[] {
  const [first, ...others] = sets;
  if (first === null) return [];
  const out: string[] = [];
  for (const m of first.members()) if (!others.some((s) => s !== null && s.has(m))) out.push(m);
  return out;
}

/** Every member of any of the sets, each once. */
function union(sets: (SetValue | null)[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) if (s !== null) for (const m of s.members()) out.add(m);
  return out;
}

/**
 * Stores a computed set at `destination` (setKey), or deletes it when the
 * result is empty; replies with the result's size.
 */
function store(client: Client, destination: string, members: Iterable<string>, event: string): number {
  const { db, engine } = client;
  const result = SetValue.fromMembers(members, maxIntset(client));
  if (result.size === 0) {
    // Redis deletes without a lookup: an expired destination goes as a plain `del`.
    if (db.delete(destination)) engine.notify('del', 'g', destination, db.id);
    return 0;
  }
  db.lookupEntry(destination);
  db.set(destination, result);
  engine.notify(event, 's', destination, db.id);
  return result.size;
}

/** A computed set as SUNION and SDIFF reply with it: in the order of the set Redis would build. */
function resultReply(client: Client, members: Iterable<string>): SetReply {
  return new SetReply([...SetValue.fromMembers(members, maxIntset(client)).members()]);
}

/** SINTER, SMEMBERS, SINTERSTORE (sinterGenericCommand without the cardinality mode). */
function sinter(client: Client, keys: readonly string[], destination?: string): Reply {
  const sets = setsAt(client.db, keys);
  const present = sets.filter((s): s is SetValue => s !== null);
  const members = present.length < sets.length ? [] : intersection(present);
  if (destination !== undefined) return store(client, destination, members, 'sinterstore');
  return new SetReply(members);
}

/** SPOP key count (spopWithCountCommand). */
function spopMany(client: Client, argv: string[]): Reply {
  const { db, engine } = client;
  const key = argv[1];
  const count = intAtLeast(argv[2], 0, () => Err.notPositive('value'));
  const set = setAt(db, key, true);
  if (set === undefined || count === 0) return new SetReply([]);
  engine.notify('spop', 's', key, db.id);
  const size = set.size;
  if (count >= size) {
    const all = [...set.members()];
    db.delete(key);
    engine.notify('del', 'g', key, db.id);
    engine.rewriteEffects(['DEL', key]);
    return new SetReply(all);
  }
  const random = engine.random;
  const remaining = size - count;
  let popped: string[];
  if (remaining * SPOP_MOVE_STRATEGY_MUL > count) {
    popped = [];
    for (let i = 0; i < count; i++) {
      const m = set.random(random);
      set.delete(m);
      popped.push(m);
    }
    db.touchWrite(key, set);
  } else {
    // Most members go: pick the ones that stay and build the set anew from them, as Redis does.
    const kept = new Set(sampleDistinct(set.members(), remaining, random));
    popped = set.members().filter((m) => !kept.has(m));
    db.set(key, SetValue.fromMembers(kept, maxIntset(client)), true);
  }
  engine.rewriteEffects(...popped.map((m) => ['SREM', key, m]));
  return new SetReply(popped);
}

/** SRANDMEMBER key count (srandmemberWithCountCommand). */
function srandmemberMany(client: Client, argv: string[]): Reply {
  const count = randomCount(argv[2]);
  const set = setAt(client.db, argv[1], false);
  if (set === undefined || count === 0) return [];
  const random = client.engine.random;
  if (count < 0 || count === 1) {
    const out = new Array<string>(picks(count));
    for (let i = 0; i < out.length; i++) out[i] = set.random(random);
    return out;
  }
  if (count >= set.size) return [...set.members()];
  return [...sampleDistinct(set.members(), count, random)];
}

export default group('set', {
  sadd: {
    arity: -3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Add one or more members to a set',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    syntax: 'key member [member ...]',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      let set = setAt(db, key, true);
      if (set === undefined) {
        set = SetValue.forFirstMember(argv[2]);
        db.set(key, set);
      }
      const max = maxIntset(client);
      let added = 0;
      for (let i = 2; i < argv.length; i++) if (set.add(argv[i], max)) added++;
      if (added > 0) {
        db.touchWrite(key, set);
        engine.notify('sadd', 's', key, db.id);
      }
      return added;
    },
  },
  srem: {
    arity: -3,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Remove one or more members from a set',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(N) where N is the number of members to be removed.',
    syntax: 'key member [member ...]',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      const set = setAt(db, key, true);
      if (set === undefined) return 0;
      let removed = 0;
      for (let i = 2; i < argv.length && set.size > 0; i++) if (set.delete(argv[i])) removed++;
      if (removed > 0) {
        db.touchWrite(key, set);
        engine.notify('srem', 's', key, db.id);
        if (set.size === 0) engine.notify('del', 'g', key, db.id);
      }
      return removed;
    },
  },
  smembers: {
    arity: 2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output_order',
    summary: 'Get all the members in a set',
    since: '1.0.0',
    reply: 'string[]',
    complexity: 'O(N) where N is the set cardinality.',
    syntax: 'key',
    run: (client, argv) => sinter(client, [argv[1]]),
  },
  sismember: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Determine if a given value is a member of a set',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key member',
    run: (client, argv) => (setAt(client.db, argv[1], false)?.has(argv[2]) ? 1 : 0),
  },
  smismember: {
    arity: -3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Returns the membership associated with the given elements for a set',
    since: '6.2.0',
    reply: 'number[]',
    complexity: 'O(N) where N is the number of elements being checked for membership',
    syntax: 'key member [member ...]',
    run(client, argv) {
      const set = setAt(client.db, argv[1], false);
      const out = new Array<number>(argv.length - 2);
      for (let i = 2; i < argv.length; i++) out[i - 2] = set?.has(argv[i]) ? 1 : 0;
      return out;
    },
  },
  scard: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the number of members in a set',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => setAt(client.db, argv[1], false)?.size ?? 0,
  },
  spop: {
    arity: -2,
    flags: 'write fast',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Remove and return one or multiple random members from a set',
    since: '1.0.0',
    reply: 'string | string[] | null',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
    syntax: 'key [count]',
    run(client, argv) {
      if (argv.length === 3) return spopMany(client, argv);
      if (argv.length > 3) throw Err.syntax();
      const { db, engine } = client;
      const key = argv[1];
      const set = setAt(db, key, true);
      if (set === undefined) return null;
      const member = set.random(engine.random);
      set.delete(member);
      engine.notify('spop', 's', key, db.id);
      engine.rewriteEffects(['SREM', key, member]);
      db.touchWrite(key, set);
      if (set.size === 0) engine.notify('del', 'g', key, db.id);
      return member;
    },
  },
  srandmember: {
    arity: -2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Get one or multiple random members from a set',
    since: '1.0.0',
    reply: 'string | string[] | null',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
    syntax: 'key [count]',
    run(client, argv) {
      if (argv.length === 3) return srandmemberMany(client, argv);
      if (argv.length > 3) throw Err.syntax();
      const set = setAt(client.db, argv[1], false);
      return set === undefined ? null : set.random(client.engine.random);
    },
  },
  smove: {
    arity: 4,
    flags: 'write fast',
    keys: [1, 2, 1],
    summary: 'Move a member from one set to another',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'source destination member',
    run(client, argv) {
      const { db, engine } = client;
      const [, source, destination, member] = argv;
      const srcValue = db.getForWrite(source);
      const dstValue = db.getForWrite(destination);
      if (srcValue === undefined) return 0;
      const src = asSet(srcValue);
      let dst = dstValue === undefined ? undefined : asSet(dstValue);
      if (source === destination) return src.has(member) ? 1 : 0;
      if (!src.delete(member)) return 0;
      engine.notify('srem', 's', source, db.id);
      db.touchWrite(source, src);
      if (src.size === 0) engine.notify('del', 'g', source, db.id);
      if (dst === undefined) {
        dst = SetValue.forFirstMember(member);
        db.set(destination, dst);
      }
      if (dst.add(member, maxIntset(client))) {
        db.touchWrite(destination, dst);
        engine.notify('sadd', 's', destination, db.id);
      }
      return 1;
    },
  },
  sinter: {
    arity: -2,
    flags: 'readonly',
    keys: [1, -1, 1],
    tips: 'nondeterministic_output_order',
    summary: 'Intersect multiple sets',
    since: '1.0.0',
    reply: 'string[]',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
    syntax: 'key [key ...]',
    run: (client, argv) => sinter(client, argv.slice(1)),
  },
  sintercard: {
    arity: -3,
    flags: 'readonly',
    getKeys: numkeysKeys(1),
    summary: 'Intersect multiple sets and return the cardinality of the result',
    since: '7.0.0',
    reply: 'number',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
    syntax: 'numkeys key [key ...] [LIMIT limit]',
    run(client, argv) {
      const numkeys = intAtLeast(argv[1], 1, () => new ErrorReply('ERR numkeys should be greater than 0'));
      if (numkeys > argv.length - 2) throw new ErrorReply("ERR Number of keys can't be greater than number of args");
      let limit = 0;
      for (let j = 2 + numkeys; j < argv.length; j++) {
        if (optionWord(argv[j]) === 'limit' && j + 1 < argv.length) {
          limit = intAtLeast(argv[++j], 0, () => new ErrorReply("ERR LIMIT can't be negative"));
        } else {
          throw Err.syntax();
        }
      }
      const sets = setsAt(client.db, argv.slice(2, 2 + numkeys));
      const present = sets.filter((s): s is SetValue => s !== null);
      return present.length < sets.length ? 0 : intersection(present, limit).length;
    },
  },
  sinterstore: {
    arity: -3,
    flags: 'write denyoom',
    keys: [1, -1, 1],
    summary: 'Intersect multiple sets and store the resulting set in a key',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
    syntax: 'destination key [key ...]',
    run: (client, argv) => sinter(client, argv.slice(2), argv[1]),
  },
  sunion: {
    arity: -2,
    flags: 'readonly',
    keys: [1, -1, 1],
    tips: 'nondeterministic_output_order',
    summary: 'Add multiple sets',
    since: '1.0.0',
    reply: 'string[]',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    syntax: 'key [key ...]',
    run: (client, argv) => resultReply(client, union(setsAt(client.db, argv.slice(1)))),
  },
  sunionstore: {
    arity: -3,
    flags: 'write denyoom',
    keys: [1, -1, 1],
    summary: 'Add multiple sets and store the resulting set in a key',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    syntax: 'destination key [key ...]',
    run: (client, argv) => store(client, argv[1], union(setsAt(client.db, argv.slice(2))), 'sunionstore'),
  },
  sdiff: {
    arity: -2,
    flags: 'readonly',
    keys: [1, -1, 1],
    tips: 'nondeterministic_output_order',
    summary: 'Subtract multiple sets',
    since: '1.0.0',
    reply: 'string[]',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    syntax: 'key [key ...]',
    run: (client, argv) => resultReply(client, difference(setsAt(client.db, argv.slice(1)))),
  },
  sdiffstore: {
    arity: -3,
    flags: 'write denyoom',
    keys: [1, -1, 1],
    summary: 'Subtract multiple sets and store the resulting set in a key',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    syntax: 'destination key [key ...]',
    run: (client, argv) => store(client, argv[1], difference(setsAt(client.db, argv.slice(2))), 'sdiffstore'),
  },
  sscan: {
    arity: -3,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Incrementally iterate Set elements',
    since: '2.8.0',
    reply: '[string, string[]]',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    syntax: 'key cursor [MATCH pattern] [COUNT count]',
    run(client, argv) {
      const cursor = parseScanCursor(argv[2]);
      const set = setAt(client.db, argv[1], false);
      if (set === undefined) return ['0', []];
      const { count, pattern } = parseScanOptions(argv, 3, false);
      // An intset is returned whole in one step, as Redis does.
      const step = set.encoding() === 'intset' ? { cursor: 0, elements: set.members() } : scanStep(set.positions, cursor, count);
      const out: string[] = [];
      for (const m of step.elements) if (pattern === null || globMatch(pattern, m)) out.push(m);
      return [String(step.cursor), out];
    },
  },
});
