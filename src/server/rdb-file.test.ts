/**
 * redlite-server with --dir/--dbfilename against real redis-servers: it
 * starts from a file Redis saved, and Redis starts from the file it writes
 * on SAVE and SHUTDOWN SAVE.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { RespConnection } from '../../test/diff/connection.js';
import { contents } from '../../test/diff/contents.js';
import { parseLine } from '../../test/diff/harness.js';
import { startRedis } from '../../test/redis-server.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redlite-server-rdb-'));
let redlite: ChildProcess | undefined;
afterAll(() => {
  if (redlite?.exitCode === null) redlite.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startRedlite(dbfilename: string): Promise<number> {
  const port = await freePort();
  redlite = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', String(port), '--dir', dir, '--dbfilename', dbfilename], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  redlite.stdout!.on('data', (d) => (output += d));
  redlite.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 20_000;
  while (!output.includes('ready to accept connections')) {
    if (redlite.exitCode !== null) throw new Error(`redlite-server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`redlite-server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return port;
}

it('loads the RDB at start and writes it on SAVE and SHUTDOWN SAVE', async () => {
  const saver = await startRedis(['--dir', dir, '--dbfilename', 'theirs.rdb']);
  const source = await RespConnection.open(saver.port);
  for (const line of ['SET s v', 'SET t x PX 900000', 'RPUSH l 1 2 3', 'HSET h a b', 'SELECT 2', 'XADD x 1-1 f v', 'XGROUP CREATE x g 0', 'SELECT 0']) {
    await source.command(parseLine(line));
  }
  await source.command(['SAVE']);
  const expected = await contents(source);
  source.close();
  await saver.stop();

  fs.copyFileSync(path.join(dir, 'theirs.rdb'), path.join(dir, 'ours.rdb'));
  const ours = await RespConnection.open(await startRedlite('ours.rdb'));
  expect(await contents(ours)).toEqual(expected);

  await ours.command(['SET', 'added', 'after-load']);
  expect((await ours.command(['SAVE'])).raw).toBe('+OK\r\n');
  const afterSave = await contents(ours);
  const check = await startRedis(['--dir', dir, '--dbfilename', 'ours.rdb']);
  const reloaded = await RespConnection.open(check.port);
  expect(await contents(reloaded)).toEqual(afterSave);
  reloaded.close();
  await check.stop();

  await ours.command(['DEL', 'l']);
  const beforeShutdown = await contents(ours);
  const exited = new Promise((resolve) => redlite!.once('exit', resolve));
  ours.write(['SHUTDOWN', 'SAVE']);
  await exited;
  ours.close();
  const final = await startRedis(['--dir', dir, '--dbfilename', 'ours.rdb']);
  const finalConn = await RespConnection.open(final.port);
  expect(await contents(finalConn)).toEqual(beforeShutdown);
  finalConn.close();
  await final.stop();
}, 60_000);
