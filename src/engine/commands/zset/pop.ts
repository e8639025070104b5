/** ZPOPMIN, ZPOPMAX, ZMPOP and their blocking forms BZPOPMIN, BZPOPMAX, BZMPOP. */
import type { BlockedState } from '../../blocking.js';
import type { Client } from '../../client.js';
import type { CommandDecl, HandlerResult } from '../../command.js';
import { parseInt64 } from '../../number.js';
import { DoubleReply, Err, ErrorReply, NULL_ARRAY, type Reply } from '../../reply.js';
import { optionWord } from '../../scan.js';
import { parseTimeoutSeconds } from '../../timeout.js';
import type { ZSet } from '../../types/zset.js';
import { touchAndNotify, writeZSet } from './common.js';

type End = 'min' | 'max';

/** How a pop answers, after Redis's genericZpopCommand flags. */
interface PopShape {
  /** Name the key popped from (blocking pops and ZMPOP). */
  emitKey: boolean;
  /** [member, score] pairs rather than a flat list. */
  nested: boolean;
}

/** The first of `keys` that exists, as a sorted set (WRONGTYPE stops at a key of another type before it). */
function firstZSet(client: Client, keys: string[]): { key: string; zset: ZSet } | null {
  for (const key of keys) {
    const zset = writeZSet(client, key);
    if (zset) return { key, zset };
  }
  return null;
}

/** Pops up to `count` members (-1: one, the form without COUNT) from a set: genericZpopCommand. */
function popFrom(client: Client, key: string, zset: ZSet, end: End, count: number, shape: PopShape): Reply {
  if (count === 0) return [];
  const n = Math.min(count === -1 ? 1 : count, zset.size);
  const items: Reply[] = [];
  for (let i = 0; i < n; i++) {
    const c = zset.at(end === 'min' ? 0 : zset.size - 1);
    const member = c.member;
    const score = c.score;
    zset.delete(member);
    if (shape.nested) items.push([member, new DoubleReply(score)]);
    else items.push(member, new DoubleReply(score));
  }
  touchAndNotify(client, key, zset, end === 'min' ? 'zpopmin' : 'zpopmax');
  if (shape.emitKey && shape.nested) return [key, items];
  if (shape.emitKey) return [key, ...items];
  return items;
}

/** A pop propagates as the plain ZPOPMIN / ZPOPMAX it amounts to, with COUNT when it had one. */
function propagateAsPop(client: Client, end: End, key: string, count: number, size: number): void {
  const name = end === 'min' ? 'ZPOPMIN' : 'ZPOPMAX';
  client.engine.rewriteEffects(count === -1 ? [name, key] : [name, key, String(Math.min(count, size))]);
}

/** Pops from the first non-empty key, or blocks on all of them (timeout replies a null array). */
function blockingPop(client: Client, keys: string[], end: End, count: number, timeoutMs: number, shape: PopShape): HandlerResult {
  // A blocked client being served takes from the key that became ready, as Redis serves it.
  const ready = (client.blocked as BlockedState | null)?.readyKey;
  const found = firstZSet(client, ready !== undefined ? [ready] : keys);
  if (!found) return client.engine.block(client, keys, timeoutMs, NULL_ARRAY);
  propagateAsPop(client, end, found.key, count, found.zset.size);
  return popFrom(client, found.key, found.zset, end, count, shape);
}

/** ZMPOP / BZMPOP arguments after the numkeys index: keys, MIN | MAX, COUNT count. */
function parseMpop(argv: string[], numkeysIndex: number): { keys: string[]; end: End; count: number } {
  const numkeys = parseInt64(argv[numkeysIndex]);
  if (numkeys === null || numkeys < 1n) throw new ErrorReply('ERR numkeys should be greater than 0');
  const whereIndex = numkeysIndex + Number(numkeys) + 1;
  if (whereIndex >= argv.length) throw Err.syntax();
  const where = optionWord(argv[whereIndex]);
  if (where !== 'min' && where !== 'max') throw Err.syntax();
  let count = -1;
  for (let j = whereIndex + 1; j < argv.length; j++) {
    if (count === -1 && optionWord(argv[j]) === 'count' && j + 1 < argv.length) {
      const n = parseInt64(argv[++j]);
      if (n === null || n < 1n) throw new ErrorReply('ERR count should be greater than 0');
      count = Number(n);
    } else throw Err.syntax();
  }
  return { keys: argv.slice(numkeysIndex + 1, whereIndex), end: where, count: count === -1 ? 1 : count };
}

/** ZPOPMIN / ZPOPMAX key [count]. */
function zpop(client: Client, argv: string[], end: End): Reply {
  if (argv.length > 3) throw Err.syntax();
  let count = -1;
  if (argv.length === 3) {
    const n = parseInt64(argv[2]);
    if (n === null || n < 0n) throw new ErrorReply('ERR value is out of range, must be positive');
    count = Number(n);
  }
  const zset = writeZSet(client, argv[1]);
  if (!zset) return [];
  return popFrom(client, argv[1], zset, end, count, { emitKey: false, nested: client.resp === 3 && count !== -1 });
}

/** BZPOPMIN / BZPOPMAX key [key ...] timeout. */
function bzpop(client: Client, argv: string[], end: End): HandlerResult {
  const timeoutMs = parseTimeoutSeconds(argv[argv.length - 1]);
  const keys = argv.slice(1, -1);
  return blockingPop(client, keys, end, -1, timeoutMs, { emitKey: true, nested: false });
}

const MPOP_SHAPE: PopShape = { emitKey: true, nested: true };

/** The keys of ZMPOP (numkeys at 1) and BZMPOP (numkeys at 2), for COMMAND GETKEYS and forwarding. */
function mpopKeys(numkeysIndex: number) {
  return (argv: string[]): number[] => {
    const n = Number(parseInt64(argv[numkeysIndex]) ?? 0n);
    const keys: number[] = [];
    for (let i = 0; i < n && numkeysIndex + 1 + i < argv.length; i++) keys.push(numkeysIndex + 1 + i);
    return keys;
  };
}

const POP_COMPLEXITY = 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.';
const MPOP_COMPLEXITY =
  'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.';

export const popCommands: Record<string, CommandDecl> = {
  zpopmin: {
    arity: -2,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Remove and return members with the lowest scores in a sorted set',
    since: '5.0.0',
    reply: 'string[]',
    complexity: POP_COMPLEXITY,
    syntax: 'key [count]',
    run: (client, argv) => zpop(client, argv, 'min'),
  },
  zpopmax: {
    arity: -2,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary: 'Remove and return members with the highest scores in a sorted set',
    since: '5.0.0',
    reply: 'string[]',
    complexity: POP_COMPLEXITY,
    syntax: 'key [count]',
    run: (client, argv) => zpop(client, argv, 'max'),
  },
  zmpop: {
    arity: -4,
    flags: 'write',
    getKeys: mpopKeys(1),
    summary: 'Remove and return members with scores in a sorted set',
    since: '7.0.0',
    reply: '[string, [string, string][]] | null',
    complexity: MPOP_COMPLEXITY,
    syntax: 'numkeys key [key ...] <MIN | MAX> [COUNT count]',
    run(client, argv) {
      const { keys, end, count } = parseMpop(argv, 1);
      const found = firstZSet(client, keys);
      if (!found) return NULL_ARRAY;
      propagateAsPop(client, end, found.key, count, found.zset.size);
      return popFrom(client, found.key, found.zset, end, count, MPOP_SHAPE);
    },
  },
  bzpopmin: {
    arity: -3,
    flags: 'write noscript blocking fast',
    keys: [1, -2, 1],
    summary: 'Remove and return the member with the lowest score from one or more sorted sets, or block until one is available',
    since: '5.0.0',
    reply: '[string, string, string] | null',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    syntax: 'key [key ...] timeout',
    run: (client, argv) => bzpop(client, argv, 'min'),
  },
  bzpopmax: {
    arity: -3,
    flags: 'write noscript blocking fast',
    keys: [1, -2, 1],
    summary: 'Remove and return the member with the highest score from one or more sorted sets, or block until one is available',
    since: '5.0.0',
    reply: '[string, string, string] | null',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    syntax: 'key [key ...] timeout',
    run: (client, argv) => bzpop(client, argv, 'max'),
  },
  bzmpop: {
    arity: -5,
    flags: 'write blocking',
    getKeys: mpopKeys(2),
    summary: 'Remove and return members with scores in a sorted set or block until one is available',
    since: '7.0.0',
    reply: '[string, [string, string][]] | null',
    complexity: MPOP_COMPLEXITY,
    syntax: 'timeout numkeys key [key ...] <MIN | MAX> [COUNT count]',
    run(client, argv) {
      const { keys, end, count } = parseMpop(argv, 2);
      const timeoutMs = parseTimeoutSeconds(argv[1]);
      return blockingPop(client, keys, end, count, timeoutMs, MPOP_SHAPE);
    },
  },
};
