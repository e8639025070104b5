import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { ErrorReply, type Reply } from '../engine/reply.js';
import { IdbRecordStore, type RecordStore } from './idb-store.js';
import { Persister, type PersisterOptions } from './persister.js';
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
    const [chunk] = await data.snapshot(data.state.current!);
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
      load: () => inner.load(),
      append: (records) => (full ? Promise.reject(new DOMException('quota', 'QuotaExceededError')) : inner.append(records)),
      putSnapshotChunk: (...a) => inner.putSnapshotChunk(...a),
      commitSnapshot: (info) => inner.commitSnapshot(info),
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
