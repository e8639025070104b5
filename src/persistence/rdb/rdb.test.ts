/**
 * Whole files against a real redis-server: an RDB written by redlite is
 * loaded by Redis, an RDB Redis SAVEs is loaded by redlite, and the RESP
 * export is piped into Redis by redis-cli — each compared key by key.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespConnection } from '../../../test/diff/connection.js';
import { contents } from '../../../test/diff/contents.js';
import { DiffTarget, parseLine } from '../../../test/diff/harness.js';
import { startRedis } from '../../../test/redis-server.js';
import { exportCommands } from '../export-commands.js';
import { RdbError } from './bytes.js';
import { decodeRdb, encodeRdb, loadRdb } from './file.js';

let t: DiffTarget;
let dir: string;
beforeAll(async () => {
  t = await DiffTarget.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redlite-rdb-'));
});
afterAll(async () => {
  await t.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const DATA = [
  'SET s hello',
  'SET n 42',
  'SET bin "\\x00\\xff\\x01"',
  `SET long ${'y'.repeat(3000)}`,
  'SET ttl v EX 5000',
  'RPUSH l a b 3 -4',
  `RPUSH bigl ${Array.from({ length: 2000 }, (_, i) => `e${i}`).join(' ')}`,
  'HSET h f v n 1',
  `HSET bigh ${Array.from({ length: 700 }, (_, i) => `f${i} v${i}`).join(' ')}`,
  'SADD si 1 2 3',
  'SADD ss a b c',
  'ZADD z 1 a 2.5 b -inf c',
  `ZADD bigz ${Array.from({ length: 300 }, (_, i) => `${i * 1.5} m${i}`).join(' ')}`,
  'XADD x 1-1 a 1',
  'XADD x 2-1 a 2 b 3',
  'XGROUP CREATE x g 0',
  'XREADGROUP GROUP g c1 COUNT 1 STREAMS x >',
  'SELECT 3',
  'SET other-db 1',
  'HSET h3 a b',
  'PEXPIRE h3 100000000',
  'SELECT 15',
  'LPUSH last x',
  'SELECT 0',
];

async function populate(): Promise<void> {
  await t.both(['FLUSHALL']);
  for (const line of DATA) {
    const { redis, redlite } = await t.both(parseLine(line));
    expect(redlite, line).toBe(redis);
  }
}

describe('RDB files', () => {
  it('Redis loads the file redlite writes', async () => {
    await populate();
    fs.writeFileSync(path.join(dir, 'ours.rdb'), encodeRdb(t.engine));
    const check = spawnSync('redis-check-rdb', [path.join(dir, 'ours.rdb')], { encoding: 'utf8' });
    if (!check.error) expect(check.stdout).toContain('RDB looks OK');
    const loaded = await startRedis(['--dir', dir, '--dbfilename', 'ours.rdb']);
    const conn = await RespConnection.open(loaded.port);
    try {
      const theirs = await contents(conn);
      expect(theirs.length).toBe(17);
      expect(theirs).toEqual(await contents(t.redlite));
    } finally {
      conn.close();
      await loaded.stop();
    }
  });

  it('redlite loads the file Redis SAVEs', async () => {
    // `dir` is a protected config in 7.0: a server of its own writes into our directory.
    const saver = await startRedis(['--dir', dir, '--dbfilename', 'theirs.rdb']);
    const conn = await RespConnection.open(saver.port);
    try {
      for (const line of DATA) await conn.command(parseLine(line));
      expect((await conn.command(['SAVE'])).raw).toBe('+OK\r\n');
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, 'theirs.rdb')));
      await t.redlite.command(['FLUSHALL']);
      const fractions: number[] = [];
      expect(loadRdb(t.engine, bytes, (f) => fractions.push(f))).toBe(17);
      expect(fractions.at(-1)).toBe(1);
      const expected = await contents(conn);
      expect(expected.length).toBe(17);
      expect(await contents(t.redlite)).toEqual(expected);
    } finally {
      conn.close();
      await saver.stop();
    }
  });

  it('rejects a corrupted file', async () => {
    await populate();
    const bytes = encodeRdb(t.engine);
    bytes[bytes.length - 20] ^= 0xff;
    expect(() => decodeRdb(bytes, t.engine)).toThrow(RdbError);
  });

  it('redis-cli --pipe loads the command export', async () => {
    await populate();
    const expected = await contents(t.redis, false);
    await t.redis.command(['FLUSHALL']);
    const pipe = spawnSync('redis-cli', ['-p', String(t.redisPort), '--pipe'], { input: Buffer.from(exportCommands(t.engine), 'latin1') });
    expect(pipe.stdout.toString()).toContain('errors: 0');
    expect(await contents(t.redis, false)).toEqual(expected);
  });
});
