/**
 * Real clients against a redlite-server process started here with
 * `--port P --bind 127.0.0.1 --requirepass secret`: ioredis, node-redis (RESP2
 * and RESP3), redis-cli (whose printed output is compared with the same
 * commands against redis-server) and redis-benchmark. Last, SHUTDOWN stops it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../redis-server.js';

const run = promisify(execFile);
const PASSWORD = 'secret';

let server: ChildProcess;
let port: number;
let redis: RedisServer;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts redlite-server as a separate process and waits until it accepts connections. */
async function startRedlite(): Promise<void> {
  port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', String(port), '--bind', '127.0.0.1', '--requirepass', PASSWORD], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 20_000;
  while (!output.includes('ready to accept connections')) {
    if (server.exitCode !== null) throw new Error(`redlite-server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`redlite-server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  [redis] = await Promise.all([startRedis(), startRedlite()]);
  // startRedis waits for an unauthenticated INFO: the password comes after.
  await run('redis-cli', ['-p', String(redis.port), 'CONFIG', 'SET', 'requirepass', PASSWORD]);
}, 30_000);

afterAll(async () => {
  if (server?.exitCode === null) server.kill();
  await redis?.stop();
});

/** redis-cli's output (stdout, then stderr) for the given arguments against a port. */
async function cli(targetPort: number, args: string[], input?: string): Promise<string> {
  const child = execFile('redis-cli', ['-p', String(targetPort), ...args], { encoding: 'latin1' });
  if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise((r) => child.on('close', r));
  return out;
}

const authed = (...args: string[]) => ['-a', PASSWORD, '--no-auth-warning', ...args];

describe('redis-cli', () => {
  it.each([
    ['set and get', [['SET', 'k', 'hello world'], ['GET', 'k'], ['--raw', 'GET', 'k'], ['INCR', 'n'], ['INCR', 'k']]],
    ['RESP2 replies', [['MGET', 'k', 'n', 'nokey'], ['CONFIG', 'GET', 'maxmemory'], ['CLIENT', 'GETNAME'], ['DBSIZE'], ['-n', '3', 'DBSIZE']]],
    ['RESP3 replies (-3)', [['-3', 'PING'], ['-3', 'CONFIG', 'GET', 'maxmemory'], ['-3', 'CLIENT', 'TRACKINGINFO'], ['-3', 'GET', 'nokey'], ['-3', 'MGET', 'k', 'nokey']]],
    ['RESP3 replies (--resp3)', [['--resp3', 'CLIENT', 'TRACKINGINFO'], ['--resp3', 'COMMAND', 'COUNT', 'x']]],
    ['errors', [['NOSUCH'], ['GET'], ['SELECT', '99']]],
    ['cleanup', [['DEL', 'k', 'n']]],
  ])('%s print as against redis-server', async (_name, commands) => {
    for (const args of commands as string[][]) {
      const [theirs, ours] = await Promise.all([cli(redis.port, authed(...args)), cli(port, authed(...args))]);
      expect({ args, out: ours }).toEqual({ args, out: theirs });
    }
  });

  it('HELLO 3 prints the handshake map', async () => {
    const [theirs, ours] = await Promise.all([cli(redis.port, authed('-3', 'HELLO', '3')), cli(port, authed('-3', 'HELLO', '3'))]);
    const withoutId = (out: string) => out.replace(/^id \d+$/m, 'id *');
    expect(withoutId(ours)).toBe(withoutId(theirs));
  });

  it('runs commands read from stdin, and refuses without the password', async () => {
    const script = 'SET a 1\nINCR a\nGET a\nDEL a\n';
    const [theirs, ours] = await Promise.all([cli(redis.port, authed(), script), cli(port, authed(), script)]);
    expect(ours).toBe(theirs);
    const [theirNoAuth, ourNoAuth] = await Promise.all([cli(redis.port, ['PING']), cli(port, ['PING'])]);
    expect(ourNoAuth).toBe(theirNoAuth);
  });

  it('INFO parses as sections of fields', async () => {
    const out = await cli(port, authed('INFO', 'server'));
    expect(out).toContain('# Server\r\nredis_version:7.0.15\r\n');
    expect(out).toContain(`tcp_port:${port}\r\n`);
  });
});

describe('redis-benchmark', () => {
  it.each([[[]], [['-P', '16']]])('runs SET, GET and INCR without errors %j', async (extra) => {
    const { stdout, stderr } = await run('redis-benchmark', ['-p', String(port), '-a', PASSWORD, '-t', 'set,get,incr', '-n', '10000', '-q', ...(extra as string[])], {
      timeout: 60_000,
    });
    const results = stdout.split(/[\r\n]/).filter((l) => l.includes('requests per second'));
    expect(results.map((l) => l.split(':')[0].trim())).toEqual(['SET', 'GET', 'INCR']);
    expect(stdout + stderr).not.toMatch(/error|ERR/i);
  }, 90_000);
});

describe('ioredis', () => {
  it('connects with a password, pipelines, and reads binary values', async () => {
    const client = new Redis({ port, host: '127.0.0.1', password: PASSWORD, lazyConnect: true });
    await client.connect();
    try {
      expect(await client.ping()).toBe('PONG');
      expect(await client.set('io:k', 'v', 'EX', 100)).toBe('OK');
      expect(await client.get('io:k')).toBe('v');
      expect(await client.ttl('io:k')).toBeGreaterThan(90);
      const binary = Buffer.from([0, 1, 2, 250, 255]);
      await client.set('io:bin', binary);
      expect(await client.getBuffer('io:bin')).toEqual(binary);
      const pipeline = client.pipeline();
      for (let i = 0; i < 100; i++) pipeline.incr('io:counter');
      const results = await pipeline.exec();
      expect(results!.at(-1)).toEqual([null, 100]);
      await expect(client.incr('io:k')).rejects.toThrow('ERR value is not an integer or out of range');
      expect(await client.call('CLIENT', 'SETNAME', 'io-client')).toBe('OK');
      expect(await client.client('GETNAME')).toBe('io-client');
      expect(await client.info('server')).toContain('redis_mode:standalone');
      expect(await client.del('io:k', 'io:bin', 'io:counter')).toBe(3);
    } finally {
      client.disconnect();
    }
  });

  it('subscribes and receives what is published', async () => {
    const sub = new Redis({ port, password: PASSWORD });
    const pub = new Redis({ port, password: PASSWORD });
    try {
      const received = new Promise<[string, string]>((resolve) => sub.on('message', (channel, message) => resolve([channel, message])));
      await sub.subscribe('io:news');
      expect(await pub.publish('io:news', 'hello')).toBe(1);
      expect(await received).toEqual(['io:news', 'hello']);
    } finally {
      sub.disconnect();
      pub.disconnect();
    }
  });

  it('reports a wrong password as Redis does', async () => {
    const firstError = (target: number) =>
      new Promise<string>((resolve) => {
        const client = new Redis({ port: target, password: 'wrong', maxRetriesPerRequest: 0, retryStrategy: () => null });
        client.once('error', (e: Error) => {
          client.disconnect();
          resolve(e.message);
        });
      });
    const [theirs, ours] = await Promise.all([firstError(redis.port), firstError(port)]);
    expect(ours).toBe(theirs);
    expect(ours).toMatch(/WRONGPASS/);
  });
});

describe('node-redis', () => {
  it.each([2, 3] as const)('works over RESP%i', async (resp) => {
    const client = createClient({ socket: { port, host: '127.0.0.1' }, password: PASSWORD, RESP: resp, name: `node-redis-${resp}` });
    client.on('error', () => {});
    await client.connect();
    try {
      expect(await client.ping()).toBe('PONG');
      expect(await client.set('nr:k', 'v')).toBe('OK');
      expect(await client.get('nr:k')).toBe('v');
      expect(await client.incrBy('nr:n', 5)).toBe(5);
      expect(await client.mGet(['nr:k', 'nr:n', 'nr:none'])).toEqual(['v', '5', null]);
      expect(await client.clientGetName()).toBe(`node-redis-${resp}`);
      expect(await client.configGet('maxmemory')).toEqual({ maxmemory: '0' });
      expect(await client.sendCommand(['ECHO', 'raw'])).toBe('raw');
      await expect(client.incr('nr:k')).rejects.toThrow('ERR value is not an integer or out of range');
      const sub = client.duplicate();
      sub.on('error', () => {});
      await sub.connect();
      const received = new Promise<string>((resolve) => void sub.subscribe('nr:news', (message) => resolve(message)));
      await new Promise((r) => setTimeout(r, 50));
      expect(await client.publish('nr:news', 'hi')).toBe(1);
      expect(await received).toBe('hi');
      await sub.close();
      expect(await client.del(['nr:k', 'nr:n'])).toBe(2);
    } finally {
      await client.close();
    }
  });
});

describe('SHUTDOWN', () => {
  it('stops the server process', async () => {
    const out = await cli(port, authed('SHUTDOWN', 'NOSAVE'));
    const exited = await new Promise<number | null>((resolve) => {
      if (server.exitCode !== null) resolve(server.exitCode);
      else server.once('exit', (code) => resolve(code));
    });
    expect(exited).toBe(0);
    expect(out).not.toMatch(/ERR/);
  });
});
