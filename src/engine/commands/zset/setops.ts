/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, after Redis's
 * zunionInterDiffGenericCommand. Plain sets take part with every score 1.
 */
import type { Client } from '../../client.js';
import type { CommandDecl } from '../../command.js';
import { parseInt64, toDouble, toInt } from '../../number.js';
import { Err, ErrorReply, type Reply } from '../../reply.js';
import { optionWord } from '../../scan.js';
import type { SetValue } from '../../types/set.js';
import { ZSet } from '../../types/zset.js';
import { listpackLimits, pushMember, storeResult } from './common.js';

type Op = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** One input: a sorted set, a set, or a missing key (empty), with its weight. */
interface Source {
  value: ZSet | SetValue | null;
  weight: number;
}

const sizeOf = (s: Source): number => s.value?.size ?? 0;

/** The input's score for a member, or undefined if absent. */
function find(s: Source, member: string): number | undefined {
  const v = s.value;
  if (v === null) return undefined;
  if (v.type === 'zset') return v.score(member);
  return v.has(member) ? 1 : undefined;
}

/** Every member of an input with its score. */
function entries(s: Source): Iterable<[string, number]> {
  const v = s.value;
  if (v === null) return [];
  if (v.type === 'zset') return v.members;
  return v.members().map((m) => [m, 1] as [string, number]);
}

/** zunionInterAggregate; SUM keeps Redis's convention that inf + -inf is 0. */
function aggregateInto(target: number, value: number, how: Aggregate): number {
  if (how === 'sum') {
    const sum = target + value;
    return sum !== sum ? 0 : sum;
  }
  if (how === 'min') return value < target ? value : target;
  return value > target ? value : target;
}

/** A weighted score; 0 × inf is NaN, which Redis turns into 0. */
function weighted(score: number, weight: number): number {
  const v = score * weight;
  return v !== v ? 0 : v;
}

interface Parsed {
  sources: Source[];
  aggregate: Aggregate;
  withScores: boolean;
  limit: number;
}

/**
 * Reads numkeys, the keys (WRONGTYPE before any option error) and the
 * options each command allows, in Redis's order.
 */
function parse(client: Client, argv: string[], numkeysIndex: number, op: Op, store: boolean, cardinality: boolean): Parsed {
  const setnum = toInt(argv[numkeysIndex]);
  if (setnum < 1) throw new ErrorReply(`ERR at least 1 input key is needed for '${argv[0].toLowerCase()}' command`);
  if (setnum > argv.length - (numkeysIndex + 1)) throw Err.syntax();
  const sources: Source[] = [];
  let j = numkeysIndex + 1;
  for (let i = 0; i < setnum; i++, j++) {
    const value = client.db.get(argv[j]);
    if (value !== undefined && (typeof value === 'string' || (value.type !== 'zset' && value.type !== 'set'))) {
      throw Err.wrongType();
    }
    sources.push({ value: (value as ZSet | SetValue | undefined) ?? null, weight: 1 });
  }
  const parsed: Parsed = { sources, aggregate: 'sum', withScores: false, limit: 0 };
  const weightsAllowed = op !== 'diff' && !cardinality;
  while (j < argv.length) {
    const remaining = argv.length - j;
    const word = optionWord(argv[j]);
    if (weightsAllowed && remaining >= setnum + 1 && word === 'weights') {
      j++;
      for (const source of sources) source.weight = toDouble(argv[j++], () => new ErrorReply('ERR weight value is not a float'));
    } else if (weightsAllowed && remaining >= 2 && word === 'aggregate') {
      const how = optionWord(argv[j + 1]);
      if (how !== 'sum' && how !== 'min' && how !== 'max') throw Err.syntax();
      parsed.aggregate = how;
      j += 2;
    } else if (!store && !cardinality && word === 'withscores') {
      parsed.withScores = true;
      j++;
    } else if (cardinality && remaining >= 2 && word === 'limit') {
      const limit = parseInt64(argv[j + 1]);
      if (limit === null || limit < 0n) throw new ErrorReply("ERR LIMIT can't be negative");
      parsed.limit = Number(limit);
      j += 2;
    } else {
      throw Err.syntax();
    }
  }
  return parsed;
}

/**
 * Visits the members of the smallest input found in every other input, with
 * their aggregated scores, until `visit` returns false.
 */
function forEachCommon(sources: Source[], how: Aggregate, visit: (member: string, score: number) => boolean): void {
  const [first, ...rest] = sources;
  if (sizeOf(first) === 0) return;
  next: for (const [member, score] of entries(first)) {
    let total = weighted(score, first.weight);
    for (const other of rest) {
      const found = find(other, member);
      if (found === undefined) continue next;
      total = aggregateInto(total, found * other.weight, how);
    }
    if (!visit(member, total)) return;
  }
}

function intersection(sources: Source[], how: Aggregate): Map<string, number> {
  const result = new Map<string, number>();
  forEachCommon(sources, how, (member, score) => (result.set(member, score), true));
  return result;
}

/** ZINTERCARD: the intersection's size, counting no further than `limit` (0: no limit). */
function intersectionSize(sources: Source[], limit: number): number {
  let count = 0;
  forEachCommon(sources, 'sum', () => ++count !== limit);
  return count;
}

function union(sources: Source[], how: Aggregate): Map<string, number> {
  const result = new Map<string, number>();
  for (const source of sources) {
    for (const [member, score] of entries(source)) {
      const value = weighted(score, source.weight);
      const current = result.get(member);
      result.set(member, current === undefined ? value : aggregateInto(current, value, how));
    }
  }
  return result;
}

/** The first input's members found in no other input, with their own scores. */
function difference(sources: Source[]): Map<string, number> {
  const result = new Map<string, number>();
  const [first, ...rest] = sources;
  for (const [member, score] of entries(first)) {
    if (!rest.some((other) => find(other, member) !== undefined)) result.set(member, score);
  }
  return result;
}

function zsetop(client: Client, argv: string[], op: Op, dst: string | null, cardinality = false): Reply {
  const { sources, aggregate, withScores, limit } = parse(client, argv, dst === null ? 1 : 2, op, dst !== null, cardinality);
  // Smallest inputs first, as Redis orders them (a stable sort: it uses glibc's merge sort).
  if (op !== 'diff') sources.sort((a, b) => sizeOf(a) - sizeOf(b));
  if (cardinality) return intersectionSize(sources, limit);
  const entries = op === 'union' ? union(sources, aggregate) : op === 'inter' ? intersection(sources, aggregate) : difference(sources);
  const result = ZSet.fromMap(entries);
  if (dst !== null) {
    result.compactIfFits(listpackLimits(client));
    return storeResult(client, dst, result, `z${op}store`);
  }
  const out: Reply[] = [];
  for (const [member, score] of result) pushMember(out, client, member, score, withScores);
  return out;
}

/** numkeys at 1 (ZUNION …) or 2 (ZUNIONSTORE …, whose destination is a key too). */
function numkeysKeys(numkeysIndex: number) {
  return (argv: string[]): number[] => {
    const keys = numkeysIndex === 2 ? [1] : [];
    const n = Number(parseInt64(argv[numkeysIndex]) ?? 0n);
    for (let i = 0; i < n && numkeysIndex + 1 + i < argv.length; i++) keys.push(numkeysIndex + 1 + i);
    return keys;
  };
}

const UNION_COMPLEXITY =
  'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.';
const INTER_COMPLEXITY =
  'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.';
const DIFF_COMPLEXITY =
  'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.';

export const setopCommands: Record<string, CommandDecl> = {
  zunion: {
    arity: -3,
    flags: 'readonly',
    getKeys: numkeysKeys(1),
    summary: 'Add multiple sorted sets',
    since: '6.2.0',
    reply: 'string[]',
    complexity: UNION_COMPLEXITY,
    syntax: 'numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]',
    run: (client, argv) => zsetop(client, argv, 'union', null),
  },
  zinter: {
    arity: -3,
    flags: 'readonly',
    getKeys: numkeysKeys(1),
    summary: 'Intersect multiple sorted sets',
    since: '6.2.0',
    reply: 'string[]',
    complexity: INTER_COMPLEXITY,
    syntax: 'numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]',
    run: (client, argv) => zsetop(client, argv, 'inter', null),
  },
  zdiff: {
    arity: -3,
    flags: 'readonly',
    getKeys: numkeysKeys(1),
    summary: 'Subtract multiple sorted sets',
    since: '6.2.0',
    reply: 'string[]',
    complexity: DIFF_COMPLEXITY,
    syntax: 'numkeys key [key ...] [WITHSCORES]',
    run: (client, argv) => zsetop(client, argv, 'diff', null),
  },
  zunionstore: {
    arity: -4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    getKeys: numkeysKeys(2),
    summary: 'Add multiple sorted sets and store the resulting sorted set in a new key',
    since: '2.0.0',
    reply: 'number',
    complexity: UNION_COMPLEXITY.replace('M*log', 'M log'),
    syntax: 'destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]',
    run: (client, argv) => zsetop(client, argv, 'union', argv[1]),
  },
  zinterstore: {
    arity: -4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    getKeys: numkeysKeys(2),
    summary: 'Intersect multiple sorted sets and store the resulting sorted set in a new key',
    since: '2.0.0',
    reply: 'number',
    complexity: INTER_COMPLEXITY,
    syntax: 'destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]',
    run: (client, argv) => zsetop(client, argv, 'inter', argv[1]),
  },
  zdiffstore: {
    arity: -4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    getKeys: numkeysKeys(2),
    summary: 'Subtract multiple sorted sets and store the resulting sorted set in a new key',
    since: '6.2.0',
    reply: 'number',
    complexity: DIFF_COMPLEXITY,
    syntax: 'destination numkeys key [key ...]',
    run: (client, argv) => zsetop(client, argv, 'diff', argv[1]),
  },
  zintercard: {
    arity: -3,
    flags: 'readonly',
    getKeys: numkeysKeys(1),
    summary: 'Intersect multiple sorted sets and return the cardinality of the result',
    since: '7.0.0',
    reply: 'number',
    complexity: 'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.',
    syntax: 'numkeys key [key ...] [LIMIT limit]',
    run: (client, argv) => zsetop(client, argv, 'inter', null, true),
  },
};
