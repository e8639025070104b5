import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { ErrorReply, type Reply } from '../engine/reply.js';
import { IdbRecordStore, type RecordStore, type StoreState } from './idb-store.js';
import { Persister, type PersisterOptions } from './persister.js';
import { openRecord } from './record.js';
import { SupersededError } from './superseded.js';
import { rewriteEntry } from './rewrite.js';

let names = 0;
const freshName = () => `persist-test-${names++}`;

async function open(name: string, options: PersisterOptions = {}, store?: RecordStore) {
  const engine = new Engine({ activeExpiry: false });
  const persister = new Persister(engine, store ?? (await IdbRecordStore.open(name)), options);
  const report = await persister.load();
  const client = engine.connect({ reply: () => {}, push: () => {} });
  const run = (line: string): Reply => engine.execute(client, line.split(' '))!;
  return { engine, persister, report, client, run };
}

/** The whole keyspace as canonical rebuild commands, for comparing two engines. */
function dump(engine: Engine): string[] {
  const out: string[] = [];
  for (const db of engine.dbs) for (const [key, entry] of db.data) out.push(`${db.id} ${JSON.stringify(rewriteEntry(key, entry))}`);
  return out.sort();
}

/**
 * Everything about every key a client can observe: its rebuild commands (with
 * the absolute expiry), its OBJECT ENCODING, and for streams XINFO STREAM FULL
 * (group and consumer times, delivery counts).
 */
function deepDump(engine: Engine): string[] {
  const client = engine.connect({ reply: () => {}, push: () => {} });
  const out: string[] = [];
  for (const db of engine.dbs) {
    client.db = db;
    for (const [key, entry] of db.data) {
      const stream = typeof entry.value !== 'string' && entry.value.type === 'stream' ? engine.execute(client, ['XINFO', 'STREAM', key, 'FULL']) : null;
      out.push(JSON.stringify([db.id, rewriteEntry(key, entry), engine.execute(client, ['OBJECT', 'ENCODING', key]), stream]));
    }
  }
  engine.disconnect(client);
  return out.sort();
}

const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

/** Keys of every type and encoding, binary bytes, expiries, streams with groups, and all 16 databases. */
function populateAllTypes(run: (...argv: string[]) => Reply, now: number): void {
  run('SET', 'bin', BINARY);
  run('SET', BINARY, 'binary key');
  run('SET', '', 'empty key');
  run('SET', 'empty', '');
  run('SET', 'int', '12345');
  run('SET', 'big', 'x'.repeat(70_000));
  run('SET', 'ttl', 'v', 'PXAT', String(now + 86_400_000));
  run('RPUSH', 'list', 'a', BINARY, '', '3');
  for (let i = 0; i < 300; i++) run('RPUSH', 'longlist', `item${i}`);
  run('PEXPIREAT', 'longlist', String(now + 1));
  run('HSET', 'hash', 'f', 'v', BINARY, BINARY);
  for (let i = 0; i < 150; i++) run('HSET', 'bighash', `f${i}`, `v${i}`);
  run('HSET', 'longvalue', 'f', 'x'.repeat(100));
  run('SADD', 'intset', '1', '2', '-3', '100');
  run('SADD', 'set', 'a', 'b', BINARY);
  for (let i = 0; i < 600; i++) run('SADD', 'bigintset', String(i));
  run('ZADD', 'zset', '1.5', 'a', '-inf', 'low', '+inf', 'high', '-0', 'negzero');
  run('ZADD', 'skiplist', '-0', 'negzero', '0.1', 'tenth', '1e300', 'huge', '-inf', 'low', '3', 'x'.repeat(100));
  run('XADD', 's', '1-1', 'a', '1');
  run('XADD', 's', '2-1', 'a', '2', 'b', '3');
  run('XADD', 's', '3-1', 'c', BINARY);
  run('XDEL', 's', '2-1');
  run('XGROUP', 'CREATE', 's', 'g1', '0');
  run('XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', '2', 'STREAMS', 's', '>');
  run('XCLAIM', 's', 'g1', 'carol', '0', '3-1', 'TIME', String(now - 5000), 'RETRYCOUNT', '7');
  run('XGROUP', 'CREATECONSUMER', 's', 'g1', 'bob');
  run('XGROUP', 'CREATE', 's', 'g2', '$', 'ENTRIESREAD', '2');
  run('XADD', 'trimmed', 'MAXLEN', '0', '5-5', 'k', 'v');
  run('XADD', 'nogroups', '*', 'k', 'v');
  for (let db = 1; db < 16; db++) {
    run('SELECT', String(db));
    run('SET', `db${db}`, String(db));
    run('RPUSH', `l${db}`, 'x');
  }
  run('SELECT', '0');
}

function populate(run: (line: string) => Reply, n: number, tag: string): void {
  for (let i = 0; i < n; i++) {
    run(`SET s:${i % 50} ${tag}${i}`);
    run(`RPUSH l:${i % 7} ${tag}${i}`);
    run(`HSET h:${i % 5} f${i % 11} ${tag}${i}`);
    run(`SADD set:${i % 3} ${tag}${i % 17}`);
    run(`ZADD z:${i % 4} ${i / 7} m${i % 13}`);
    run(`INCR counter:${i % 9}`);
    if (i % 10 === 0) run(`DEL s:${(i * 7) % 50}`);
  }
  run('SELECT 3');
  run('SET other-db yes');
  run('SELECT 0');
}

describe('Persister', () => {
  it('a snapshot loads every type exactly as it was, as replaying its commands does', async () => {
    const name = freshName();
    let now = 1_700_000_000_000;
    const clock = () => now;
    const a = new Engine({ activeExpiry: false, clock });
    const persister = new Persister(a, await IdbRecordStore.open(name));
    await persister.load();
    const client = a.connect({ reply: () => {}, push: () => {} });
    populateAllTypes((...argv) => a.execute(client, argv)!, now);
    await persister.snapshot();
    const live = deepDump(a);
    await persister.close();
    const stored = await (await IdbRecordStore.open(name)).load();
    const chunks = await Promise.all(stored.snapshot(stored.state.current!));
    expect(chunks.map((c) => openRecord(c!).kind)).toEqual(chunks.map(() => 'keys'));

    now += 1000;
    const b = new Engine({ activeExpiry: false, clock });
    const report = await new Persister(b, await IdbRecordStore.open(name)).load();
    expect(report).toMatchObject({ problems: [], commands: 0 });
    // 'longlist' expired while the store was closed.
    const loaded = deepDump(b);
    expect(loaded).toEqual(live.filter((line) => !line.includes('"longlist"')));

    // The same data rebuilt by the commands of the export (the format-1 path) reads the same,
    // but for what commands cannot set: consumers' seen-times (stream lines are left out).
    const c = new Engine({ activeExpiry: false, clock });
    const replayer = c.connect({ reply: () => {}, push: () => {} });
    for (const db of b.dbs) {
      replayer.db = c.dbs[db.id];
      for (const [key, entry] of db.data) for (const argv of rewriteEntry(key, entry)) expect(c.execute(replayer, argv)).not.toBeInstanceOf(ErrorReply);
    }
    const withoutStreams = (lines: string[]) => lines.filter((line) => JSON.parse(line)[3] === null);
    expect(withoutStreams(deepDump(c))).toEqual(withoutStreams(loaded));
  });

  it('loads a store written in format 1 (snapshot chunks of commands) and moves it to format 2', async () => {
    const fixture = JSON.parse(readFileSync(new URL('./testdata/format-1-store.json', import.meta.url), 'utf8')) as {
      writtenAt: number;
      state: StoreState;
      snapshot: string[];
      log: { seq: number; record: string }[];
      dump: string[];
    };
    const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
    const name = freshName();
    (await IdbRecordStore.open(name)).close();
    const raw = await openDB(`redlite:${name}`);
    await raw.put('meta', fixture.state, 'state');
    for (const [i, chunk] of fixture.snapshot.entries()) await raw.put('snapshot', bytes(chunk), [fixture.state.current!.generation, i]);
    for (const { seq, record } of fixture.log) await raw.put('log', bytes(record), seq);
    raw.close();
    expect(fixture.state.format).toBe(1);
    expect(openRecord(bytes(fixture.snapshot[0])).kind).toBe('snapshot');

    const clock = () => fixture.writtenAt;
    const a = new Engine({ activeExpiry: false, clock });
    const persister = new Persister(a, await IdbRecordStore.open(name));
    const report = await persister.load();
    expect(report.problems).toEqual([]);
    expect(report.commands).toBeGreaterThan(fixture.dump.length);
    expect(dump(a).sort()).toEqual(fixture.dump);
    await persister.snapshot();
    await persister.close();

    const stored = await (await IdbRecordStore.open(name)).load();
    expect(stored.state.format).toBe(2);
    expect(openRecord((await stored.snapshot(stored.state.current!)[0])!).kind).toBe('keys');
    const b = new Engine({ activeExpiry: false, clock });
    expect((await new Persister(b, await IdbRecordStore.open(name)).load()).problems).toEqual([]);
    expect(dump(b)).toEqual(fixture.dump);
  });

  it('does not log the effects it replays while loading', async () => {
    const name = freshName();
    const a = await open(name);
    a.run('RPUSH l a');
    await a.persister.durable();
    a.run('RPUSH l b');
    await a.persister.close();
    for (let round = 0; round < 2; round++) {
      const b = await open(name);
      expect(b.run('LRANGE l 0 -1')).toEqual(['a', 'b']);
      await b.persister.close();
    }
    const stored = await (await IdbRecordStore.open(name)).load();
    expect((await stored.log(0)).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('reloads what was written, in every database', async () => {
    const name = freshName();
    const a = await open(name);
    populate(a.run, 300, 'v');
    await a.persister.durable();
    const before = dump(a.engine);
    await a.persister.close();
    a.engine.close();

    const b = await open(name);
    expect(b.report.problems).toEqual([]);
    expect(dump(b.engine)).toEqual(before);
    b.engine.close();
  });

  it('in strict mode, durable() resolves only once the write is stored', async () => {
    const name = freshName();
    const a = await open(name);
    a.run('SET k 1');
    await a.persister.durable();
    // No close(): the page "dies" here. A second engine opens the same store.
    const b = await open(name);
    expect(b.run('GET k')).toBe('1');
    a.engine.close();
    b.engine.close();
  });

  it('keeps absolute expiry times: a key that expired while closed is gone', async () => {
    const name = freshName();
    let now = 1_000_000;
    const engine = new Engine({ activeExpiry: false, clock: () => now });
    const persister = new Persister(engine, await IdbRecordStore.open(name));
    await persister.load();
    const c = engine.connect({ reply: () => {}, push: () => {} });
    engine.execute(c, ['SET', 'short', 'x', 'PX', '500']);
    engine.execute(c, ['SET', 'long', 'x', 'EX', '100']);
    await persister.close();
    now += 1000;
    const reopened = new Engine({ activeExpiry: false, clock: () => now });
    await new Persister(reopened, await IdbRecordStore.open(name)).load();
    const r = reopened.connect({ reply: () => {}, push: () => {} });
    expect(reopened.execute(r, ['EXISTS', 'short'])).toBe(0);
    expect(reopened.execute(r, ['PTTL', 'long'])).toBe(99_000);
  });

  it('a snapshot taken while commands keep writing replays to the live data', async () => {
    const name = freshName();
    const a = await open(name, { sliceMs: 0.05 });
    populate(a.run, 400, 'a');
    const snapshot = a.persister.snapshot();
    // Writes between slices: the snapshot must save each key as it was when it started.
    for (let round = 0; round < 20; round++) {
      populate(a.run, 20, `r${round}-`);
      if (round === 10) a.run('SWAPDB 0 3');
      await new Promise((r) => setTimeout(r, 0));
    }
    await snapshot;
    populate(a.run, 30, 'after');
    await a.persister.durable();
    const live = dump(a.engine);
    await a.persister.close();

    const b = await open(name);
    expect(b.report.problems).toEqual([]);
    expect(dump(b.engine)).toEqual(live);
  });

  it('stops at a damaged log record and reports it, keeping what came before', async () => {
    const name = freshName();
    const a = await open(name);
    a.run('SET first 1');
    await a.persister.durable();
    a.run('SET second 2');
    await a.persister.durable();
    a.run('SET third 3');
    await a.persister.durable();
    await a.persister.close();
    // Damage the second record in place.
    const raw = await IdbRecordStore.open(name);
    const records = await (await raw.load()).log(0);
    records[1].record[records[1].record.length - 6] ^= 0xff;
    await raw.append([records[1]]);
    raw.close();

    const b = await open(name);
    expect(b.report.problems).toEqual([expect.stringMatching(/log record 2 is damaged \(checksum mismatch\): recovered to record 1/)]);
    expect(b.run('GET first')).toBe('1');
    expect(b.run('GET second')).toBeNull();
    expect(b.run('GET third')).toBeNull();
    // What followed the damage is gone for good: new writes take its place, and nothing old comes back behind them.
    b.run('SET after 4');
    await b.persister.close();
    const c = await open(name);
    expect(c.report.problems).toEqual([]);
    expect(dump(c.engine)).toEqual(dump(b.engine));
    expect(c.run('GET third')).toBeNull();
    expect(c.run('GET after')).toBe('4');
  });

  it('after falling back from a damaged snapshot, keeps the snapshot that loaded as the fallback', async () => {
    const name = freshName();
    const damageNewest = async () => {
      const raw = await IdbRecordStore.open(name);
      const { state, snapshot } = await raw.load();
      const chunk = (await snapshot(state.current!)[0])!;
      chunk[10] ^= 1;
      await raw.putSnapshotChunk(state.current!.generation, 0, chunk);
      raw.close();
    };
    const a = await open(name);
    a.run('SET a 1');
    await a.persister.snapshot();
    a.run('SET b 2');
    await a.persister.snapshot();
    a.run('SET c 3');
    await a.persister.close();
    await damageNewest();

    const b = await open(name);
    expect(b.report.problems).toEqual([expect.stringMatching(/^snapshot 2 is damaged/)]);
    b.run('SET d 4');
    await b.persister.snapshot();
    b.run('SET e 5');
    await b.persister.close();
    await damageNewest();

    // The newest (3) is damaged again: the one before it must be the good one (1), with the log since.
    const c = await open(name);
    expect(c.report.problems).toEqual([expect.stringMatching(/^snapshot 3 is damaged/)]);
    expect(dump(c.engine)).toEqual(dump(b.engine));
  });

  it('a later opening supersedes an earlier one: the earlier stores nothing more', async () => {
    const name = freshName();
    const a = await open(name);
    a.run('SET a 1');
    await a.persister.durable();
    // Another tab opens the store while the first one's page is frozen; the first then wakes.
    const b = await open(name);
    expect(b.persister.epoch).toBeGreaterThan(a.persister.epoch);
    a.run('SET stale 1');
    await expect(a.persister.durable()).rejects.toThrow(SupersededError);
    await expect(a.persister.snapshot()).rejects.toThrow();
    b.run('SET b 2');
    await b.persister.durable();
    await b.persister.close();
    const c = await open(name);
    expect(c.run('GET a')).toBe('1');
    expect(c.run('GET b')).toBe('2');
    expect(c.run('GET stale')).toBeNull();
  });

  it('hands over at once: what was recorded is committed, and nothing after', async () => {
    const name = freshName();
    const a = await open(name, { durability: 'relaxed', flushIntervalMs: 60_000 });
    a.run('SET before 1');
    a.persister.handOver();
    // The engine may still run a command before the page freezes; it is never stored.
    a.run('SET after 2');
    await a.persister.flush().catch(() => {});
    const b = await open(name);
    expect(b.run('GET before')).toBe('1');
    expect(b.run('GET after')).toBeNull();
  });

  it('falls back to the previous snapshot when the newest is damaged', async () => {
    const name = freshName();
    const a = await open(name);
    a.run('SET k old');
    await a.persister.snapshot();
    a.run('SET k new');
    a.run('SET j later');
    await a.persister.snapshot();
    await a.persister.close();
    // Corrupt the newest snapshot's chunk.
    const raw = await IdbRecordStore.open(name);
    const data = await raw.load();
    const chunk = (await data.snapshot(data.state.current!)[0])!;
    chunk[10] ^= 1;
    await raw.putSnapshotChunk(data.state.current!.generation, 0, chunk);
    raw.close();

    const b = await open(name);
    expect(b.report.problems[0]).toMatch(/snapshot 2 is damaged/);
    expect(b.run('GET k')).toBe('new');
    expect(b.run('GET j')).toBe('later');
  });

  it('turns a full quota into MISCONF for writes, keeps reads, and recovers', async () => {
    const name = freshName();
    const inner = await IdbRecordStore.open(name);
    let full = false;
    const store: RecordStore = {
      epoch: inner.epoch,
      load: () => inner.load(),
      append: (records) => (full ? Promise.reject(new DOMException('quota', 'QuotaExceededError')) : inner.append(records)),
      truncateLog: (seq) => inner.truncateLog(seq),
      putSnapshotChunk: (...a) => inner.putSnapshotChunk(...a),
      commitSnapshot: (info, previous) => inner.commitSnapshot(info, previous),
      close: () => inner.close(),
    };
    const a = await open(name, {}, store);
    a.run('SET kept 1');
    await a.persister.durable();
    full = true;
    a.run('SET lost 2');
    await expect(a.persister.durable()).rejects.toThrow('quota');
    const refused = a.run('SET more 3');
    expect(refused).toBeInstanceOf(ErrorReply);
    expect((refused as ErrorReply).message).toMatch(/^MISCONF .*quota is full/);
    expect(a.run('GET kept')).toBe('1');
    full = false;
    await a.persister.flush();
    expect(a.run('SET more 3')).toEqual(expect.objectContaining({ value: 'OK' }));
    await a.persister.durable();
    await a.persister.close();

    const b = await open(name);
    expect(b.run('MGET kept lost more')).toEqual(['1', '2', '3']);
  });
});


describe('SAVE, BGSAVE, LASTSAVE', () => {
  it('SAVE answers once the snapshot is committed; LASTSAVE tells when', async () => {
    const name = freshName();
    const now = 1_700_000_000_000;
    const engine = new Engine({ activeExpiry: false, clock: () => now });
    const persister = new Persister(engine, await IdbRecordStore.open(name));
    engine.persistence = persister;
    await persister.load();
    const replies: Reply[] = [];
    const client = engine.connect({ reply: (r) => replies.push(r), push: () => {} });
    engine.execute(client, ['SET', 'k', 'v']);
    expect(engine.execute(client, ['LASTSAVE'])).toBe(Math.floor(engine.startedAt / 1000));
    expect(engine.execute(client, ['SAVE'])).toBeUndefined();
    await persister.snapshot();
    await new Promise((r) => setTimeout(r, 0));
    expect(replies).toEqual([expect.objectContaining({ value: 'OK' })]);
    expect(engine.execute(client, ['LASTSAVE'])).toBe(now / 1000);
    expect(engine.execute(client, ['BGSAVE'])).toEqual(expect.objectContaining({ value: 'Background saving started' }));
    expect(engine.execute(client, ['BGSAVE'])).toEqual(new ErrorReply('ERR Background save already in progress'));
    expect(engine.execute(client, ['BGSAVE', 'SCHEDULE'])).toEqual(expect.objectContaining({ value: 'Background saving scheduled' }));
    await persister.close();
  });

  it('refuses without persistence', () => {
    const engine = new Engine({ activeExpiry: false });
    const client = engine.connect({ reply: () => {}, push: () => {} });
    expect(engine.execute(client, ['SAVE'])).toEqual(new ErrorReply("ERR this store keeps no data: it was opened with durability 'memory'"));
    engine.close();
  });
});
