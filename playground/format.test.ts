/**
 * The playground prints replies as redis-cli does. Each case runs the same
 * commands on two fresh redis-servers: on one through redis-cli (TTY format
 * with --no-raw, and --raw), on the other through a RESP connection whose
 * replies are turned into wire values and printed by format.ts. The two
 * outputs must be identical, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '../src/worker/host.js';
import { RespConnection } from '../test/diff/connection.js';
import { startRedis, type RedisServer } from '../test/redis-server.js';
import { formatReply, formatSegments, repr } from './format.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

let cliServer: RedisServer;
let respServer: RedisServer;
let conn: RespConnection;
let cliConn: RespConnection;

/** What redis-cli prints for the command, as a byte string. */
function cli(argv: string[], mode: '--no-raw' | '--raw'): string {
  return execFileSync('redis-cli', ['-p', String(cliServer.port), mode, ...argv]).toString('latin1');
}

/** What the playground prints for the same command on the other server. */
async function ours(argv: string[], mode: 'tty' | 'raw'): Promise<string> {
  const reply = await conn.command(argv.map(utf8));
  return formatReply(toWire(reply.value), mode);
}

/** Runs on both servers without comparing: data the compared commands read. */
async function setup(...commands: string[][]): Promise<void> {
  for (const argv of commands) {
    await cliConn.command(argv.map(utf8));
    await conn.command(argv.map(utf8));
  }
}

beforeAll(async () => {
  [cliServer, respServer] = await Promise.all([startRedis(), startRedis()]);
  conn = await RespConnection.open(respServer.port);
  cliConn = await RespConnection.open(cliServer.port);
  await setup(
    ['set', 'greeting', 'hello world'],
    ['set', 'empty', ''],
    ['set', 'bin', 'a\x00b\x01\t\n\r\\"\x07\x08 ~\x7f'],
    ['set', 'utf8', 'héllo ✓'],
    ['rpush', 'list', 'a', 'b', 'c'],
    ['rpush', 'twelve', ...Array.from({ length: 12 }, (_, i) => String(i + 1))],
    ['hset', 'hash', 'name', 'Ada', 'lang', 'en'],
    ['zadd', 'zset', '1.5', 'a', '2', 'b', '-3e10', 'c'],
    ['xadd', 'stream', '1-1', 'temp', '21', 'hum', '40'],
    ['xadd', 'stream', '1-2', 'temp', '22'],
    ['sadd', 'oneset', 'only'],
  );
}, 30_000);

afterAll(async () => {
  conn?.close();
  cliConn?.close();
  await Promise.all([cliServer?.stop(), respServer?.stop()]);
});

const CASES: [title: string, argv: string[]][] = [
  ['a status reply', ['ping']],
  ['a status reply (TYPE)', ['type', 'hash']],
  ['a bulk string', ['get', 'greeting']],
  ['an empty bulk string', ['get', 'empty']],
  ['a nil bulk string', ['get', 'missing']],
  ['binary bytes, escaped', ['get', 'bin']],
  ['UTF-8 bytes', ['get', 'utf8']],
  ['an integer', ['strlen', 'greeting']],
  ['a negative integer', ['ttl', 'missing']],
  ['an array', ['lrange', 'list', '0', '-1']],
  ['an empty array', ['lrange', 'missing', '0', '-1']],
  ['an array of twelve: indexes right-aligned', ['lrange', 'twelve', '0', '-1']],
  ['an array with nils', ['mget', 'greeting', 'missing', 'empty']],
  ['an error', ['lpush', 'greeting', 'x']],
  ['an unknown command', ['nosuchcommand', 'a', 'b']],
  ['an arity error', ['get']],
  ['nested arrays (XRANGE)', ['xrange', 'stream', '-', '+']],
  ['a flat pair reply (HGETALL)', ['hgetall', 'hash']],
  ['scores (ZRANGE WITHSCORES)', ['zrange', 'zset', '0', '-1', 'withscores']],
  ['a nil array (BLPOP timeout)', ['blpop', 'missing', '0.01']],
  ['deep nesting past ten (COMMAND DOCS)', ['command', 'docs', 'set']],
  ['a nested empty array', ['eval', "return {1, {2, {}}, 'x'}", '0']],
  ['a status inside an array', ['eval', "return {1, redis.status_reply('FINE'), 'x'}", '0']],
  ['an error inside an array', ['eval', "return {1, redis.error_reply('E1 bad'), 'x'}", '0']],
  ['a nil inside an array', ['eval', "return {1, false, 'x'}", '0']],
  ['a hundred nested arrays', ['eval', 'local t = {} for i = 1, 100 do t[i] = {i, {i}} end return t', '0']],
  ['a SCAN reply', ['sscan', 'oneset', '0']],
];

describe('replies print as redis-cli prints them', () => {
  for (const [title, argv] of CASES) {
    it(`${title}: ${argv.join(' ')}`, async () => {
      expect(await ours(argv, 'tty')).toBe(cli(argv, '--no-raw'));
      expect(await ours(argv, 'raw')).toBe(cli(argv, '--raw'));
    });
  }
});

describe('format.ts alone', () => {
  it('quotes like sdscatrepr', () => {
    expect(repr('a"b\\c\n\x00\xff')).toBe('"a\\"b\\\\c\\n\\x00\\xff"');
  });

  it('types each segment so the page can colour it', () => {
    expect(formatSegments([1, 'a', null, { ok: 'OK' }, { err: 'ERR x' }, []])).toEqual([
      { kind: 'index', text: '1) ' },
      { kind: 'integer', text: '(integer) 1\n' },
      { kind: 'index', text: '2) ' },
      { kind: 'string', text: '"a"\n' },
      { kind: 'index', text: '3) ' },
      { kind: 'nil', text: '(nil)\n' },
      { kind: 'index', text: '4) ' },
      { kind: 'status', text: 'OK\n' },
      { kind: 'index', text: '5) ' },
      { kind: 'error', text: '(error) ERR x\n' },
      { kind: 'index', text: '6) ' },
      { kind: 'empty', text: '(empty array)\n' },
    ]);
  });

  it('prints big integers (bigint) as integers', () => {
    expect(formatReply(2n ** 63n - 1n)).toBe('(integer) 9223372036854775807\n');
  });
});
