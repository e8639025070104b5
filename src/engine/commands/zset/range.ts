/**
 * ZRANGE and its relatives (ZRANGEBYSCORE, ZRANGEBYLEX, the REV variants) and
 * ZRANGESTORE: one parser and one walker, as Redis's zrangeGenericCommand,
 * feeding either a reply or a new sorted set.
 */
import type { Client } from '../../client.js';
import type { CommandDecl } from '../../command.js';
import { toInt } from '../../number.js';
import { ErrorReply, type Reply } from '../../reply.js';
import { optionWord } from '../../scan.js';
import {
  lexGteMin,
  lexLteMax,
  parseLexRange,
  parseScoreRange,
  scoreGteMin,
  scoreLteMax,
  ZSet,
  type LexRange,
  type ScoreRange,
} from '../../types/zset.js';
import { listpackLimits, pushMember, rankSpan, readZSet, storeResult } from './common.js';

type RangeKind = 'rank' | 'score' | 'lex';

/** A parsed range query: what to walk, in which direction, how much of it. */
type RangeQuery =
  | { kind: 'rank'; start: number; end: number; reverse: boolean; offset: number; limit: number }
  | { kind: 'score'; range: ScoreRange; reverse: boolean; offset: number; limit: number }
  | { kind: 'lex'; range: LexRange; reverse: boolean; offset: number; limit: number };

interface ParsedRange {
  query: RangeQuery;
  withScores: boolean;
}

/**
 * Parses `<min> <max> [BYSCORE | BYLEX] [REV] [WITHSCORES] [LIMIT offset count]`
 * after the source key at argv[src]. `kind` / `reverse` are fixed by the
 * legacy commands (ZRANGEBYSCORE …), which then refuse the BY… / REV words.
 */
function parseRange(argv: string[], src: number, store: boolean, kind?: RangeKind, reverse?: boolean): ParsedRange {
  let withScores = false;
  let offset = 0;
  let limit = -1;
  let type = kind;
  let rev = reverse;
  for (let j = src + 3; j < argv.length; j++) {
    const word = optionWord(argv[j]);
    if (!store && word === 'withscores') withScores = true;
    else if (word === 'limit' && argv.length - j - 1 >= 2) {
      offset = toInt(argv[j + 1]);
      limit = toInt(argv[j + 2]);
      j += 2;
    } else if (rev === undefined && word === 'rev') rev = true;
    else if (type === undefined && word === 'bylex') type = 'lex';
    else if (type === undefined && word === 'byscore') type = 'score';
    else throw new ErrorReply('ERR syntax error');
  }
  type ??= 'rank';
  rev ??= false;
  if (limit !== -1 && type === 'rank') {
    throw new ErrorReply('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  }
  if (withScores && type === 'lex') throw new ErrorReply('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  // By score or lex, a reversed range is written max first.
  const [lo, hi] = rev && type !== 'rank' ? [argv[src + 2], argv[src + 1]] : [argv[src + 1], argv[src + 2]];
  let query: RangeQuery;
  if (type === 'rank') query = { kind: 'rank', start: toInt(lo), end: toInt(hi), reverse: rev, offset, limit };
  else if (type === 'score') query = { kind: 'score', range: parseScoreRange(lo, hi), reverse: rev, offset, limit };
  else query = { kind: 'lex', range: parseLexRange(lo, hi), reverse: rev, offset, limit };
  return { query, withScores: withScores || store };
}

/** Calls `visit` for each member the query selects, in reply order; returns how many. */
function walkRange(zset: ZSet, q: RangeQuery, visit: (member: string, score: number) => void): number {
  if (q.kind === 'rank') {
    const span = rankSpan(q.start, q.end, zset.size);
    if (!span) return 0;
    const count = span[1] - span[0] + 1;
    const c = zset.at(q.reverse ? zset.size - 1 - span[0] : span[0]);
    for (let i = 0; i < count; i++, q.reverse ? c.prev() : c.next()) visit(c.member, c.score);
    return count;
  }
  let first: number;
  let inRange: (member: string, score: number) => boolean;
  if (q.kind === 'score') {
    // Redis refuses an offset past the end before searching.
    if (q.offset > 0 && q.offset >= zset.size) return 0;
    const r = q.range;
    first = q.reverse ? zset.lastInScoreRange(r) : zset.firstInScoreRange(r);
    inRange = q.reverse ? (_, s) => scoreGteMin(s, r) : (_, s) => scoreLteMax(s, r);
  } else {
    const r = q.range;
    first = q.reverse ? zset.lastInLexRange(r) : zset.firstInLexRange(r);
    inRange = q.reverse ? (m) => lexGteMin(m, r) : (m) => lexLteMax(m, r);
  }
  // A negative offset walks off the end in Redis: nothing is returned.
  if (first < 0 || q.offset < 0) return 0;
  const c = zset.at(q.reverse ? first - q.offset : first + q.offset);
  let count = 0;
  for (let left = q.limit; c.valid && left !== 0 && inRange(c.member, c.score); left--, q.reverse ? c.prev() : c.next()) {
    visit(c.member, c.score);
    count++;
  }
  return count;
}

/** ZRANGE and the legacy read commands. */
function zrange(client: Client, argv: string[], kind?: RangeKind, reverse?: boolean): Reply {
  const { query, withScores } = parseRange(argv, 1, false, kind, reverse);
  const zset = readZSet(client, argv[1]);
  const out: Reply[] = [];
  if (zset) walkRange(zset, query, (member, score) => pushMember(out, client, member, score, withScores));
  return out;
}

/** ZRANGESTORE: the result is built as Redis builds it, compact unless a rank range is known to be long. */
function zrangestore(client: Client, argv: string[]): Reply {
  const { query } = parseRange(argv, 2, true);
  const zset = readZSet(client, argv[2]);
  const limits = listpackLimits(client);
  let compact = true;
  if (zset && query.kind === 'rank') {
    const span = rankSpan(query.start, query.end, zset.size);
    compact = !span || span[1] - span[0] + 1 <= limits.entries;
  }
  const result = new ZSet(compact);
  if (zset) walkRange(zset, query, (member, score) => result.add(score, member, 0, limits));
  return storeResult(client, argv[1], result, 'zrangestore');
}

const RANGE_COMPLEXITY = 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.';
const RANGE_BY_COMPLEXITY =
  'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).';

export const rangeCommands: Record<string, CommandDecl> = {
  zrange: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return a range of members in a sorted set',
    since: '1.2.0',
    reply: 'string[]',
    complexity: RANGE_COMPLEXITY,
    syntax: 'key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]',
    run: (client, argv) => zrange(client, argv),
  },
  zrangestore: {
    arity: -5,
    flags: 'write denyoom',
    keys: [1, 2, 1],
    summary: 'Store a range of members from sorted set into another key',
    since: '6.2.0',
    reply: 'number',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
    syntax: 'dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]',
    run: zrangestore,
  },
  zrevrange: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return a range of members in a sorted set, by index, with scores ordered from high to low',
    since: '1.2.0',
    reply: 'string[]',
    complexity: RANGE_COMPLEXITY,
    syntax: 'key start stop [WITHSCORES]',
    run: (client, argv) => zrange(client, argv, 'rank', true),
  },
  zrangebyscore: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return a range of members in a sorted set, by score',
    since: '1.0.5',
    reply: 'string[]',
    complexity: RANGE_BY_COMPLEXITY,
    syntax: 'key min max [WITHSCORES] [LIMIT offset count]',
    run: (client, argv) => zrange(client, argv, 'score', false),
  },
  zrevrangebyscore: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return a range of members in a sorted set, by score, with scores ordered from high to low',
    since: '2.2.0',
    reply: 'string[]',
    complexity: RANGE_BY_COMPLEXITY,
    syntax: 'key max min [WITHSCORES] [LIMIT offset count]',
    run: (client, argv) => zrange(client, argv, 'score', true),
  },
  zrangebylex: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return a range of members in a sorted set, by lexicographical range',
    since: '2.8.9',
    reply: 'string[]',
    complexity: RANGE_BY_COMPLEXITY,
    syntax: 'key min max [LIMIT offset count]',
    run: (client, argv) => zrange(client, argv, 'lex', false),
  },
  zrevrangebylex: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.',
    since: '2.8.9',
    reply: 'string[]',
    complexity: RANGE_BY_COMPLEXITY,
    syntax: 'key max min [LIMIT offset count]',
    run: (client, argv) => zrange(client, argv, 'lex', true),
  },
};
