/** ZADD, ZINCRBY, ZREM and ZREMRANGEBYRANK / BYSCORE / BYLEX. */
import type { Client } from '../../client.js';
import type { CommandDecl } from '../../command.js';
import { toDouble, toInt } from '../../number.js';
import { DoubleReply, Err, ErrorReply, type Reply } from '../../reply.js';
import { optionWord } from '../../scan.js';
import {
  AddOutcome,
  lexLteMax,
  parseLexRange,
  parseScoreRange,
  ZADD_GT,
  ZADD_INCR,
  ZADD_LT,
  ZADD_NX,
  ZADD_XX,
  ZSet,
} from '../../types/zset.js';
import { listpackLimits, rankSpan, touchAndNotify, writeZSet } from './common.js';

const ADD_OPTIONS: Record<string, number> = { nx: ZADD_NX, xx: ZADD_XX, gt: ZADD_GT, lt: ZADD_LT, incr: ZADD_INCR };

/** zaddGenericCommand: ZADD, and ZINCRBY as ZADD with INCR. */
function zadd(client: Client, argv: string[], flags: number): Reply {
  let ch = false;
  let i = 2;
  for (; i < argv.length; i++) {
    const word = optionWord(argv[i]);
    if (word === 'ch') ch = true;
    else if (ADD_OPTIONS[word] !== undefined) flags |= ADD_OPTIONS[word];
    else break;
  }
  const args = argv.length - i;
  if (args === 0 || args % 2 !== 0) throw Err.syntax();
  if (flags & ZADD_NX && flags & ZADD_XX) throw new ErrorReply('ERR XX and NX options at the same time are not compatible');
  if ((flags & ZADD_NX && flags & (ZADD_GT | ZADD_LT)) || (flags & ZADD_GT && flags & ZADD_LT)) {
    throw new ErrorReply('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  const incr = (flags & ZADD_INCR) !== 0;
  if (incr && args > 2) throw new ErrorReply('ERR INCR option supports a single increment-element pair');
  // Every score parses before anything changes: the command applies fully or not at all.
  const scores: number[] = [];
  for (let j = i; j < argv.length; j += 2) scores.push(toDouble(argv[j]));

  const key = argv[1];
  const db = client.db;
  let zset = writeZSet(client, key);
  if (!zset && flags & ZADD_XX) return incr ? null : 0;
  const limits = listpackLimits(client);
  const created = !zset;
  zset ??= ZSet.forFirstMember(argv[i + 1], limits);
  let added = 0;
  let updated = 0;
  let processed = 0;
  let failure: ErrorReply | null = null;
  for (let k = 0; k < scores.length; k++) {
    const outcome = zset.add(scores[k], argv[i + 1 + 2 * k], flags, limits);
    if (outcome === AddOutcome.NaN) {
      failure = new ErrorReply('ERR resulting score is not a number (NaN)');
      break;
    }
    if (outcome === AddOutcome.Added) added++;
    else if (outcome === AddOutcome.Updated) updated++;
    if (outcome !== AddOutcome.Skipped) processed++;
  }
  if (created) db.set(key, zset);
  if (added + updated > 0) {
    if (!created) db.touchWrite(key, zset);
    client.engine.notify(incr ? 'zincr' : 'zadd', 'z', key, db.id);
  }
  if (failure) return failure;
  if (incr) return processed ? new DoubleReply(zset.lastScore) : null;
  return ch ? added + updated : added;
}

/** Finds the ranks a ZREMRANGEBY* command removes, or null for none. */
type RankSpan = (zset: ZSet) => [start: number, end: number] | null;

/**
 * zremrangeGenericCommand: the range parses first (its errors come before
 * WRONGTYPE), then the span is removed in one go.
 */
function zremrange(client: Client, key: string, event: string, span: RankSpan): Reply {
  const zset = writeZSet(client, key);
  if (!zset) return 0;
  const found = span(zset);
  if (!found) return 0;
  const removed = zset.deleteRange(found[0], found[1]);
  if (removed > 0) touchAndNotify(client, key, zset, event);
  return removed;
}

export const writeCommands: Record<string, CommandDecl> = {
  zadd: {
    arity: -4,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Add one or more members to a sorted set, or update its score if it already exists',
    since: '1.2.0',
    reply: 'number | string | null',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    syntax: 'key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]',
    run: (client, argv) => zadd(client, argv, 0),
  },
  zincrby: {
    arity: 4,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Increment the score of a member in a sorted set',
    since: '1.2.0',
    reply: 'string',
    complexity: 'O(log(N)) where N is the number of elements in the sorted set.',
    syntax: 'key increment member',
    run: (client, argv) => zadd(client, argv, ZADD_INCR),
  },
  zrem: {
    arity: -3,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Remove one or more members from a sorted set',
    since: '1.2.0',
    reply: 'number',
    complexity: 'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
    syntax: 'key member [member ...]',
    run(client, argv) {
      const key = argv[1];
      const zset = writeZSet(client, key);
      if (!zset) return 0;
      let removed = 0;
      for (let i = 2; i < argv.length && zset.size > 0; i++) if (zset.delete(argv[i])) removed++;
      if (removed > 0) touchAndNotify(client, key, zset, 'zrem');
      return removed;
    },
  },
  zremrangebyrank: {
    arity: 4,
    flags: 'write',
    keys: [1, 1, 1],
    summary: 'Remove all members in a sorted set within the given indexes',
    since: '2.0.0',
    reply: 'number',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    syntax: 'key start stop',
    run(client, argv) {
      const start = toInt(argv[2]);
      const end = toInt(argv[3]);
      return zremrange(client, argv[1], 'zremrangebyrank', (zset) => rankSpan(start, end, zset.size));
    },
  },
  zremrangebyscore: {
    arity: 4,
    flags: 'write',
    keys: [1, 1, 1],
    summary: 'Remove all members in a sorted set within the given scores',
    since: '1.2.0',
    reply: 'number',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    syntax: 'key min max',
    run(client, argv) {
      const range = parseScoreRange(argv[2], argv[3]);
      return zremrange(client, argv[1], 'zremrangebyscore', (zset) => {
        const first = zset.firstInScoreRange(range);
        return first < 0 ? null : [first, zset.lastInScoreRange(range)];
      });
    },
  },
  zremrangebylex: {
    arity: 4,
    flags: 'write',
    keys: [1, 1, 1],
    summary: 'Remove all members in a sorted set between the given lexicographical range',
    since: '2.8.9',
    reply: 'number',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    syntax: 'key min max',
    run(client, argv) {
      const range = parseLexRange(argv[2], argv[3]);
      return zremrange(client, argv[1], 'zremrangebylex', (zset) => {
        const first = zset.firstInLexRange(range);
        if (first < 0) return null;
        // Removal walks on from the first match while members stay below max.
        let end = first;
        for (const c = zset.at(first + 1); c.valid && lexLteMax(c.member, range); c.next()) end++;
        return [first, end];
      });
    },
  },
};
