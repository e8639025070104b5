/**
 * SORT and SORT_RO (Redis's sort.c): sort a list, set or sorted set by its
 * elements or by weights in other keys (BY), numerically or as strings
 * (ALPHA), then answer elements or values from other keys (GET), or store
 * the result as a list (STORE, SORT only).
 *
 * Redis's quirks are kept: ALPHA compares with strcoll, which in the C (and
 * C.UTF-8) locale is strcmp — byte order up to the first NUL byte — except
 * under STORE, which compares whole strings; equal keys keep their input
 * order (glibc's qsort is a merge sort), except with BY and LIMIT, where
 * Redis's partial quicksort decides; numeric ties fall back to comparing the
 * elements; a missing weight counts as 0 (or sorts first under ALPHA).
 */
import type { Client } from '../client.js';
import { group, type CommandDecl } from '../command.js';
import type { Db } from '../db.js';
import { toInt } from '../number.js';
import { Err, ErrorReply, type Reply } from '../reply.js';
import { pqsort } from '../pqsort.js';
import { optionWord } from '../scan.js';
import { strtodWhole } from '../strtod.js';
import type { Hash } from '../types/hash.js';
import { List } from '../types/list.js';
import type { SetValue } from '../types/set.js';
import type { ZSet } from '../types/zset.js';
import { loadedScripting } from '../../scripting/loader.js';

interface SortOptions {
  desc: boolean;
  alpha: boolean;
  limitStart: number;
  limitCount: number;
  /** BY pattern, or null to sort by the elements themselves. */
  by: string | null;
  /** BY a pattern without '*': keep the collection's own order. */
  dontSort: boolean;
  gets: string[];
  store: string | null;
}

/** What the C code sees of an argument: the bytes before the first NUL. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

function parseOptions(argv: string[], readonly: boolean): SortOptions {
  const o: SortOptions = { desc: false, alpha: false, limitStart: 0, limitCount: -1, by: null, dontSort: false, gets: [], store: null };
  for (let j = 2; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const word = optionWord(argv[j]);
    if (word === 'asc') o.desc = false;
    else if (word === 'desc') o.desc = true;
    else if (word === 'alpha') o.alpha = true;
    else if (word === 'limit' && left >= 2) {
      o.limitStart = toInt(argv[j + 1]);
      o.limitCount = toInt(argv[j + 2]);
      j += 2;
    } else if (!readonly && word === 'store' && left >= 1) o.store = argv[++j];
    else if (word === 'by' && left >= 1) {
      o.by = argv[++j];
      // Once a constant pattern is seen, nothing is sorted (a later BY does not undo it).
      if (!cString(o.by).includes('*')) o.dontSort = true;
    } else if (word === 'get' && left >= 1) o.gets.push(argv[++j]);
    else throw Err.syntax();
  }
  return o;
}

/**
 * lookupKeyByPattern: "#" is the element itself; otherwise the first '*' is
 * replaced by the element, and "->field" after it reads a hash field. A
 * pattern without '*', a missing key or one of the wrong type gives null.
 */
function lookupByPattern(db: Db, pattern: string, element: string): string | null {
  const c = cString(pattern);
  if (c === '#') return element;
  const star = c.indexOf('*');
  if (star < 0) return null;
  const arrow = c.indexOf('->', star + 1);
  const hasField = arrow >= 0 && arrow + 2 < c.length;
  const key = pattern.slice(0, star) + element + pattern.slice(star + 1, hasField ? arrow : pattern.length);
  const value = db.get(key);
  if (value === undefined) return null;
  if (hasField) return typeof value !== 'string' && value.type === 'hash' ? ((value as Hash).get(pattern.slice(arrow + 2)) ?? null) : null;
  return typeof value === 'string' ? value : null;
}

/** One element to sort, with what it sorts by. */
interface Item {
  element: string;
  score: number;
  /** ALPHA with BY: the weight string (null when missing). */
  by: string | null;
}

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const collate = (a: string, b: string): number => byteCompare(cString(a), cString(b));

/** sortCompare. */
function comparator(o: SortOptions): (a: Item, b: Item) => number {
  const strings = o.store !== null ? byteCompare : collate;
  let cmp: (a: Item, b: Item) => number;
  if (!o.alpha) cmp = (a, b) => (a.score > b.score ? 1 : a.score < b.score ? -1 : byteCompare(a.element, b.element));
  else if (o.by !== null) cmp = (a, b) => (a.by === null || b.by === null ? (a.by === b.by ? 0 : a.by === null ? -1 : 1) : strings(a.by, b.by));
  else cmp = (a, b) => strings(a.element, b.element);
  return o.desc ? (a, b) => -cmp(a, b) : cmp;
}

type Sortable = List | SetValue | ZSet;

/**
 * The elements to sort, and the output window [start, end] within them.
 * Unsorted lists and sorted sets load only the window, in the asked direction.
 */
function load(value: Sortable | undefined, o: SortOptions): { elements: string[]; start: number; end: number } {
  const size = value?.size ?? 0;
  let start = Math.min(Math.max(o.limitStart, 0), size);
  const count = Math.min(Math.max(o.limitCount, -1), size);
  let end = count < 0 ? size - 1 : start + count - 1;
  if (start >= size) {
    start = size - 1;
    end = size - 2;
  }
  if (end >= size) end = size - 1;
  if (value === undefined) return { elements: [], start, end };
  if (o.dontSort && value.type !== 'set') {
    const elements: string[] = [];
    const n = end - start + 1;
    if (value.type === 'list') {
      for (let i = 0; i < n; i++) elements.push(value.at(o.desc ? size - 1 - start - i : start + i));
    } else {
      const c = value.at(o.desc ? size - 1 - start : start);
      for (let i = 0; i < n; i++, o.desc ? c.prev() : c.next()) elements.push(c.member);
    }
    return { elements, start: 0, end: n - 1 };
  }
  const elements = value.type === 'list' ? value.range(0, size) : value.type === 'set' ? [...value.members()] : [...value.members.keys()];
  return { elements, start, end };
}

function sort(client: Client, argv: string[], readonly: boolean): Reply {
  const o = parseOptions(argv, readonly);
  const db = client.db;
  const found = db.get(argv[1]);
  if (found !== undefined && (typeof found === 'string' || (found.type !== 'list' && found.type !== 'set' && found.type !== 'zset'))) {
    throw Err.wrongType();
  }
  const value = found as Sortable | undefined;
  // An unsorted set would come out in hash order: stored or scripted results must not depend on it.
  if (o.dontSort && value?.type === 'set' && (o.store !== null || loadedScripting(client.engine)?.current?.client === client)) {
    o.dontSort = false;
    o.alpha = true;
    o.by = null;
  }
  if (value?.type === 'zset') value.convertToSkiplist();
  const { elements, start, end } = load(value, o);

  let badScore = false;
  let items = elements.map((element): Item => ({ element, score: 0, by: null }));
  if (!o.dontSort) {
    for (const item of items) {
      const weight = o.by !== null ? lookupByPattern(db, o.by, item.element) : item.element;
      if (weight === null) continue;
      if (o.alpha) {
        if (o.by !== null) item.by = weight;
        continue;
      }
      const parsed = strtodWhole(weight);
      if (parsed === null || parsed.erange) badScore = true;
      else item.score = parsed.value;
    }
    // With BY and a window, Redis sorts only as far as the window needs (pqsort), which orders ties its own way.
    if (o.by !== null && (start !== 0 || end !== items.length - 1)) pqsort(items, comparator(o), start, end);
    else items.sort(comparator(o));
  }

  if (badScore) return new ErrorReply("ERR One or more scores can't be converted into double");
  const out: (string | null)[] = [];
  for (let j = start; j <= end; j++) {
    const element = items[j].element;
    if (o.gets.length === 0) out.push(element);
    for (const pattern of o.gets) out.push(lookupByPattern(db, pattern, element));
  }
  if (o.store === null) return out;

  if (out.length > 0) {
    db.getForWrite(o.store); // as setKey's lookup: an expired destination expires first
    db.set(o.store, List.from(out.map((v) => v ?? '')));
    client.engine.notify('sortstore', 'l', o.store, db.id);
  } else if (db.delete(o.store)) {
    client.engine.notify('del', 'g', o.store, db.id);
  }
  return out.length;
}

/** SORT's keys: the sorted key and the last STORE destination (sortGetKeys). */
function sortKeys(argv: string[]): number[] {
  const keys = [1];
  let store = -1;
  const skips: Record<string, number> = { limit: 2, get: 1, by: 1 };
  for (let i = 2; i < argv.length; i++) {
    const word = optionWord(argv[i]);
    if (skips[word] !== undefined) i += skips[word];
    else if (word === 'store' && i + 1 < argv.length) store = i + 1;
  }
  if (store >= 0) keys.push(store);
  return keys;
}

const COMPLEXITY =
  'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).';

const commands: Record<string, CommandDecl> = {
  sort: {
    arity: -2,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    getKeys: sortKeys,
    acl: 'set sortedset list dangerous -keyspace',
    summary: 'Sort the elements in a list, set or sorted set',
    since: '1.0.0',
    reply: '(string | null)[] | number',
    complexity: COMPLEXITY,
    syntax: 'key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA] [STORE destination]',
    run: (client, argv) => sort(client, argv, false),
  },
  sort_ro: {
    arity: -2,
    flags: 'readonly',
    keys: [1, 1, 1],
    acl: 'set sortedset list dangerous -keyspace',
    // BY and GET read keys that cannot be known in advance: Redis marks the key positions movable.
    getKeys: () => [1],
    summary: 'Sort the elements in a list, set or sorted set. Read-only variant of SORT.',
    since: '7.0.0',
    reply: '(string | null)[]',
    complexity: COMPLEXITY,
    syntax: 'key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]',
    run: (client, argv) => sort(client, argv, true),
  },
};

export default group('generic', commands);
