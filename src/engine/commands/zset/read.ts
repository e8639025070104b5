/** ZSCORE, ZMSCORE, ZCARD, ZCOUNT, ZLEXCOUNT, ZRANK, ZREVRANK, ZRANDMEMBER and ZSCAN. */
import type { Client } from '../../client.js';
import type { CommandDecl } from '../../command.js';
import { globMatch } from '../../glob.js';
import { d2string, formatDouble, parseInt64 } from '../../number.js';
import { DoubleReply, Err, ErrorReply, type Reply } from '../../reply.js';
import { optionWord, parseScanCursor, parseScanOptions, scanStep } from '../../scan.js';
import { lexLteMax, parseLexRange, parseScoreRange, type LexRange, type ZSet } from '../../types/zset.js';
import { pushMember, readZSet } from './common.js';
import { picks } from '../set.js';

const LONG_MAX = 9223372036854775807n;

/** ZRANK / ZREVRANK. */
function zrank(client: Client, argv: string[], reverse: boolean): Reply {
  const zset = readZSet(client, argv[1]);
  const rank = zset ? zset.rank(argv[2], reverse) : -1;
  return rank < 0 ? null : rank;
}

/** ZLEXCOUNT's count: a compact set is walked as Redis walks a listpack, a large one measured by ranks. */
function lexCount(zset: ZSet, range: LexRange): number {
  const first = zset.firstInLexRange(range);
  if (first < 0) return 0;
  if (zset.encoding() === 'skiplist') {
    const last = zset.lastInLexRange(range);
    return last < 0 ? zset.size - first : last - first + 1;
  }
  let count = 0;
  for (const c = zset.at(first); c.valid && lexLteMax(c.member, range); c.next()) count++;
  return count;
}

/** ZRANDMEMBER's count argument: a long within ±LONG_MAX (LONG_MIN is refused). */
function parseRandomCount(arg: string): bigint {
  const n = parseInt64(arg);
  if (n === null) throw Err.notInteger();
  if (n < -LONG_MAX) throw new ErrorReply('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807');
  return n;
}

/** `count` distinct ranks of a set of `size` (count < size), in random order. */
function distinctRanks(count: number, size: number, random: () => number): number[] {
  if (count * 3 > size) {
    // Close to the whole set: shuffle the first `count` places of all ranks.
    const ranks = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(random() * (size - i));
      [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
    }
    ranks.length = count;
    return ranks;
  }
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(random() * size));
  return [...picked];
}

/** zrandmemberWithCountCommand. */
function randomMembers(client: Client, zset: ZSet, l: bigint, withScores: boolean): Reply {
  const unique = l >= 0n;
  const count = Number(unique ? l : -l);
  const random = client.engine.random;
  const out: Reply[] = [];
  const push = (rank: number) => {
    const c = zset.at(rank);
    pushMember(out, client, c.member, c.score, withScores);
  };
  if (!unique || count === 1) {
    for (let i = picks(count); i > 0; i--) push(Math.floor(random() * zset.size));
  } else if (count >= zset.size) {
    // The whole set, read from the highest score down as Redis's set iterator does.
    for (const [member, score] of zset.descending()) pushMember(out, client, member, score, withScores);
  } else {
    for (const rank of distinctRanks(count, zset.size, random)) push(rank);
  }
  return out;
}

/** ZSCAN's elements: a compact set comes whole, scores as its listpack holds them. */
function scanPairs(zset: ZSet, cursor: number, count: number): { cursor: number; pairs: [string, string][] } {
  if (zset.encoding() === 'listpack') {
    return { cursor: 0, pairs: [...zset].map(([member, score]) => [member, d2string(score)]) };
  }
  const step = scanStep(zset.members, cursor, count);
  return { cursor: step.cursor, pairs: step.elements.map((member) => [member, formatDouble(zset.score(member)!)]) };
}

export const readCommands: Record<string, CommandDecl> = {
  zscore: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the score associated with the given member in a sorted set',
    since: '1.2.0',
    reply: 'string | null',
    complexity: 'O(1)',
    syntax: 'key member',
    run(client, argv) {
      const score = readZSet(client, argv[1])?.score(argv[2]);
      return score === undefined ? null : new DoubleReply(score);
    },
  },
  zmscore: {
    arity: -3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the score associated with the given members in a sorted set',
    since: '6.2.0',
    reply: '(string | null)[]',
    complexity: 'O(N) where N is the number of members being requested.',
    syntax: 'key member [member ...]',
    run(client, argv) {
      const zset = readZSet(client, argv[1]);
      const out: Reply[] = [];
      for (let i = 2; i < argv.length; i++) {
        const score = zset?.score(argv[i]);
        out.push(score === undefined ? null : new DoubleReply(score));
      }
      return out;
    },
  },
  zcard: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Get the number of members in a sorted set',
    since: '1.2.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: (client, argv) => readZSet(client, argv[1])?.size ?? 0,
  },
  zcount: {
    arity: 4,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Count the members in a sorted set with scores within the given values',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    syntax: 'key min max',
    run(client, argv) {
      const range = parseScoreRange(argv[2], argv[3]);
      const zset = readZSet(client, argv[1]);
      if (!zset) return 0;
      const first = zset.firstInScoreRange(range);
      return first < 0 ? 0 : zset.lastInScoreRange(range) - first + 1;
    },
  },
  zlexcount: {
    arity: 4,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Count the number of members in a sorted set between a given lexicographical range',
    since: '2.8.9',
    reply: 'number',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    syntax: 'key min max',
    run(client, argv) {
      const range = parseLexRange(argv[2], argv[3]);
      const zset = readZSet(client, argv[1]);
      return zset ? lexCount(zset, range) : 0;
    },
  },
  zrank: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Determine the index of a member in a sorted set',
    since: '2.0.0',
    reply: 'number | null',
    complexity: 'O(log(N))',
    syntax: 'key member',
    run: (client, argv) => zrank(client, argv, false),
  },
  zrevrank: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Determine the index of a member in a sorted set, with scores ordered from high to low',
    since: '2.0.0',
    reply: 'number | null',
    complexity: 'O(log(N))',
    syntax: 'key member',
    run: (client, argv) => zrank(client, argv, true),
  },
  zrandmember: {
    arity: -2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Get one or multiple random elements from a sorted set',
    since: '6.2.0',
    reply: 'string | string[] | null',
    complexity: 'O(N) where N is the number of elements returned',
    syntax: 'key [count [WITHSCORES]]',
    run(client, argv) {
      if (argv.length === 2) {
        const zset = readZSet(client, argv[1]);
        return zset ? zset.at(Math.floor(client.engine.random() * zset.size)).member : null;
      }
      const l = parseRandomCount(argv[2]);
      if (argv.length > 4 || (argv.length === 4 && optionWord(argv[3]) !== 'withscores')) throw Err.syntax();
      const withScores = argv.length === 4;
      if (withScores && (l < -LONG_MAX / 2n || l > LONG_MAX / 2n)) throw new ErrorReply('ERR value is out of range');
      const zset = readZSet(client, argv[1]);
      if (!zset || l === 0n) return [];
      return randomMembers(client, zset, l, withScores);
    },
  },
  zscan: {
    arity: -3,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Incrementally iterate sorted sets elements and associated scores',
    since: '2.8.0',
    reply: '[string, string[]]',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    syntax: 'key cursor [MATCH pattern] [COUNT count]',
    run(client, argv) {
      const cursor = parseScanCursor(argv[2]);
      const zset = readZSet(client, argv[1]);
      if (!zset) return ['0', []];
      const { count, pattern } = parseScanOptions(argv, 3, false);
      const step = scanPairs(zset, cursor, count);
      const out: Reply[] = [];
      for (const [member, score] of step.pairs) if (pattern === null || globMatch(pattern, member)) out.push(member, score);
      return [String(step.cursor), out];
    },
  },
};
