/**
 * The list commands (Redis's t_list.c), blocking ones included: pushes and
 * pops at either end, ranges, positional reads and writes, LMOVE / LMPOP and
 * BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BLMPOP.
 *
 * Every command looks keys up, checks types and parses arguments in Redis's
 * order, so the same mistake gets the same error. A list emptied by a command
 * is deleted (with a `del` event), as Redis never keeps an empty list.
 */
import { BLOCKED, group, type HandlerResult } from '../command.js';
import type { BlockedState } from '../blocking.js';
import type { Client } from '../client.js';
import type { Db, Value } from '../db.js';
import { parseInt64, toInt } from '../number.js';
import { Err, ErrorReply, NULL_ARRAY, OK, type Reply } from '../reply.js';
import { optionWord } from '../scan.js';
import { parseTimeoutSeconds } from '../timeout.js';
import { List } from '../types/list.js';

/**
 * An integer argument that must be at least `min`; Redis answers bad syntax
 * and out-of-range values with the same message (getRangeLongFromObjectOrReply).
 */
export function intAtLeast(arg: string, min: number, error: () => ErrorReply): number {
  const n = toInt(arg, error);
  if (n < min) throw error();
  return n;
}

/** The key positions of a `numkeys key [key ...]` command, numkeys at argv[at]; none if malformed. */
export function numkeysKeys(at: number): (argv: string[]) => number[] {
  return (argv) => {
    const n = at < argv.length ? parseInt64(argv[at]) : null;
    if (n === null || n < 1n || BigInt(at) + n >= BigInt(argv.length)) return [];
    return Array.from({ length: Number(n) }, (_, i) => at + 1 + i);
  };
}

const positiveCount = () => Err.notPositive('value');
const numkeysError = () => new ErrorReply('ERR numkeys should be greater than 0');
const countError = () => new ErrorReply('ERR count should be greater than 0');
const LLONG_MIN_TEXT = '-9223372036854775808';

/** LEFT / RIGHT, as LMOVE, LMPOP and friends take them: true for the head. */
function parseEnd(arg: string): boolean {
  const word = optionWord(arg);
  if (word === 'left') return true;
  if (word === 'right') return false;
  throw Err.syntax();
}

function listAt(db: Db, key: string, forWrite: boolean): List | undefined {
  return db.getTyped<List>(key, 'list', forWrite);
}

function isList(value: Value | undefined): value is List {
  return typeof value === 'object' && value.type === 'list';
}

/** After elements left a list (listElementsRemoved): the pop event, and the key goes if now empty. */
function elementsRemoved(client: Client, key: string, list: List, head: boolean): void {
  const { db, engine } = client;
  engine.notify(head ? 'lpop' : 'rpop', 'l', key, db.id);
  db.touchWrite(key, list);
  if (list.size === 0) engine.notify('del', 'g', key, db.id);
}

/** Takes up to `count` elements from one end, in the order they come off. */
function popMany(list: List, head: boolean, count: number): string[] {
  const n = Math.min(count, list.size);
  if (head) {
    const items = list.range(0, n);
    list.trim(n, 0);
    return items;
  }
  const items = list.range(list.size - n, list.size).reverse();
  list.trim(0, n);
  return items;
}

/** While the engine re-runs a blocked command: the key that became ready (Redis serves the waiter from it alone). */
function readyKey(client: Client): string | undefined {
  return (client.blocked as BlockedState | null)?.readyKey;
}

/** Pushes onto a list, creating it first if missing (lmoveHandlePush's push side). */
function pushOne(client: Client, key: string, list: List | undefined, value: string, head: boolean): void {
  const db = client.db;
  if (list === undefined) {
    list = new List();
    db.set(key, list);
  }
  if (head) list.pushHead(value);
  else list.pushTail(value);
  db.touchWrite(key, list);
  client.engine.notify(head ? 'lpush' : 'rpush', 'l', key, db.id);
}

/** LPUSH, RPUSH, LPUSHX, RPUSHX (pushGenericCommand). */
function push(client: Client, argv: string[], head: boolean, onlyExisting: boolean): Reply {
  const db = client.db;
  const key = argv[1];
  let list = listAt(db, key, true);
  if (list === undefined) {
    if (onlyExisting) return 0;
    list = new List();
    db.set(key, list);
  }
  if (head) for (let i = 2; i < argv.length; i++) list.pushHead(argv[i]);
  else for (let i = 2; i < argv.length; i++) list.pushTail(argv[i]);
  db.touchWrite(key, list);
  client.engine.notify(head ? 'lpush' : 'rpush', 'l', key, db.id);
  return list.size;
}

/** LPOP and RPOP, with or without COUNT (popGenericCommand). */
function pop(client: Client, argv: string[], head: boolean): Reply {
  if (argv.length > 3) throw Err.arity(head ? 'lpop' : 'rpop');
  const withCount = argv.length === 3;
  const count = withCount ? intAtLeast(argv[2], 0, positiveCount) : 1;
  const key = argv[1];
  const list = listAt(client.db, key, true);
  if (list === undefined) return withCount ? NULL_ARRAY : null;
  if (withCount && count === 0) return [];
  const reply = withCount ? popMany(list, head, count) : head ? list.popHead()! : list.popTail()!;
  elementsRemoved(client, key, list, head);
  return reply;
}

/** Pops from the first non-empty list of `keys` as LMPOP replies: [key, [elements]], propagated as [LR]POP key n. */
function popFromFirst(client: Client, keys: readonly string[], head: boolean, count: number): Reply | undefined {
  for (const key of keys) {
    const list = listAt(client.db, key, true);
    if (list === undefined) continue;
    const n = Math.min(count, list.size);
    const items = popMany(list, head, n);
    elementsRemoved(client, key, list, head);
    client.engine.rewriteEffects([head ? 'LPOP' : 'RPOP', key, String(n)]);
    return [key, items];
  }
  return undefined;
}

/** Pops one element from the first non-empty list, as BLPOP replies: [key, element], propagated as [LR]POP key. */
function popOneFromFirst(client: Client, keys: readonly string[], head: boolean): Reply | undefined {
  for (const key of keys) {
    const list = listAt(client.db, key, true);
    if (list === undefined) continue;
    const value = head ? list.popHead()! : list.popTail()!;
    elementsRemoved(client, key, list, head);
    client.engine.rewriteEffects([head ? 'LPOP' : 'RPOP', key]);
    return [key, value];
  }
  return undefined;
}

/**
 * The keys a blocking pop may take from now. A waiter being served looks only
 * at the key that became ready, and keeps waiting if that key is not a list
 * (Redis serves list waiters only from list keys).
 */
function keysToTry(client: Client, keys: readonly string[]): readonly string[] {
  const ready = readyKey(client);
  if (ready === undefined) return keys;
  return isList(client.db.getForWrite(ready)) ? [ready] : [];
}

/** BLPOP / BRPOP (count -1) and BLMPOP (blockingPopGenericCommand). */
function blockingPop(client: Client, keys: string[], head: boolean, timeoutArg: string, count: number): HandlerResult {
  const timeout = parseTimeoutSeconds(timeoutArg);
  const candidates = keysToTry(client, keys);
  const served = count < 0 ? popOneFromFirst(client, candidates, head) : popFromFirst(client, candidates, head, count);
  return served ?? client.engine.block(client, keys, timeout, NULL_ARRAY);
}

/**
 * RPOPLPUSH / LMOVE and their blocking forms once the source has elements
 * (lmoveGenericCommand): the push lands first, then the pop is notified.
 */
function move(client: Client, argv: string[], from: boolean, to: boolean): Reply {
  const db = client.db;
  const [, source, destination] = argv;
  const src = listAt(db, source, true);
  if (src === undefined) return null;
  const dst = listAt(db, destination, true);
  const value = from ? src.popHead()! : src.popTail()!;
  pushOne(client, destination, dst, value, to);
  elementsRemoved(client, source, src, from);
  return value;
}

/** BRPOPLPUSH and BLMOVE (blmoveGenericCommand); `effect` is what a move propagates as. */
function blockingMove(client: Client, argv: string[], from: boolean, to: boolean, timeoutArg: string, effect: (served: boolean) => string[]): HandlerResult {
  const timeout = parseTimeoutSeconds(timeoutArg);
  const { db, engine } = client;
  const [, source, destination] = argv;
  const served = readyKey(client) !== undefined;
  if (served) {
    if (!isList(db.getForWrite(source))) return BLOCKED;
    const dst = db.getForWrite(destination);
    if (dst !== undefined && !isList(dst)) {
      // Redis answers the waiter with the destination's WRONGTYPE and ends its wait.
      engine.unblock(client, Err.wrongType());
      return BLOCKED;
    }
  } else if (listAt(db, source, true) === undefined) {
    // Inside MULTI or a script the answer is a nil bulk; a wait that times out gets a nil array.
    return engine.nesting > 0 ? null : engine.block(client, [source], timeout, NULL_ARRAY);
  }
  const value = move(client, argv, from, to);
  engine.rewriteEffects(effect(served));
  return value;
}

/** `numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` from argv[at] (lmpopGenericCommand). */
function parseMpop(argv: string[], at: number): { keys: string[]; head: boolean; count: number } {
  const numkeys = intAtLeast(argv[at], 1, numkeysError);
  const whereAt = at + numkeys + 1;
  if (whereAt >= argv.length) throw Err.syntax();
  const head = parseEnd(argv[whereAt]);
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && optionWord(argv[j]) === 'count' && j + 1 < argv.length) count = intAtLeast(argv[++j], 1, countError);
    else throw Err.syntax();
  }
  return { keys: argv.slice(at + 1, whereAt), head, count: count === -1 ? 1 : count };
}

/** Clamps LRANGE / LTRIM indices (negative from the end) to [start, end) within the list; empty when start ≥ end. */
function clampRange(start: number, stop: number, size: number): [number, number] {
  if (start < 0) start += size;
  if (stop < 0) stop += size;
  if (start < 0) start = 0;
  if (start > stop || start >= size) return [0, 0];
  return [start, Math.min(stop, size - 1) + 1];
}

/**
 * LPOS's search (lposCommand): the indices of matches from the `skip`-th on,
 * scanning from the head or the tail, at most `count` of them (0: all) within
 * the first `maxlen` elements scanned (0: all).
 */
function lpos(list: List, element: string, fromTail: boolean, skip: number, count: number, maxlen: number): number[] {
  const size = list.size;
  const limit = maxlen === 0 ? size : Math.min(maxlen, size);
  const found: number[] = [];
  let matches = 0;
  for (let i = 0; i < limit; i++) {
    const index = fromTail ? size - 1 - i : i;
    if (list.at(index) !== element || ++matches < skip) continue;
    found.push(index);
    if (found.length === count) break;
  }
  return found;
}

export default group('list', {
  lpush: {
    arity: -3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Prepend one or multiple elements to a list',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    syntax: 'key element [element ...]',
    run: (client, argv) => push(client, argv, true, false),
  },
  rpush: {
    arity: -3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Append one or multiple elements to a list',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    syntax: 'key element [element ...]',
    run: (client, argv) => push(client, argv, false, false),
  },
  lpushx: {
    arity: -3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Prepend an element to a list, only if the list exists',
    since: '2.2.0',
    reply: 'number',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    syntax: 'key element [element ...]',
    run: (client, argv) => push(client, argv, true, true),
  },
  rpushx: {
    arity: -3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Append an element to a list, only if the list exists',
    since: '2.2.0',
    reply: 'number',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    syntax: 'key element [element ...]',
    run: (client, argv) => push(client, argv, false, true),
  },
  lpop: {
    arity: -2,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Remove and get the first elements in a list',
    since: '1.0.0',
    reply: 'string | string[] | null',
    complexity: 'O(N) where N is the number of elements returned',
    syntax: 'key [count]',
    run: (client, argv) => pop(client, argv, true),
  },
  rpop: {
    arity: -2,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Remove and get the last elements in a list',
    since: '1.0.0',
    reply: 'string | string[] | null',
    complexity: 'O(N) where N is the number of elements returned',
    syntax: 'key [count]',
    run: (client, argv) => pop(client, argv, false),
  },
  llen: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the length of a list',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => listAt(client.db, argv[1], false)?.size ?? 0,
  },
  lrange: {
    arity: 4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Get a range of elements from a list',
    since: '1.0.0',
    reply: 'string[]',
    complexity: 'O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.',
    syntax: 'key start stop',
    run(client, argv) {
      const start = toInt(argv[2]);
      const stop = toInt(argv[3]);
      const list = listAt(client.db, argv[1], false);
      if (list === undefined) return [];
      const [from, to] = clampRange(start, stop, list.size);
      return list.range(from, to);
    },
  },
  lindex: {
    arity: 3,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Get an element from a list by its index',
    since: '1.0.0',
    reply: 'string | null',
    complexity: 'O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).',
    syntax: 'key index',
    run(client, argv) {
      const list = listAt(client.db, argv[1], false);
      if (list === undefined) return null;
      let index = toInt(argv[2]);
      if (index < 0) index += list.size;
      return index >= 0 && index < list.size ? list.at(index) : null;
    },
  },
  lset: {
    arity: 4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Set the value of an element in a list by its index',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).',
    syntax: 'key index element',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      const list = listAt(db, key, true);
      if (list === undefined) throw Err.noSuchKey();
      let index = toInt(argv[2]);
      if (index < 0) index += list.size;
      if (index < 0 || index >= list.size) throw Err.outOfRange();
      list.set(index, argv[3]);
      db.touchWrite(key, list);
      engine.notify('lset', 'l', key, db.id);
      return OK;
    },
  },
  linsert: {
    arity: 5,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Insert an element before or after another element in a list',
    since: '2.2.0',
    reply: 'number',
    complexity: 'O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).',
    syntax: 'key <BEFORE | AFTER> pivot element',
    run(client, argv) {
      const where = optionWord(argv[2]);
      if (where !== 'after' && where !== 'before') throw Err.syntax();
      const { db, engine } = client;
      const key = argv[1];
      const list = listAt(db, key, true);
      if (list === undefined) return 0;
      const pivot = list.indexOf(argv[3]);
      if (pivot < 0) return -1;
      list.insert(where === 'after' ? pivot + 1 : pivot, argv[4]);
      db.touchWrite(key, list);
      engine.notify('linsert', 'l', key, db.id);
      return list.size;
    },
  },
  lrem: {
    arity: 4,
    flags: 'write',
    keys: [1, 1, 1],
    summary: 'Remove elements from a list',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(N+M) where N is the length of the list and M is the number of elements removed.',
    syntax: 'key count element',
    run(client, argv) {
      const count = toInt(argv[2]);
      const { db, engine } = client;
      const key = argv[1];
      const list = listAt(db, key, true);
      if (list === undefined) return 0;
      const removed = list.remove(argv[3], Math.abs(count), count < 0);
      if (removed > 0) {
        db.touchWrite(key, list);
        engine.notify('lrem', 'l', key, db.id);
        if (list.size === 0) engine.notify('del', 'g', key, db.id);
      }
      return removed;
    },
  },
  ltrim: {
    arity: 4,
    flags: 'write',
    keys: [1, 1, 1],
    summary: 'Trim a list to the specified range',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the number of elements to be removed by the operation.',
    syntax: 'key start stop',
    run(client, argv) {
      const start = toInt(argv[2]);
      const stop = toInt(argv[3]);
      const { db, engine } = client;
      const key = argv[1];
      const list = listAt(db, key, true);
      if (list === undefined) return OK;
      const size = list.size;
      const [from, to] = clampRange(start, stop, size);
      list.trim(from, size - to);
      // Redis signals the key even when nothing went, but propagates only a change.
      if (list.size === size) engine.rewriteEffects();
      engine.notify('ltrim', 'l', key, db.id);
      db.touchWrite(key, list);
      if (list.size === 0) engine.notify('del', 'g', key, db.id);
      return OK;
    },
  },
  lpos: {
    arity: -3,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return the index of matching elements on a list',
    since: '6.0.6',
    reply: 'number | number[] | null',
    complexity: 'O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.',
    syntax: 'key element [RANK rank] [COUNT num-matches] [MAXLEN len]',
    run(client, argv) {
      let rank = 1;
      let rankIsMin = false;
      let count = -1;
      let maxlen = 0;
      for (let j = 3; j < argv.length; j++) {
        const opt = optionWord(argv[j]);
        const hasValue = j + 1 < argv.length;
        if (opt === 'rank' && hasValue) {
          rank = toInt(argv[++j]);
          rankIsMin = argv[j] === LLONG_MIN_TEXT;
          if (rank === 0) {
            throw new ErrorReply("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
          }
        } else if (opt === 'count' && hasValue) {
          count = intAtLeast(argv[++j], 0, () => new ErrorReply("ERR COUNT can't be negative"));
        } else if (opt === 'maxlen' && hasValue) {
          maxlen = intAtLeast(argv[++j], 0, () => new ErrorReply("ERR MAXLEN can't be negative"));
        } else {
          throw Err.syntax();
        }
      }
      const list = listAt(client.db, argv[1], false);
      if (list === undefined) return count === -1 ? null : [];
      // RANK -2^63 cannot be negated in C: it stays negative, so every match from the tail counts and COUNT never stops the scan.
      const skip = rankIsMin ? 1 : Math.abs(rank);
      const found = lpos(list, argv[2], rank < 0, skip, count === -1 ? 1 : rankIsMin ? 0 : count, maxlen);
      return count === -1 ? (found[0] ?? null) : found;
    },
  },
  rpoplpush: {
    arity: 3,
    flags: 'write denyoom',
    keys: [1, 2, 1],
    summary: 'Remove the last element in a list, prepend it to another list and return it',
    since: '1.2.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'source destination',
    run: (client, argv) => move(client, argv, false, true),
  },
  lmove: {
    arity: 5,
    flags: 'write denyoom',
    keys: [1, 2, 1],
    summary: 'Pop an element from a list, push it to another list and return it',
    since: '6.2.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'source destination <LEFT | RIGHT> <LEFT | RIGHT>',
    run(client, argv) {
      const from = parseEnd(argv[3]);
      const to = parseEnd(argv[4]);
      return move(client, argv, from, to);
    },
  },
  lmpop: {
    arity: -4,
    flags: 'write',
    getKeys: numkeysKeys(1),
    summary: 'Pop elements from a list',
    since: '7.0.0',
    reply: '[string, string[]] | null',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
    syntax: 'numkeys key [key ...] <LEFT | RIGHT> [COUNT count]',
    run(client, argv) {
      const { keys, head, count } = parseMpop(argv, 1);
      return popFromFirst(client, keys, head, count) ?? NULL_ARRAY;
    },
  },
  blpop: {
    arity: -3,
    flags: 'write noscript blocking',
    keys: [1, -2, 1],
    summary: 'Remove and get the first element in a list, or block until one is available',
    since: '2.0.0',
    reply: '[string, string] | null',
    complexity: 'O(N) where N is the number of provided keys.',
    syntax: 'key [key ...] timeout',
    run: (client, argv) => blockingPop(client, argv.slice(1, -1), true, argv[argv.length - 1], -1),
  },
  brpop: {
    arity: -3,
    flags: 'write noscript blocking',
    keys: [1, -2, 1],
    summary: 'Remove and get the last element in a list, or block until one is available',
    since: '2.0.0',
    reply: '[string, string] | null',
    complexity: 'O(N) where N is the number of provided keys.',
    syntax: 'key [key ...] timeout',
    run: (client, argv) => blockingPop(client, argv.slice(1, -1), false, argv[argv.length - 1], -1),
  },
  brpoplpush: {
    arity: 4,
    flags: 'write denyoom noscript blocking',
    keys: [1, 2, 1],
    summary: 'Pop an element from a list, push it to another list and return it; or block until one is available',
    since: '2.2.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'source destination timeout',
    run: (client, argv) => blockingMove(client, argv, false, true, argv[3], () => ['RPOPLPUSH', argv[1], argv[2]]),
  },
  blmove: {
    arity: 6,
    flags: 'write denyoom noscript blocking',
    keys: [1, 2, 1],
    summary: 'Pop an element from a list, push it to another list and return it; or block until one is available',
    since: '6.2.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout',
    run(client, argv) {
      const from = parseEnd(argv[3]);
      const to = parseEnd(argv[4]);
      // Served from a wait, Redis spells the ends itself; served at once, it keeps the client's words.
      const effect = (served: boolean) =>
        served ? ['LMOVE', argv[1], argv[2], from ? 'left' : 'right', to ? 'left' : 'right'] : ['LMOVE', ...argv.slice(1, 5)];
      return blockingMove(client, argv, from, to, argv[5], effect);
    },
  },
  blmpop: {
    arity: -5,
    flags: 'write blocking',
    getKeys: numkeysKeys(2),
    summary: 'Pop elements from a list, or block until one is available',
    since: '7.0.0',
    reply: '[string, string[]] | null',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
    syntax: 'timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]',
    run(client, argv) {
      const { keys, head, count } = parseMpop(argv, 2);
      return blockingPop(client, keys, head, argv[1], count);
    },
  },
});
