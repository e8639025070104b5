import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { createHost, memoryStore } from '../worker/host.js';
import type { HostApi } from '../worker/protocol.js';
import { createClient } from '../node.js';
import { RedliteClient } from './client.js';
import { ConnectionClosedError, ReplyError } from './errors.js';

let opened: RedliteClient[] = [];
let storeCount = 0;
/** Each test gets a fresh store of its own. */
function client(): RedliteClient {
  const db = createClient({ name: `client-test-${storeCount++}` });
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.map((db) => db.close()));
  opened = [];
});

describe('commands', () => {
  it('has a method per command, with strings in and out', async () => {
    const db = client();
    expect(await db.set('k', 'v')).toBe('OK');
    expect(await db.get('k')).toBe('v');
    expect(await db.get('missing')).toBeNull();
    expect(await db.incr('n')).toBe(1);
    expect(await db.call('GET', 'k')).toBe('v');
  });

  it('encodes arguments as UTF-8 and counts bytes as Redis does', async () => {
    const db = client();
    await db.set('clé', 'héllo ✓ 😀');
    expect(await db.get('clé')).toBe('héllo ✓ 😀');
    expect(await db.strlen('clé')).toBe(new TextEncoder().encode('héllo ✓ 😀').length);
  });

  it('returns Uint8Array from ...Buffer methods and takes Uint8Array arguments', async () => {
    const db = client();
    const bytes = new Uint8Array([0, 255, 128, 10, 13]);
    await db.set('bin', bytes);
    expect(await db.getBuffer('bin')).toEqual(bytes);
    expect(await db.strlen('bin')).toBe(5);
  });

  it('takes numbers, arrays and objects as arguments like ioredis', async () => {
    const db = client();
    await db.set('ttl', 'x', 'EX', 100);
    expect(await db.ttl('ttl')).toBe(100);
    await db.mset({ a: '1', b: '2' });
    expect(await db.mget(['a', 'b'])).toEqual(['1', '2']);
    await db.hset('h', { f1: 'v1', f2: 'v2' });
    expect(await db.hgetall('h')).toEqual({ f1: 'v1', f2: 'v2' });
  });

  it('rejects with a ReplyError carrying Redis\'s message', async () => {
    const db = client();
    await db.set('s', 'x');
    await expect(db.lpush('s', 'a')).rejects.toThrow(new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'));
    await expect(db.call('nosuchcommand')).rejects.toBeInstanceOf(ReplyError);
    // The connection goes on after an error.
    expect(await db.get('s')).toBe('x');
  });

  it('sends the commands of one tick as one batch', async () => {
    const engine = new Engine({ activeExpiry: false });
    const host = createHost(memoryStore(engine));
    const batches: number[] = [];
    const counting: HostApi = { ...host, exec: (id, batch) => (batches.push(batch.length), host.exec(id, batch)) };
    const db = new RedliteClient({ host: counting, release: () => void host.close(), duplicate: () => { throw new Error('unused'); } }, { name: 'counting' });
    opened.push(db);
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => db.set(`k${i}`, String(i))));
    expect(replies.every((r) => r === 'OK')).toBe(true);
    expect(await db.dbsize()).toBe(100);
    expect(batches).toEqual([100, 1]);
  });
});

describe('pipelines and transactions', () => {
  it('pipeline().exec() gives [[error, result], …] in order', async () => {
    const db = client();
    await db.set('s', 'x');
    const results = await db.pipeline().set('a', '1').incr('a').lpush('s', 'y').get('a').exec();
    expect(results).toEqual([[null, 'OK'], [null, 2], [expect.any(ReplyError), null], [null, '2']]);
  });

  it('multi().exec() runs atomically and keeps runtime errors per command', async () => {
    const db = client();
    await db.set('s', 'x');
    const results = await db.multi().incr('n').lpush('s', 'y').incr('n').exec();
    expect(results).toEqual([[null, 1], [expect.any(ReplyError), null], [null, 2]]);
  });

  it('multi().exec() rejects with EXECABORT when a command cannot be queued', async () => {
    const db = client();
    const error = await db.multi().set('a', '1').call('set', 'only-key').exec().catch((e: ReplyError) => e);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).message).toBe('EXECABORT Transaction discarded because of previous errors.');
    expect((error as ReplyError).previousErrors?.[0].message).toBe("ERR wrong number of arguments for 'set' command");
    expect(await db.exists('a')).toBe(0);
  });

  it('multi().exec() resolves null when a watched key changed', async () => {
    const db = client();
    const other = db.duplicate();
    opened.push(other);
    await db.watch('w');
    await other.set('w', 'changed');
    expect(await db.multi().set('w', 'mine').exec()).toBeNull();
    expect(await db.get('w')).toBe('changed');
  });
});

describe('subscriptions', () => {
  it('delivers messages to listeners and events, and unsubscribes', async () => {
    const db = client();
    const got: string[] = [];
    const events: string[] = [];
    db.on('message', (channel, message) => events.push(`${channel}:${message}`));
    const off = await db.subscribe('news', (message, channel) => got.push(`${channel}:${message}`));
    expect(await db.publish('news', 'héllo')).toBe(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual(['news:héllo']);
    expect(events).toEqual(['news:héllo']);
    await off();
    expect(await db.publish('news', 'again')).toBe(0);
  });

  it('matches patterns, including keyspace events', async () => {
    const db = client();
    await db.config('SET', 'notify-keyspace-events', 'KA');
    const got: string[][] = [];
    await db.psubscribe('__keyspace@0__:*', (message, channel, pattern) => got.push([pattern, channel, message]));
    await db.set('watched', '1');
    await db.del('watched');
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual([
      ['__keyspace@0__:*', '__keyspace@0__:watched', 'set'],
      ['__keyspace@0__:*', '__keyspace@0__:watched', 'del'],
    ]);
  });
});

describe('iteration', () => {
  it('scanIterator visits every key once with MATCH, COUNT and TYPE', async () => {
    const db = client();
    const keys = Array.from({ length: 500 }, (_, i) => `user:${i}`);
    await db.mset(Object.fromEntries(keys.map((k) => [k, 'x'])));
    await db.lpush('user:list', 'x');
    await db.set('other', 'x');
    const seen: string[] = [];
    for await (const key of db.scanIterator({ match: 'user:*', count: 50, type: 'string' })) seen.push(key);
    expect(seen.sort()).toEqual(keys.sort());
  });

  it('hscanIterator, sscanIterator and zscanIterator yield their elements', async () => {
    const db = client();
    await db.hset('h', { a: '1', b: '2' });
    await db.sadd('s', 'x', 'y');
    await db.zadd('z', 1, 'one', 2, 'two');
    const fields: [string, string][] = [];
    for await (const pair of db.hscanIterator('h')) fields.push(pair);
    const members: string[] = [];
    for await (const m of db.sscanIterator('s')) members.push(m);
    const scored: [string, string][] = [];
    for await (const pair of db.zscanIterator('z')) scored.push(pair);
    expect(fields.sort()).toEqual([['a', '1'], ['b', '2']]);
    expect(members.sort()).toEqual(['x', 'y']);
    expect(scored).toEqual([['one', '1'], ['two', '2']]);
  });
});

describe('blocking and closing', () => {
  it('a blocking command on one client is served by a push from another', async () => {
    const db = client();
    const other = db.duplicate();
    opened.push(other);
    const popped = other.blpop('queue', 0);
    await db.rpush('queue', 'job');
    expect(await popped).toEqual(['queue', 'job']);
  });

  it('close() fails the commands still waiting', async () => {
    const db = client();
    const other = db.duplicate();
    const waiting = other.blpop('never', 0);
    await new Promise((r) => setTimeout(r, 10));
    await other.close();
    await expect(waiting).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(other.get('x')).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(await db.ping()).toBe('PONG');
  });
});

describe('raw replies (sendRaw) and pushes', () => {
  it('keeps the reply types that call() decodes away', async () => {
    const db = client();
    expect(await db.sendRaw(['set', 'k', 'v'])).toEqual({ ok: 'OK' });
    expect(await db.sendRaw(['get', 'k'])).toBe('v');
    expect(await db.sendRaw(['get', 'missing'])).toBeNull();
    expect(await db.sendRaw(['incr', 'n'])).toBe(1);
    expect(await db.sendRaw(['lrange', 'missing', 0, -1])).toEqual([]);
    expect(await db.sendRaw(['blpop', 'missing', '0.01'])).toBeNull();
    // Errors resolve as values; strings come back as byte strings.
    expect(await db.sendRaw(['lpush', 'k', 'x'])).toEqual({ err: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    await db.set('é', 'ü');
    expect(await db.sendRaw(['get', 'é'])).toBe('\xc3\xbc');
    expect(await db.sendRaw([new Uint8Array([0x67, 0x65, 0x74]), new Uint8Array([0xc3, 0xa9])])).toBe('\xc3\xbc');
  });

  it("delivers out-of-band replies on the client's own connection as 'push' events", async () => {
    const db = client();
    const monitor = db.duplicate();
    opened.push(monitor);
    const lines: unknown[] = [];
    monitor.on('push', (wire) => lines.push(wire));
    expect(await monitor.sendRaw(['monitor'])).toEqual({ ok: 'OK' });
    await db.set('watched', '1');
    await new Promise((r) => setTimeout(r, 10));
    expect(lines).toHaveLength(1);
    expect((lines[0] as { ok: string }).ok).toMatch(/^\d+\.\d{6} \[0 [^\]]*\] "set" "watched" "1"$/);
  });
});

describe('moving a store to and from Redis', () => {
  it('export() writes an RDB that import() loads into another store, replacing its contents', async () => {
    const source = client();
    await source.set('s', 'héllo');
    await source.rpush('l', 'a', 'b');
    await source.zadd('z', 1.5, 'm');
    await source.set('ttl', 'x', 'EX', 100);
    await source.select(3);
    await source.hset('h', { f: 'v' });
    const rdb = await source.export();
    expect(new TextDecoder().decode(rdb.subarray(0, 9))).toBe('REDIS0010');

    const target = client();
    await target.set('old', 'gone after import');
    const progress: number[] = [];
    expect(await target.import(rdb, (f) => progress.push(f))).toEqual({ keys: 5 });
    expect(progress.at(-1)).toBe(1);
    expect(await target.exists('old')).toBe(0);
    expect([await target.get('s'), await target.lrange('l', 0, -1), await target.zscore('z', 'm'), await target.ttl('ttl')]).toEqual(['héllo', ['a', 'b'], '1.5', 100]);
    await target.select(3);
    expect(await target.hgetall('h')).toEqual({ f: 'v' });
  });

  it('exportCommands() gives the RESP commands that rebuild the store', async () => {
    const db = client();
    await db.set('k', 'v');
    const text = new TextDecoder().decode(await db.exportCommands());
    expect(text).toBe('*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n');
  });

  it('import() refuses a damaged file and leaves the store as it was', async () => {
    const db = client();
    await db.set('keep', 'me');
    const rdb = await db.export();
    rdb[rdb.length - 3] ^= 0xff;
    await expect(db.import(rdb)).rejects.toThrow();
    expect(await db.get('keep')).toBe('me');
  });
});
