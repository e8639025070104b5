/**
 * Starts a throwaway redis-server for tests that compare with the real thing.
 *
 *   const redis = await startRedis();          // or startRedis(['--maxmemory', '1mb'])
 *   ... connect to 127.0.0.1:redis.port ...
 *   await redis.stop();
 *
 * It persists nothing, listens on a free port on 127.0.0.1, and resolves once
 * the server answers. A missing binary or a server that will not start
 * rejects: tests that need Redis fail rather than skip.
 * The binary is `redis-server` on PATH, or $REDIS_SERVER.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import os from 'node:os';

export interface RedisServer {
  readonly port: number;
  /** Kills the server and waits for it to exit. */
  stop(): Promise<void>;
}

const BIN = process.env.REDIS_SERVER ?? 'redis-server';
const START_TIMEOUT_MS = 10_000;

/** A port the OS says is free right now (another process may take it first: see retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The process id of the redis-server answering on the port, or null if none
 * answers yet. Checking the pid (not just PING) makes sure the answer comes
 * from our child, not from a server that won a race for the same port.
 */
function serverPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    const done = (pid: number | null) => {
      sock.destroy();
      resolve(pid);
    };
    sock.setTimeout(1000, () => done(null));
    sock.on('error', () => done(null));
    sock.on('connect', () => sock.write('INFO server\r\n'));
    sock.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (data.startsWith('-')) return done(null); // e.g. -LOADING
      const match = /process_id:(\d+)\r\n/.exec(data);
      if (match) done(Number(match[1]));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Servers still running, killed if this process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts a server on `port`; 'port-taken' if another process bound it first. */
async function tryStart(port: number, extraArgs: readonly string[]): Promise<RedisServer | 'port-taken'> {
  // A directory of its own: a dump.rdb another run left in a shared one would be loaded at start.
  const dir = mkdtempSync(join(os.tmpdir(), 'redlite-redis-'));
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'no',
    '--dir', dir,
    ...extraArgs,
  ];
  const child = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  running.add(child);
  exited.then(() => {
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  while ((await serverPid(port)) !== child.pid) {
    if (spawnError) throw new Error(`cannot run ${BIN}: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      if (output.includes('Address already in use')) return 'port-taken';
      throw new Error(`${BIN} exited (${child.exitCode ?? child.signalCode}) on port ${port}:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${BIN} did not answer on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await sleep(20);
  }

  return {
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Starts redis-server with `--save '' --appendonly no` plus `extraArgs` on a free port. */
export async function startRedis(extraArgs: readonly string[] = []): Promise<RedisServer> {
  // The free port can be taken between our check and the server's bind: then try another.
  for (let attempt = 0; attempt < 5; attempt++) {
    const server = await tryStart(await freePort(), extraArgs);
    if (server !== 'port-taken') return server;
  }
  throw new Error(`${BIN}: no free port after 5 attempts`);
}
