/**
 * globMatch against a real redis-server: KEYS over a fixed set of keys shows
 * which keys stringmatchlen accepts for each pattern; COMMAND LIST FILTERBY
 * PATTERN shows the case-insensitive variant.
 */
import { seededRandom as rng } from '../../test/rng.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../../test/redis-server.js';
import { globMatch } from './glob.js';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis({ port: server.port, maxRetriesPerRequest: 0 });
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const bytes = (s: string) => Buffer.from(s, 'latin1');


/** Every string over `alphabet` of length 0..maxLen. */
function allStrings(alphabet: string, maxLen: number): string[] {
  const out = [''];
  let layer = [''];
  for (let n = 0; n < maxLen; n++) {
    layer = layer.flatMap((s) => [...alphabet].map((c) => s + c));
    out.push(...layer);
  }
  return out;
}

function randomPattern(r: () => number, alphabet: string, maxLen: number): string {
  let s = '';
  for (let n = Math.floor(r() * (maxLen + 1)); n > 0; n--) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

/** Replaces the keyspace with `keys` (each holding "1"). */
async function loadKeys(keys: string[]): Promise<void> {
  await redis.flushall();
  const pipe = redis.pipeline();
  for (const k of keys) pipe.set(bytes(k), '1');
  await pipe.exec();
}

/** KEYS for each pattern, as sorted byte strings, in one pipeline. */
async function keysFor(patterns: string[]): Promise<string[][]> {
  const pipe = redis.pipeline();
  for (const p of patterns) pipe.callBuffer('KEYS', bytes(p));
  const results = (await pipe.exec()) ?? [];
  return results.map(([err, reply]) => {
    if (err) throw err;
    return (reply as Buffer[]).map((b) => b.toString('latin1')).sort();
  });
}

/** Asserts globMatch selects exactly the keys Redis's KEYS returns. */
async function expectSameAsKeys(keys: string[], patterns: string[]): Promise<void> {
  await loadKeys(keys);
  const expected = await keysFor(patterns);
  patterns.forEach((p, i) => {
    const mine = keys.filter((k) => globMatch(p, k)).sort();
    expect(mine, `pattern ${JSON.stringify(p)}`).toEqual(expected[i]);
  });
}

describe('globMatch', () => {
  // KEYS answers "*" from a shortcut without matching; every other pattern goes through stringmatchlen.
  const notStar = (p: string) => p !== '*';

  it('matches KEYS on hand-picked patterns', async () => {
    const keys = allStrings('ab*?[]^-\\', 2).concat(['hello', 'hallo', 'hxllo', 'heeeello', 'hllo', 'h[llo', 'h\\llo']);
    await expectSameAsKeys(keys, [
      '', '?', '??', '**', '***', 'a*', '*a', '*a*', 'a**b', 'h?llo', 'h*llo', 'h[ae]llo', 'h[^e]llo', 'h[a-b]llo',
      'h[b-a]llo', '[a-]', '[a-]*', '[-a]', '[]', '[]]', '[]a]', '[\\]]', '[\\]', '[\\', '[', '[a', '[^', '[^]', '[^a',
      'a\\', '\\', '\\\\', '\\*', '\\?', '\\[', '\\a', '*\\', '[*]', '[?]', '[a-a]', '[\\-]', '[a\\-b]', '[z-a]*',
      '[^a-b]', '[^-]', '[--]', '[---]', '[]-a]', '[a-]]', '*[', '*]', '?*', '*?', '*?*', 'a*?', '[[]', '[^[]',
      'h*l*o', 'h[e]*llo', 'h\\[llo', 'h[[]llo', '*[a]', '[a]*[b]', '[ab][ab]', '[^ab][^ab]', '\\\\*',
    ]);
  });

  it('matches KEYS on random patterns over glob characters (fixed seed)', async () => {
    const alphabet = 'ab*?[]^-\\';
    const keys = allStrings(alphabet, 3);
    const r = rng(1234);
    const patterns: string[] = [];
    while (patterns.length < 3000) {
      const p = randomPattern(r, alphabet, 7);
      if (notStar(p)) patterns.push(p);
    }
    await expectSameAsKeys(keys, patterns);
  });

  it('matches KEYS on bytes above 0x7f, where ranges compare signed chars', async () => {
    const alphabet = '\x00Aaz\x7f\x80\xc0\xff';
    const keys = allStrings(alphabet, 2);
    const r = rng(99);
    const patterns = ['[a-\xff]', '[\xff-a]', '[\x80-\xff]', '[\x7f-\x80]', '[\x00-\x7f]', '[^\x80-\xff]*', '[A-\xc0]?'];
    while (patterns.length < 1500) {
      const p = randomPattern(r, alphabet + '[]-^*?', 6);
      if (notStar(p)) patterns.push(p);
    }
    await expectSameAsKeys(keys, patterns);
  });

  it('matches COMMAND LIST FILTERBY PATTERN when folding case (fixed seed)', async () => {
    const names = ((await redis.call('COMMAND', 'LIST')) as string[]).sort();
    const r = rng(5);
    const patterns = ['*', 'GET', 'CONFIG|*', '*|GET', '[A-C]*', '[a-c]*', '[^a-y]*', '[Z-a]*', '[a-Z]*', '\\G*', '[\\G]*'];
    while (patterns.length < 800) {
      // Mangle a real name: random case, wildcards, classes and escapes.
      const name = names[Math.floor(r() * names.length)];
      let p = '';
      for (const c of name) {
        const roll = r();
        if (roll < 0.1) p += '?';
        else if (roll < 0.18) p += '*';
        else if (roll < 0.22) p += `[${c.toUpperCase()}x]`;
        else if (roll < 0.25) p += `[^${c}]`;
        else if (roll < 0.28) p += `[A-${c.toUpperCase()}]`;
        else if (roll < 0.31) p += '\\' + c.toUpperCase();
        else if (roll < 0.35) continue;
        else p += r() < 0.5 ? c.toUpperCase() : c;
      }
      patterns.push(p);
    }
    const pipe = redis.pipeline();
    for (const p of patterns) pipe.call('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', p);
    const results = (await pipe.exec()) ?? [];
    patterns.forEach((p, i) => {
      const [err, reply] = results[i];
      expect(err).toBeNull();
      const mine = names.filter((n) => globMatch(p, n, true));
      expect(mine, `pattern ${JSON.stringify(p)}`).toEqual((reply as string[]).sort());
    });
  });

  it('stays linear on patterns that make naive matchers explode', async () => {
    const long = 'a'.repeat(4000);
    const keys = [long, long + 'b', 'ab'.repeat(2000), 'a'.repeat(30)];
    const patterns = ['a*a*a*a*a*a*a*b', 'a*a*a*a*a*a*a*a', '*a*a*a*a*a*a*a*a*a*a*c', 'a*'.repeat(1000) + 'b', '*?'.repeat(500)];
    const started = performance.now();
    for (const p of patterns) for (const k of keys) globMatch(p, k);
    expect(performance.now() - started).toBeLessThan(2000);
    await expectSameAsKeys(keys, patterns);
  });

  it('does not let "*" match the empty string (KEYS only answers "*" by a shortcut)', async () => {
    await loadKeys(['', 'a']);
    const [star, twoStars] = await keysFor(['*', '**']);
    expect(star).toEqual(['', 'a']);
    expect(twoStars).toEqual(['a']);
    expect(globMatch('*', '')).toBe(false);
    expect(globMatch('**', '')).toBe(false);
    expect(globMatch('', '')).toBe(true);
  });
});
