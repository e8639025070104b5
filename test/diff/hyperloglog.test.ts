/**
 * HyperLogLog (PFADD, PFCOUNT, PFMERGE, PFDEBUG) against a real redis-server:
 * replies, and the stored bytes (GET) after every change, so both encodings,
 * the promotion between them and the cached cardinality match Redis's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget, Rng } from './harness.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

async function setConfig(name: string, value: string): Promise<void> {
  const { redis, redlite } = await t.both(['CONFIG', 'SET', name, value]);
  expect(redlite).toBe(redis);
}

/** PFADD of `elements` in batches, then the commands that expose the value. */
function addAll(key: string, elements: string[], batch: number): string[][] {
  const commands: string[][] = [];
  for (let i = 0; i < elements.length; i += batch) commands.push(['PFADD', key, ...elements.slice(i, i + batch)]);
  return commands;
}

describe('PFADD / PFCOUNT', () => {
  it('adds, counts and caches the count', async () => {
    await t.run([
      'PFADD h a b c',
      'GET h',
      'PFCOUNT h',
      'GET h',
      'PFADD h a',
      'PFADD h d',
      'GET h',
      'PFCOUNT h',
      'PFADD new',
      'GET new',
      'PFADD new',
      'PFCOUNT new',
      'PFCOUNT missing',
      'PFADD h "" "\\x00" "\\xff\\xfe" "a longer element of more than eight bytes"',
      'PFCOUNT h',
      'GET h',
      'OBJECT ENCODING h',
      'SET h2 x EX 100',
      'DEL h2',
      'PFADD h2 x',
      'EXPIRE h2 100',
      'PFADD h2 y',
      'TTL h2',
      'PFCOUNT h2',
      'TTL h2',
    ]);
  });

  it('counts thousands of elements through the sparse and dense encodings', async () => {
    const rng = new Rng(9001);
    const elements = Array.from({ length: 6000 }, (_, i) => `el:${i}:${rng.int(0, 1e9)}`);
    const commands: string[][] = [];
    for (let i = 0; i < elements.length; i += 97) {
      commands.push(['PFADD', 'h', ...elements.slice(i, i + 97)], ['GET', 'h'], ['PFCOUNT', 'h'], ['GET', 'h']);
    }
    await t.run([...commands, 'PFDEBUG ENCODING h', 'PFCOUNT h h', 'PFADD h a b c d']);
  });

  it('promotes at hll-sparse-max-bytes', async () => {
    await t.run(['CONFIG GET hll-sparse-max-bytes', 'CONFIG SET hll-sparse-max-bytes 1kb', 'CONFIG GET hll-sparse-max-bytes', 'CONFIG SET hll-sparse-max-bytes -1']);
    await setConfig('hll-sparse-max-bytes', '100');
    try {
      const elements = Array.from({ length: 60 }, (_, i) => `x${i}`);
      const steps = addAll('h', elements, 1).flatMap((c) => [c, ['GET', 'h']]);
      await t.run([...steps, 'PFDEBUG ENCODING h', 'PFCOUNT h']);
    } finally {
      await setConfig('hll-sparse-max-bytes', '3000');
    }
  });

  it('counts large cardinalities', async () => {
    const elements = Array.from({ length: 100000 }, (_, i) => `w${i}`);
    await t.run([...addAll('w', elements, 5000), 'PFCOUNT w', 'GET w']);
  });

  it('keeps Redis values byte for byte when they cross over', async () => {
    const rng = new Rng(9002);
    for (const size of [10, 500, 4000]) {
      const elements = Array.from({ length: size }, () => String(rng.int(0, 1e12)));
      await t.redis.command(['DEL', 'h']);
      for (const command of addAll('h', elements, 200)) await t.redis.command(command);
      const fromRedis = (await t.redis.command(['GET', 'h'])).value as string;
      const more = Array.from({ length: 50 }, () => String(rng.int(0, 1e12)));
      await t.run([['SET', 'h', fromRedis], 'PFCOUNT h', 'GET h', ['PFADD', 'h', ...more], 'GET h', 'PFCOUNT h', 'GET h']);
      // And back: a value built by redlite, read by Redis.
      const fromRedlite = (await t.redlite.command(['GET', 'h'])).value as string;
      await t.redis.command(['SET', 'copy', fromRedlite]);
      expect((await t.redis.command(['PFCOUNT', 'copy'])).raw).toBe((await t.redlite.command(['PFCOUNT', 'h'])).raw);
    }
  });

  it('rejects other types and corrupt values', async () => {
    await t.run([
      'SET s hello',
      'PFADD s a',
      'PFCOUNT s',
      'PFCOUNT s missing',
      'PFMERGE d s',
      'PFMERGE s',
      'LPUSH l a',
      'PFADD l a',
      'PFCOUNT l',
      'PFMERGE l',
      'PFCOUNT missing l',
      'PFADD h a b c',
      'SETRANGE h 4 "\\x02"',
      'PFADD h d',
      'PFCOUNT h',
      'SETRANGE h 4 "\\x00"',
      'PFCOUNT h',
      'PFADD h2 a b c',
      'APPEND h2 hello',
      'PFCOUNT h2',
      'PFADD h2 zzz',
      'PFCOUNT h2 h',
      'PFMERGE h3 h2',
      'SET h4 "HYLL\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"',
      'PFCOUNT h4',
      'PFADD h4 a',
      'SET h5 "HYLL\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f"',
      'PFCOUNT h5',
      'PFADD h5 a',
      'SET h6 "HYLL\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"',
      'PFCOUNT h6',
      'SET h7 "HYL"',
      'PFCOUNT h7',
      'SET h8 "HYLL\\x01\\x00\\x00\\x00\\x11\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f\\xff"',
      'PFCOUNT h8',
      'PFADD h8 a',
      'PFCOUNT h8',
      'PFADD',
      'PFCOUNT',
      'PFMERGE',
    ]);
  });

  it('detects sparse values whose runs overflow or fall short, partially updating like Redis', async () => {
    const header = 'HYLL\x01' + '\0'.repeat(11);
    const xzero = (n: number) => String.fromCharCode(0x40 | ((n - 1) >> 8), (n - 1) & 0xff);
    const zero = (n: number) => String.fromCharCode(n - 1);
    const val = (v: number, n: number) => String.fromCharCode(0x80 | ((v - 1) << 2) | (n - 1));
    const corrupt = [
      xzero(16384) + val(1, 1),
      xzero(16384) + zero(1),
      xzero(16384) + xzero(1),
      xzero(16000),
      xzero(16383) + val(1, 2),
      val(2, 1) + xzero(16384),
      xzero(8192) + val(1, 1),
      xzero(16383) + '\x40',
    ];
    const elements = Array.from({ length: 40 }, (_, i) => `e${i}`);
    const many = Array.from({ length: 3000 }, (_, i) => `m${i}`);
    for (const body of [...corrupt, xzero(16383) + val(3, 1)]) {
      const value = header + body;
      await t.run([
        ['SET', 'h', value],
        'PFCOUNT h',
        'PFCOUNT h h',
        'PFCOUNT h missing',
        'PFMERGE d h',
        'PFDEBUG DECODE h',
        'PFDEBUG TODENSE h',
        ['SET', 'h', value],
        ['PFADD', 'h', ...elements],
        'GET h',
        'PFCOUNT h',
        ['SET', 'h', value],
        ['PFADD', 'h', ...many],
        'GET h',
        ['SET', 'h', value],
        'SETRANGE h 15 "\x80"',
        'PFCOUNT h',
      ]);
    }
  });
});

describe('PFMERGE', () => {
  it('merges sparse and dense values into new and existing keys', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => `big${i}`);
    await t.run([
      'PFADD a 1 2 3 4',
      'PFADD b 3 4 5 6 7',
      'PFMERGE d a b',
      'GET d',
      'PFCOUNT d',
      'PFCOUNT a b',
      'PFMERGE d',
      'GET d',
      'PFMERGE e missing',
      'GET e',
      'PFMERGE a b',
      'GET a',
      ...addAll('big', big, 500),
      'PFMERGE d big',
      'GET d',
      'PFMERGE f a big missing',
      'GET f',
      'PFCOUNT a big missing',
      'SET g x EX 100',
      'DEL g',
      'PFADD g q',
      'EXPIRE g 100',
      'PFMERGE g a',
      'TTL g',
    ]);
  });

  it('promotes a sparse destination while merging', async () => {
    const elements = Array.from({ length: 2500 }, (_, i) => `m${i}`);
    const half = elements.slice(0, 1250);
    const rest = elements.slice(1250);
    await t.run([...addAll('x', half, 250), ...addAll('y', rest, 250), 'PFMERGE z x y', 'GET z', 'PFDEBUG ENCODING z', 'PFCOUNT z', 'PFMERGE x y', 'GET x']);
  });
});

describe('PFDEBUG', () => {
  it('shows the encoding, the registers and the sparse opcodes', async () => {
    await t.run([
      'PFADD h a b c',
      'PFDEBUG ENCODING h',
      'PFDEBUG DECODE h',
      'PFDEBUG GETREG h',
      'PFDEBUG ENCODING h',
      'GET h',
      'PFDEBUG DECODE h',
      'PFADD h2 x',
      'PFDEBUG TODENSE h2',
      'PFDEBUG TODENSE h2',
      'GET h2',
      'PFDEBUG ENCODING missing',
      'PFDEBUG NOPE h2',
      'PFDEBUG NOPE missing',
      'SET s x',
      'PFDEBUG ENCODING s',
      'PFDEBUG ENCODING',
    ]);
  });
});

describe('random HyperLogLog sequences', () => {
  const keys = ['h1', 'h2', 'h3', 's'];
  const gen = (rng: Rng): string[] => {
    const element = () => String(rng.int(0, rng.pick([10, 1000, 1e6])));
    switch (rng.int(0, 7)) {
      case 0:
        return ['SET', 's', 'not a hll'];
      case 1:
      case 2:
      case 3:
        return ['PFADD', rng.pick(keys), ...Array.from({ length: rng.int(0, rng.pick([3, 50, 400])) }, element)];
      case 4:
        return ['PFCOUNT', ...Array.from({ length: rng.int(1, 3) }, () => rng.pick(keys))];
      case 5:
        return ['PFMERGE', rng.pick(keys), ...Array.from({ length: rng.int(0, 3) }, () => rng.pick(keys))];
      default:
        return ['GET', rng.pick(keys)];
    }
  };

  it('matches Redis, keyspace events included', async () => {
    await t.fuzz({ seed: 9100, sequences: 40, length: 30, gen, events: 'AKEmn' });
  });
});
