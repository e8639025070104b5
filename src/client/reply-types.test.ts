/**
 * The reply types the command table gives the client's methods, checked twice:
 * by the compiler (`expectTypeOf`, enforced by `tsc --noEmit`) and at run time
 * against what the in-process client decodes. Expected values are what
 * redis-server 7.0.15 answers to the same commands.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createClient } from '../node.js';
import type { RedliteClient } from './client.js';

let opened: RedliteClient[] = [];
let storeCount = 0;
function client(): RedliteClient {
  const db = createClient({ name: `reply-types-${storeCount++}` });
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.map((db) => db.close()));
  opened = [];
});

type Entry = [string, string[]];
type ScriptFlag = 'no-writes' | 'allow-oom' | 'allow-stale' | 'no-cluster' | 'allow-cross-slot-keys';

describe('sorted sets', () => {
  it('scores are strings, ranks numbers, pops tuples', async () => {
    const db = client();
    const added = await db.zadd('z', 1, 'a', 2, 'b', 3, 'c');
    expectTypeOf(added).toEqualTypeOf<number | string | null>();
    expect(added).toBe(3);
    expect(await db.zadd('z', 'INCR', 1, 'a')).toBe('2');
    expect(await db.zadd('z', 'NX', 'INCR', 1, 'a')).toBeNull();

    const score = await db.zscore('z', 'a');
    expectTypeOf(score).toEqualTypeOf<string | null>();
    expect(score).toBe('2');
    const scores = await db.zmscore('z', 'a', 'nope');
    expectTypeOf(scores).toEqualTypeOf<(string | null)[]>();
    expect(scores).toEqual(['2', null]);
    const rank = await db.zrank('z', 'nope');
    expectTypeOf(rank).toEqualTypeOf<number | null>();
    expect(rank).toBeNull();

    const range = await db.zrange('z', 0, -1, 'WITHSCORES');
    expectTypeOf(range).toEqualTypeOf<string[]>();
    expect(range).toEqual(['a', '2', 'b', '2', 'c', '3']);
    const random = await db.zrandmember('nokey');
    expectTypeOf(random).toEqualTypeOf<string | string[] | null>();
    expect(random).toBeNull();
    const scan = await db.zscan('z', 0);
    expectTypeOf(scan).toEqualTypeOf<[string, string[]]>();
    expect(scan).toEqual(['0', ['a', '2', 'b', '2', 'c', '3']]);

    const popped = await db.zpopmin('z');
    expectTypeOf(popped).toEqualTypeOf<string[]>();
    expect(popped).toEqual(['a', '2']);
    const blockPopped = await db.bzpopmax('nokey', 'z', 0);
    expectTypeOf(blockPopped).toEqualTypeOf<[string, string, string] | null>();
    expect(blockPopped).toEqual(['z', 'c', '3']);
    const mpopped = await db.zmpop(1, 'z', 'MIN', 'COUNT', 2);
    expectTypeOf(mpopped).toEqualTypeOf<[string, [string, string][]] | null>();
    expect(mpopped).toEqual(['z', [['b', '2']]]);
    const timedOut = await db.bzmpop(0.01, 1, 'z', 'MAX');
    expectTypeOf(timedOut).toEqualTypeOf<[string, [string, string][]] | null>();
    expect(timedOut).toBeNull();
    expect(await db.bzpopmin('z', 0.01)).toBeNull();
  });
});

describe('transactions', () => {
  it('WATCH, UNWATCH and DISCARD answer OK', async () => {
    const db = client();
    const watched = await db.watch('k');
    expectTypeOf(watched).toEqualTypeOf<'OK'>();
    expect(watched).toBe('OK');
    expect(await db.unwatch()).toBe('OK');
    await db.call('MULTI');
    const discarded = await db.discard();
    expectTypeOf(discarded).toEqualTypeOf<'OK'>();
    expect(discarded).toBe('OK');
  });
});

describe('DUMP and RESTORE', () => {
  it('dumps a payload (bytes with dumpBuffer) and restores it', async () => {
    const db = client();
    await db.set('s', 'v');
    const payload = await db.dumpBuffer('s');
    expectTypeOf(payload).toEqualTypeOf<Uint8Array | null>();
    expect(payload).toEqual(new Uint8Array([0x00, 0x01, 0x76, 0x0a, 0x00, 0x91, 0x08, 0xce, 0xb2, 0x19, 0x38, 0x8a, 0xce]));
    const missing = await db.dump('nokey');
    expectTypeOf(missing).toEqualTypeOf<string | null>();
    expect(missing).toBeNull();
    const restored = await db.restore('copy', 0, payload!);
    expectTypeOf(restored).toEqualTypeOf<'OK'>();
    expect(restored).toBe('OK');
    expect(await db.get('copy')).toBe('v');
  });
});

describe('scripting', () => {
  const LIBRARY = [
    '#!lua name=mylib',
    "redis.register_function{function_name='f1', callback=function() return 1 end, flags={'no-writes'}, description='desc'}",
    "redis.register_function('f2', function() return 2 end)",
  ].join('\n');

  it('SCRIPT subcommands have their own replies; EVAL stays unknown', async () => {
    const db = client();
    const sha = await db.script('LOAD', 'return 1');
    expectTypeOf(sha).toEqualTypeOf<string>();
    expect(sha).toBe('e0e1f9fabfc9d4800c877a703b823ac0578ff8db');
    const exists = await db.script('EXISTS', sha, '0000');
    expectTypeOf(exists).toEqualTypeOf<number[]>();
    expect(exists).toEqual([1, 0]);
    const flushed = await db.script('FLUSH');
    expectTypeOf(flushed).toEqualTypeOf<'OK'>();
    expect(flushed).toBe('OK');
    // A script answers whatever it returns.
    expectTypeOf(db.eval).returns.resolves.toBeUnknown();
    expectTypeOf(db.fcall).returns.resolves.toBeUnknown();
  });

  it('FUNCTION LOAD, LIST, STATS, DUMP and DELETE', async () => {
    const db = client();
    const name = await db.function('LOAD', LIBRARY);
    expectTypeOf(name).toEqualTypeOf<string>();
    expect(name).toBe('mylib');

    const list = await db.function('LIST', 'WITHCODE');
    expectTypeOf(list).toEqualTypeOf<(string | (string | null | ScriptFlag[])[][])[][]>();
    expect(list).toEqual([
      [
        'library_name', 'mylib', 'engine', 'LUA',
        'functions', [
          ['name', 'f1', 'description', 'desc', 'flags', ['no-writes']],
          ['name', 'f2', 'description', null, 'flags', []],
        ],
        'library_code', LIBRARY,
      ],
    ]);
    // Flags are status replies: strings even from ...Buffer methods, as the type says.
    const rawList = await db.functionBuffer('LIST');
    expectTypeOf(rawList).toEqualTypeOf<(Uint8Array | (Uint8Array | null | ScriptFlag[])[][])[][]>();
    expect((rawList[0][5] as ScriptFlag[][][])[0][5]).toEqual(['no-writes']);

    const stats = await db.function('STATS');
    expectTypeOf(stats).toEqualTypeOf<(string | null | (string | number | string[])[] | (string | (string | number)[])[])[]>();
    expect(stats).toEqual(['running_script', null, 'engines', ['LUA', ['libraries_count', 1, 'functions_count', 2]]]);

    const dump = await db.functionBuffer('DUMP');
    expectTypeOf(dump).toEqualTypeOf<Uint8Array>();
    expect(dump).toBeInstanceOf(Uint8Array);
    const deleted = await db.function('DELETE', 'mylib');
    expectTypeOf(deleted).toEqualTypeOf<'OK'>();
    expect(deleted).toBe('OK');
  });
});

describe('SORT', () => {
  it('sorts into strings (null for a missing GET) or stores a count', async () => {
    const db = client();
    await db.rpush('l', 3, 1, 2);
    const sorted = await db.sort('l');
    expectTypeOf(sorted).toEqualTypeOf<(string | null)[] | number>();
    expect(sorted).toEqual(['1', '2', '3']);
    expect(await db.sort('l', 'BY', 'nosort', 'GET', 'w_*', 'GET', '#')).toEqual([null, '3', null, '1', null, '2']);
    expect(await db.sort('l', 'STORE', 'd')).toBe(3);
    const readOnly = await db.sort_ro('l', 'GET', 'nokey*');
    expectTypeOf(readOnly).toEqualTypeOf<(string | null)[]>();
    expect(readOnly).toEqual([null, null, null]);
  });
});

describe('geo', () => {
  it('coordinates and distances are strings, hashes numbers', async () => {
    const db = client();
    const added = await db.geoadd('g', 13.361389, 38.115556, 'Palermo', 15.087269, 37.502669, 'Catania');
    expectTypeOf(added).toEqualTypeOf<number>();
    expect(added).toBe(2);
    const pos = await db.geopos('g', 'Palermo', 'nope');
    expectTypeOf(pos).toEqualTypeOf<([string, string] | null)[]>();
    expect(pos).toEqual([['13.36138933897018433', '38.11555639549629859'], null]);
    const dist = await db.geodist('g', 'Palermo', 'Catania', 'km');
    expectTypeOf(dist).toEqualTypeOf<string | null>();
    expect(dist).toBe('166.2742');
    const hashes = await db.geohash('g', 'Palermo', 'nope');
    expectTypeOf(hashes).toEqualTypeOf<(string | null)[]>();
    expect(hashes).toEqual(['sqc8b49rny0', null]);

    const found = await db.geosearch('g', 'FROMLONLAT', 15, 37, 'BYRADIUS', 200, 'km', 'ASC', 'WITHCOORD', 'WITHDIST', 'WITHHASH');
    expectTypeOf(found).toEqualTypeOf<string[] | (string | number | [string, string])[][]>();
    expect(found).toEqual([
      ['Catania', '56.4413', 3479447370796909, ['15.08726745843887329', '37.50266842333162032']],
      ['Palermo', '190.4424', 3479099956230698, ['13.36138933897018433', '38.11555639549629859']],
    ]);
    expect(await db.geosearch('g', 'FROMLONLAT', 15, 37, 'BYRADIUS', 200, 'km', 'ASC')).toEqual(['Catania', 'Palermo']);
    const stored = await db.georadius('g', 15, 37, 200, 'km', 'STORE', 'd');
    expectTypeOf(stored).toEqualTypeOf<string[] | (string | number | [string, string])[][] | number>();
    expect(stored).toBe(2);
  });
});

describe('streams', () => {
  it('entries, reads, groups and pending lists', async () => {
    const db = client();
    const id = await db.xadd('s', '1-1', 'a', 1, 'b', 2);
    expectTypeOf(id).toEqualTypeOf<string | null>();
    expect(id).toBe('1-1');
    await db.xadd('s', '2-1', 'a', 3);
    expect(await db.xadd('nos', 'NOMKSTREAM', '*', 'a', 1)).toBeNull();

    const range = await db.xrange('s', '-', '+');
    expectTypeOf(range).toEqualTypeOf<Entry[]>();
    expect(range).toEqual([['1-1', ['a', '1', 'b', '2']], ['2-1', ['a', '3']]]);
    const read = await db.xread('STREAMS', 's', '1-1');
    expectTypeOf(read).toEqualTypeOf<[string, Entry[]][] | null>();
    expect(read).toEqual([['s', [['2-1', ['a', '3']]]]]);
    expect(await db.xread('BLOCK', 10, 'STREAMS', 's', '$')).toBeNull();

    const created = await db.xgroup('CREATE', 's', 'g', 0);
    expectTypeOf(created).toEqualTypeOf<'OK'>();
    expect(created).toBe('OK');
    const consumers = await db.xgroup('CREATECONSUMER', 's', 'g', 'c2');
    expectTypeOf(consumers).toEqualTypeOf<number>();
    expect(consumers).toBe(1);
    await db.xreadgroup('GROUP', 'g', 'c', 'STREAMS', 's', '>');
    expect(await db.xdel('s', '1-1')).toBe(1);
    // A pending entry deleted since it was read comes back as [id, null].
    const history = await db.xreadgroup('GROUP', 'g', 'c', 'STREAMS', 's', 0);
    expectTypeOf(history).toEqualTypeOf<[string, [string, string[] | null][]][] | null>();
    expect(history).toEqual([['s', [['1-1', null], ['2-1', ['a', '3']]]]]);

    type Pending = [number, string | null, string | null, [string, string][] | null] | [string, string, number, number][];
    const summary = await db.xpending('s', 'g');
    expectTypeOf(summary).toEqualTypeOf<Pending>();
    expect(summary).toEqual([2, '1-1', '2-1', [['c', '2']]]);
    expect(await db.xpending('s', 'g', '-', '+', 10)).toEqual([
      ['1-1', 'c', expect.any(Number), 1],
      ['2-1', 'c', expect.any(Number), 2],
    ]);

    const claimed = await db.xclaim('s', 'g', 'c3', 0, '2-1', 'JUSTID');
    expectTypeOf(claimed).toEqualTypeOf<Entry[] | string[]>();
    expect(claimed).toEqual(['2-1']);
    expect(await db.xclaim('s', 'g', 'c3', 0, '1-1')).toEqual([]);
    const autoclaimed = await db.xautoclaim('s', 'g', 'c4', 0, 0);
    expectTypeOf(autoclaimed).toEqualTypeOf<[string, Entry[] | string[], string[]]>();
    expect(autoclaimed).toEqual(['0-0', [['2-1', ['a', '3']]], []]);
    expect(await db.xack('s', 'g', '2-1')).toBe(1);
    const set = await db.xsetid('s', '5-5');
    expectTypeOf(set).toEqualTypeOf<'OK'>();
    expect(set).toBe('OK');
  });

  it('XINFO replies', async () => {
    const db = client();
    await db.xadd('s', '1-1', 'a', 1);
    await db.xgroup('CREATE', 's', 'g', 0);
    await db.xgroup('CREATE', 's', 'g2', '$');
    await db.xreadgroup('GROUP', 'g', 'c', 'STREAMS', 's', '>');

    const stream = await db.xinfo('STREAM', 's');
    expect(stream).toEqual([
      'length', 1, 'radix-tree-keys', 1, 'radix-tree-nodes', 2, 'last-generated-id', '1-1',
      'max-deleted-entry-id', '0-0', 'entries-added', 1, 'recorded-first-entry-id', '1-1', 'groups', 2,
      'first-entry', ['1-1', ['a', '1']], 'last-entry', ['1-1', ['a', '1']],
    ]);
    const full = await db.xinfo('STREAM', 's', 'FULL');
    type FullGroup = (string | number | null | [string, string, number, number][] | (string | number | [string, number, number][])[][])[];
    expectTypeOf(full).toEqualTypeOf<(string | number | null | Entry | Entry[] | FullGroup[])[]>();
    const time = expect.any(Number);
    expect(full).toEqual([
      'length', 1, 'radix-tree-keys', 1, 'radix-tree-nodes', 2, 'last-generated-id', '1-1',
      'max-deleted-entry-id', '0-0', 'entries-added', 1, 'recorded-first-entry-id', '1-1',
      'entries', [['1-1', ['a', '1']]],
      'groups', [
        [
          'name', 'g', 'last-delivered-id', '1-1', 'entries-read', 1, 'lag', 0, 'pel-count', 1,
          'pending', [['1-1', 'c', time, 1]],
          'consumers', [['name', 'c', 'seen-time', time, 'pel-count', 1, 'pending', [['1-1', time, 1]]]],
        ],
        ['name', 'g2', 'last-delivered-id', '1-1', 'entries-read', null, 'lag', 0, 'pel-count', 0, 'pending', [], 'consumers', []],
      ],
    ]);

    const groups = await db.xinfo('GROUPS', 's');
    expectTypeOf(groups).toEqualTypeOf<(string | number | null)[][]>();
    expect(groups).toEqual([
      ['name', 'g', 'consumers', 1, 'pending', 1, 'last-delivered-id', '1-1', 'entries-read', 1, 'lag', 0],
      ['name', 'g2', 'consumers', 0, 'pending', 0, 'last-delivered-id', '1-1', 'entries-read', null, 'lag', 0],
    ]);
    const consumers = await db.xinfo('CONSUMERS', 's', 'g');
    expectTypeOf(consumers).toEqualTypeOf<(string | number)[][]>();
    expect(consumers).toEqual([['name', 'c', 'pending', 1, 'idle', time]]);
  });
});
