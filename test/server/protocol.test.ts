/**
 * The RESP server's handling of raw input, compared byte for byte with
 * redis-server: inline and multibulk requests, malformed ones (protocol error,
 * then close), Redis's size limits, partial and pipelined input, clients that
 * vanish mid-command, and the connection limits (maxclients, timeout).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget } from '../diff/harness.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

interface Exchange {
  /** Everything the server sent, as a byte string. */
  output: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/**
 * Connects, sends the chunks (pausing between them), and collects what comes
 * back until the server closes or stays quiet for `quietMs`.
 */
function exchange(port: number, chunks: string[], quietMs = 150): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let output = '';
    let timer: ReturnType<typeof setTimeout>;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ output, closed });
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), quietMs);
    };
    socket.on('data', (d) => {
      output += d.toString('latin1');
      quiet();
    });
    socket.on('end', () => finish(true));
    socket.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? finish(true) : reject(e)));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        socket.write(Buffer.from(chunk, 'latin1'));
        await new Promise((r) => setTimeout(r, 10));
      }
      quiet();
    });
  });
}

/** The same raw input to both servers; both must answer and close alike. */
async function sameExchange(chunks: string[], quietMs?: number): Promise<Exchange> {
  const [redis, redlite] = await Promise.all([exchange(t.redisPort, chunks, quietMs), exchange(t.redlitePort, chunks, quietMs)]);
  expect({ ...redlite, output: show(redlite.output) }).toEqual({ ...redis, output: show(redis.output) });
  return redlite;
}

/** Long outputs are compared by length and ends, to keep failures readable. */
function show(s: string): string {
  return s.length > 400 ? `${s.length} bytes: ${JSON.stringify(s.slice(0, 200))} … ${JSON.stringify(s.slice(-200))}` : s;
}

const cmd = (...argv: string[]) => `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

describe('well-formed input', () => {
  it.each([
    ['inline commands', ['PING\r\n', 'ECHO "a b"\r\n', "ECHO 'it''s'\r\n", 'ECHO \'x y\'\r\n', 'ECHO "\\x41\\n"\r\n', 'PING\n', '   \r\n', '\r\n', 'ECHO\t tab \r\n']],
    ['empty and negative multibulk counts', ['*0\r\n', '*-1\r\n', '*-10\r\nPING\r\n']],
    ['an empty command name', [cmd('')]],
    ['a command split byte by byte', [...cmd('ECHO', 'split')]],
    ['binary arguments', [cmd('SET', 'bin', '\x00\r\n\xff'), cmd('GET', 'bin'), cmd('STRLEN', 'bin'), cmd('DEL', 'bin')]],
    ['a line end is CR and any byte', ['*1\rX$4\rXPING\r\n', cmd('PING')]],
    ['bulk data is followed by any two bytes', ['*1\r\n$4\r\nPINGxy', cmd('PING')]],
  ])('%s', async (_name, chunks) => {
    await sameExchange(chunks as string[]);
  });

  it('a pipeline of 10000 commands in one write', async () => {
    const pipeline = Array.from({ length: 10000 }, (_, i) => cmd('INCR', `counter${i % 3}`)).join('') + cmd('DEL', 'counter0', 'counter1', 'counter2');
    const { output } = await sameExchange([pipeline], 500);
    expect(output.split('\r\n').length).toBe(10002);
  });

  it('a 5 MB value in many chunks', async () => {
    const value = 'v'.repeat(5 * 1024 * 1024);
    const request = cmd('SET', 'big', value) + cmd('STRLEN', 'big') + cmd('DEL', 'big');
    const chunks: string[] = [];
    for (let i = 0; i < request.length; i += 256 * 1024) chunks.push(request.slice(i, i + 256 * 1024));
    await sameExchange(chunks, 500);
  });
});

describe('malformed input: protocol error, then close', () => {
  it.each([
    ['invalid multibulk length', ['*20000000000\r\n']],
    ['out of range multibulk length', ['*3000000000\r\n']],
    ['non-numeric multibulk length', ['*abc\r\n']],
    ['multibulk length with a leading zero', ['*01\r\n']],
    ['empty multibulk length', ['*\r\n']],
    ['multibulk length past int64', ['*-99999999999999999999\r\n']],
    ['wrong bulk header', ['*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n']],
    ['negative bulk length', ['*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$-10\r\n']],
    ['bulk length over proto-max-bulk-len', ['*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$2000000000\r\n']],
    ['non-numeric bulk length', ['*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$blabla\r\n']],
    ['unbalanced quotes', ['set """test-key""" test-value\r\n']],
    ['a quote glued to the next word', ['ECHO "a"b\r\n']],
    ['commands before the error are answered', ['PING\r\nPING\r\n*x\r\nPING\r\n']],
    ['too big inline request', ['a'.repeat(70 * 1024)]],
    ['too big multibulk count', ['*' + '1'.repeat(70 * 1024)]],
    ['too big bulk count', ['*1\r\n$' + '1'.repeat(70 * 1024)]],
  ])('%s', async (_name, chunks) => {
    const { closed } = await sameExchange(chunks as string[]);
    expect(closed).toBe(true);
  });

  it('HTTP requests (cross-protocol attacks) are dropped without a reply', async () => {
    for (const request of ['POST / HTTP/1.1\r\nHost: x\r\n\r\n', 'PING\r\nHost: evil\r\n', cmd('post', 'x')]) {
      const { closed } = await sameExchange([request]);
      expect(closed).toBe(true);
    }
  });
});

describe('clients that go away', () => {
  it('a client closing mid-command leaves the server well and the write undone', async () => {
    for (const port of [t.redisPort, t.redlitePort]) {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write('*3\r\n$3\r\nSET\r\n$7\r\npartial\r\n$5\r\nval');
      await new Promise((r) => setTimeout(r, 20));
      socket.destroy();
    }
    await new Promise((r) => setTimeout(r, 50));
    await sameExchange([cmd('GET', 'partial'), cmd('PING')]);
  });

  it('a client that never reads its replies does not stop the others', async () => {
    const socket = net.connect(t.redlitePort, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.pause();
    const big = cmd('SET', 'flood', 'x'.repeat(1024 * 1024));
    socket.write(big);
    for (let i = 0; i < 50; i++) socket.write(cmd('GET', 'flood'));
    await new Promise((r) => setTimeout(r, 100));
    expect((await exchange(t.redlitePort, [cmd('PING')])).output).toBe('+PONG\r\n');
    socket.destroy();
    expect((await t.redlite.command(['DEL', 'flood'])).raw).toBe(':1\r\n');
  });
});

describe('limits', () => {
  it('before AUTH, requests are capped in size', async () => {
    await sameExchange([cmd('CONFIG', 'SET', 'requirepass', 'pw')]);
    try {
      for (const chunks of [
        ['*11\r\n'],
        ['*10\r\n'],
        ['*1\r\n$16385\r\n'],
        ['*1\r\n$16384\r\n'],
        [cmd('AUTH', 'pw') + '*11\r\n' + '$1\r\na\r\n'.repeat(10) + '$4\r\nPING\r\n'],
      ]) {
        await sameExchange(chunks);
      }
    } finally {
      await sameExchange([cmd('AUTH', 'pw'), cmd('CONFIG', 'SET', 'requirepass', '')]);
    }
  });

  it('maxclients refuses connections beyond it', async () => {
    // Only the harness's own connection stays: with room for one client, a second is refused.
    await Promise.all([t.redis.command(['CONFIG', 'SET', 'maxclients', '1']), t.redlite.command(['CONFIG', 'SET', 'maxclients', '1'])]);
    await new Promise((r) => setTimeout(r, 50));
    try {
      const { closed } = await sameExchange([cmd('PING')]);
      expect(closed).toBe(true);
    } finally {
      await Promise.all([t.redis.command(['CONFIG', 'SET', 'maxclients', '10000']), t.redlite.command(['CONFIG', 'SET', 'maxclients', '10000'])]);
    }
  });

  it('timeout closes idle clients', async () => {
    await Promise.all([t.redis.command(['CONFIG', 'SET', 'timeout', '1']), t.redlite.command(['CONFIG', 'SET', 'timeout', '1'])]);
    // The harness's connections stay busy meanwhile, so only the idle one goes.
    const busy = setInterval(() => void Promise.all([t.redis.command(['PING']), t.redlite.command(['PING'])]), 200);
    try {
      const { closed } = await sameExchange([cmd('PING')], 3500);
      expect(closed).toBe(true);
    } finally {
      clearInterval(busy);
      await Promise.all([t.redis.command(['CONFIG', 'SET', 'timeout', '0']), t.redlite.command(['CONFIG', 'SET', 'timeout', '0'])]);
    }
  });
});
