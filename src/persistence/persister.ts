/**
 * Keeps an engine's data in a RecordStore: an append-only log of effects plus
 * snapshots that let the log be trimmed. Redis's AOF with its rewrite, in
 * IndexedDB terms.
 *
 * Durability (as Redis's appendfsync):
 *   strict  — a write's reply waits until its log record is committed (hosts
 *             await `durable()`); writes arriving during a commit share the
 *             next one (group commit). Nothing acknowledged is lost.
 *   relaxed — replies at once; the log is committed every `flushIntervalMs`
 *             and when the page hides, so a killed tab loses at most that.
 *
 * A snapshot is written in the background, in slices: it records the keyspace
 * as it was at one log position. Keys written while it runs are saved first,
 * just before their first write (copy-on-write through the engine's
 * `beforeWrite` hook), so the snapshot plus the log after its position replays
 * to exactly the live data.
 */
import type { Db, Entry } from '../engine/db.js';
import type { Effect, Engine } from '../engine/engine.js';
import { resetStats } from '../engine/info.js';
import { ErrorReply } from '../engine/reply.js';
import type { RecordStore, SnapshotInfo, StoredData } from './idb-store.js';
import { loadLimits } from './rdb/limits.js';
import { CorruptRecordError, decodeBatch, encodeBatch, openRecord, readBatch, type Batch } from './record.js';
import { ChunkWriter, readChunk } from './snapshot-chunk.js';
import { SupersededError } from './superseded.js';

export type Durability = 'strict' | 'relaxed';

export interface PersisterOptions {
  durability?: Durability;
  /** relaxed mode: how often the log is committed (ms). */
  flushIntervalMs?: number;
  /** A snapshot starts when the log holds more than this many bytes and more than the snapshot. */
  minRewriteBytes?: number;
  /** Time one snapshot slice may take before yielding to commands (ms). */
  sliceMs?: number;
}

export interface LoadReport {
  keys: number;
  commands: number;
  ms: number;
  /** What was found damaged and skipped; empty when everything loaded. */
  problems: string[];
}

/**
 * Target size of one snapshot record: IndexedDB charges per record and per
 * transaction, while checksumming and copying a chunk must fit in a slice.
 */
const CHUNK_BYTES = 1 << 20;

export class Persister {
  readonly durability: Durability;
  private readonly flushIntervalMs: number;
  private readonly minRewriteBytes: number;
  private readonly sliceMs: number;

  /** The last log sequence number given to a record. */
  private seq = 0;
  /** Effects recorded since the last seal. */
  private pending: Effect[] = [];
  private pendingNotes: [string, string][] = [];
  private flushQueued = false;
  /** Records sealed (numbered) and not yet committed, oldest first. */
  private readonly sealed: Sealed[] = [];
  /** Notes found in the stored log on load (the newest value of each key). */
  readonly loadedNotes = new Map<string, string>();
  private committing: Promise<void> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private logBytes = 0;
  private snapshotBytes = 0;
  /** The snapshot the live data grew from: the one loaded, then each one written. */
  private snapshotInfo: SnapshotInfo | null = null;
  /** The highest snapshot generation stored, damaged ones included: new snapshots number above it. */
  private generation = 0;
  private snapshotRunning: Promise<void> | null = null;
  /** The last storage failure, while writes are refused because of it. */
  private failure: Error | null = null;
  private readonly detach: () => void;
  lastSaveStatus: 'ok' | 'err' = 'ok';
  private closed = false;
  /** Problems met while loading (also reported by INFO persistence). */
  loadProblems: string[] = [];
  /** While loading, the effects of replayed records are already stored: they are not logged again. */
  private loading = false;

  constructor(
    private readonly engine: Engine,
    private readonly store: RecordStore,
    options: PersisterOptions = {},
  ) {
    this.durability = options.durability ?? 'strict';
    this.flushIntervalMs = options.flushIntervalMs ?? 100;
    this.minRewriteBytes = options.minRewriteBytes ?? 1 << 20;
    this.sliceMs = options.sliceMs ?? 8;
    const listener = (batch: Effect[]) => this.record(batch);
    engine.effectListeners.add(listener);
    this.detach = () => engine.effectListeners.delete(listener);
  }

  /** Loads the stored snapshot and replays the log into the (empty) engine. Call before serving. */
  async load(): Promise<LoadReport> {
    const started = performance.now();
    const data = await this.store.load();
    const problems: string[] = [];
    let commands = 0;
    const loader = this.engine.connect({ reply: () => {}, push: () => {} });
    const replay = (effects: Effect[]) => {
      for (const { db, argv } of effects) {
        if (loader.db.id !== db) loader.db = this.engine.dbs[db];
        const reply = this.engine.execute(loader, argv);
        commands++;
        if (reply instanceof ErrorReply) problems.push(`replaying ${argv[0]}: ${reply.message}`);
      }
    };
    this.loading = true;
    try {
      // The newest snapshot, or the one before it if the newest is damaged.
      let base: SnapshotInfo | null = null;
      for (const info of [data.state.current, data.state.previous]) {
        if (!info) continue;
        try {
          let bytes = 0;
          for (const [index, read] of data.snapshot(info).entries()) {
            const chunk = await read;
            if (!chunk) throw new CorruptRecordError(`chunk ${index} of ${info.chunks} is missing`);
            this.loadChunk(chunk, replay);
            bytes += chunk.length;
          }
          base = info;
          this.snapshotBytes = bytes;
          break;
        } catch (error) {
          problems.push(`snapshot ${info.generation} is damaged (${(error as Error).message}); using the one before it`);
          for (const db of this.engine.dbs) db.clear();
        }
      }
      if (!base && (data.state.current || data.state.previous)) problems.push('no usable snapshot: loading the log alone');
      this.generation = Math.max(data.state.current?.generation ?? 0, data.state.previous?.generation ?? 0);
      this.seq = await this.replayLog(data, base?.lastSeq ?? 0, replay, problems);
      this.snapshotInfo = base;
    } finally {
      this.loading = false;
      this.engine.disconnect(loader);
    }
    // Loading is not traffic: start the statistics (and the changes-since-save count) afresh.
    resetStats(this.engine);
    this.engine.dirty = 0;
    this.loadProblems = problems;
    for (const p of problems) this.engine.log('warning', `persistence: ${p}`);
    let keys = 0;
    for (const db of this.engine.dbs) keys += db.size;
    return { keys, commands, ms: performance.now() - started, problems };
  }

  /**
   * One snapshot chunk: keys (format 2) go straight into their databases, keys
   * already expired left out; a batch of effects (format 1) is replayed.
   */
  private loadChunk(chunk: Uint8Array, replay: (effects: Effect[]) => void): void {
    const frame = openRecord(chunk);
    if (frame.kind !== 'keys') return replay(readBatch(frame).effects);
    const { dbs } = this.engine;
    const now = this.engine.clock();
    readChunk(frame, loadLimits(this.engine.config), (id, key, value, expireAt) => {
      const db = dbs[id];
      if (db === undefined) throw new CorruptRecordError(`database ${id} out of range`);
      if (expireAt === 0 || expireAt > now) db.restore(key, value, expireAt);
    });
  }

  /**
   * Replays log records after `afterSeq` while they are intact and consecutive;
   * returns the last applied. Records past a damaged or missing one can never
   * be replayed in order: they are dropped, so new writes take their numbers
   * without old ones coming back behind them.
   */
  private async replayLog(data: StoredData, afterSeq: number, replay: (e: Effect[]) => void, problems: string[]): Promise<number> {
    let last = afterSeq;
    const records = await data.log(afterSeq);
    for (const { seq, record } of records) {
      if (seq !== last + 1) {
        problems.push(`log record ${last + 1} is missing: stopped at ${last}`);
        break;
      }
      let batch: Batch;
      try {
        batch = decodeBatch(record);
      } catch (error) {
        problems.push(`log record ${seq} is damaged (${(error as Error).message}): recovered to record ${last}`);
        break;
      }
      replay(batch.effects);
      for (const [key, value] of batch.notes) this.loadedNotes.set(key, value);
      this.logBytes += record.length;
      last = seq;
    }
    if (records.length > 0 && records[records.length - 1].seq > last) await this.store.truncateLog(last);
    return last;
  }

  // ——— Writing the log ———

  private record(batch: Effect[]): void {
    if (this.loading) return;
    for (const effect of batch) this.pending.push(effect);
    this.scheduleFlush();
  }

  /**
   * Adds a note to the record that will carry the effects recorded so far: it
   * is stored atomically with them (the tabs layer notes which requests those
   * effects answered, to never apply a request twice).
   */
  note(key: string, value: string): void {
    this.pendingNotes.push([key, value]);
    this.scheduleFlush();
  }

  /**
   * strict: commit at the end of this task, so the commands of one batch (and
   * their notes) share a record; relaxed: after the flush interval.
   */
  private scheduleFlush(): void {
    if (this.durability === 'strict') {
      if (this.flushQueued) return;
      this.flushQueued = true;
      queueMicrotask(() => {
        this.flushQueued = false;
        if (!this.committing) void this.flush().catch(() => {});
      });
    } else {
      this.flushTimer ??= setTimeout(() => void this.flush().catch(() => {}), this.flushIntervalMs);
    }
  }

  /** Gives the effects recorded so far the next sequence number: they form one log record. */
  private seal(): void {
    if (this.pending.length === 0 && this.pendingNotes.length === 0) return;
    this.sealed.push({ seq: ++this.seq, effects: this.pending, notes: this.pendingNotes });
    this.pending = [];
    this.pendingNotes = [];
  }

  /**
   * Commits every effect recorded so far. Resolves when they are durable;
   * writes recorded during a commit share the next one. Rejects when storage failed.
   */
  flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    this.seal();
    return this.commitSealed();
  }

  private commitSealed(): Promise<void> {
    if (this.committing) return this.committing.then(() => this.commitSealed());
    if (this.sealed.length === 0) return this.failure ? Promise.reject(this.failure) : Promise.resolve();
    const batch = this.sealed.splice(0);
    const records = batch.map(encodeSealed);
    this.committing = this.store.append(records).then(
      () => {
        this.committing = null;
        for (const r of records) this.logBytes += r.record.length;
        if (this.failure) this.recovered();
        // Strict mode commits as soon as it can: writes recorded meanwhile (expiry too) go next.
        if (this.durability === 'strict' && (this.pending.length > 0 || this.pendingNotes.length > 0 || this.sealed.length > 0)) void this.flush().catch(() => {});
        this.maybeSnapshot();
      },
      (error: Error) => {
        // Nothing of these records is stored: keep them for the next try, in order,
        // and refuse writes until storage works again.
        this.committing = null;
        this.sealed.unshift(...batch);
        this.failed(error);
        throw error;
      },
    );
    return this.committing;
  }

  /**
   * Resolves once everything recorded so far is as durable as the mode promises
   * (replies wait on it): committed in strict mode; at once in relaxed mode,
   * where the flush timer commits it. Rejects while storage is failing.
   */
  durable(): Promise<void> {
    const idle = this.pending.length === 0 && this.pendingNotes.length === 0 && this.sealed.length === 0 && !this.committing;
    if (idle || this.durability === 'relaxed') {
      return this.failure ? Promise.reject(this.failure) : Promise.resolve();
    }
    return this.flush();
  }

  private failed(error: Error): void {
    if (error instanceof SupersededError) {
      // Another tab leads now: this one stores nothing more (the tabs layer steps down).
      this.closed = true;
      this.detach();
      return;
    }
    this.failure = error;
    this.lastSaveStatus = 'err';
    const what = error.name === 'QuotaExceededError' ? 'the storage quota is full' : error.message;
    this.engine.writesRefused = new ErrorReply(
      `MISCONF Errors writing to IndexedDB (${what}). Commands that may modify the data set are disabled until the store can write again.`,
    );
    this.engine.log('warning', `persistence: ${error.name}: ${error.message}`);
    // Try again later: the quota may be freed, or persist() granted.
    setTimeout(() => void this.flush().catch(() => {}), 1000);
  }

  private recovered(): void {
    this.failure = null;
    this.lastSaveStatus = 'ok';
    this.engine.writesRefused = null;
  }

  // ——— Snapshots ———

  private maybeSnapshot(): void {
    if (this.snapshotRunning || this.logBytes < this.minRewriteBytes || this.logBytes < this.snapshotBytes) return;
    void this.snapshot().catch((error: Error) => this.engine.log('warning', `persistence: snapshot failed: ${error.message}`));
  }

  get snapshotInProgress(): boolean {
    return this.snapshotRunning !== null;
  }

  /** When the last snapshot was committed; before any, when the store started (as Redis's LASTSAVE). */
  get lastSave(): number {
    return this.snapshotInfo?.savedAt ?? this.engine.startedAt;
  }

  /** Writes a snapshot of the keyspace as it is now, in the background; resolves when committed. */
  snapshot(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    this.snapshotRunning ??= this.writeSnapshot().finally(() => {
      this.snapshotRunning = null;
    });
    return this.snapshotRunning;
  }

  private async writeSnapshot(): Promise<void> {
    // The snapshot's position: everything recorded so far is sealed into log records ≤ lastSeq.
    const flushed = this.flush();
    const lastSeq = this.seq;
    const generation = ++this.generation;
    const savedAt = this.engine.clock();
    const writer = new SnapshotWriter(this.engine, generation, (record, index) => this.store.putSnapshotChunk(generation, index, record));
    await flushed;
    await writer.run(this.sliceMs);
    const info: SnapshotInfo = { generation, lastSeq, chunks: writer.chunks, savedAt };
    // The fallback is the snapshot the live data grew from, not a damaged newer one.
    await this.store.commitSnapshot(info, this.snapshotInfo);
    this.snapshotInfo = info;
    this.snapshotBytes = writer.bytes;
    this.logBytes = 0;
  }

  /**
   * Lets go at once, for a leader stepping down (its page is about to be
   * frozen): what is recorded so far goes into a transaction started now, and
   * closing the connection fences off anything later — a commit queued behind
   * it, a snapshot in progress. The next leader's load comes after that
   * transaction. Durable waiters hear nothing they can rely on: the tabs
   * layer re-sends unanswered requests to the next leader.
   */
  handOver(): void {
    this.closed = true;
    this.detach();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.seal();
    const batch = this.sealed.splice(0);
    if (batch.length > 0) void this.store.append(batch.map(encodeSealed)).catch(() => {});
    this.store.close();
  }

  /** Commits pending writes, stops listening, and lets go of the store. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush().catch(() => {});
    await this.snapshotRunning?.catch(() => {});
    this.detach();
    this.store.close();
  }

  /** Which opening of the stored data this is: see RecordStore.epoch. */
  get epoch(): number {
    return this.store.epoch;
  }

  /** Figures for INFO persistence. */
  info(): Record<string, string | number> {
    return {
      rdb_bgsave_in_progress: this.snapshotRunning ? 1 : 0,
      rdb_last_save_time: Math.floor(this.lastSave / 1000),
      rdb_last_bgsave_status: this.lastSaveStatus,
      aof_enabled: 1,
      aof_last_write_status: this.failure ? 'err' : 'ok',
      redlite_durability: this.durability,
      redlite_log_bytes: this.logBytes,
      redlite_log_seq: this.seq,
    };
  }
}

type Sealed = { seq: number; effects: Effect[]; notes: [string, string][] };

const encodeSealed = ({ seq, effects, notes }: Sealed) => ({ seq, record: encodeBatch({ kind: 'log', seq, effects, notes }) });

/**
 * Writes one snapshot: walks every database in slices, encoding each key
 * into chunks, and saves a key early — before its first write — when a
 * command is about to change it. `Entry.savedIn` marks keys already written;
 * keys created after the snapshot's position are left to the log. A full
 * chunk is sealed (checksummed, copied) and stored in a slice of its own.
 */
class SnapshotWriter {
  chunks = 0;
  bytes = 0;
  private chunk = new ChunkWriter();
  /** Chunks cut and not yet sealed and stored, oldest first. */
  private readonly full: ChunkWriter[] = [];
  /** Writers whose chunk is stored, for the next chunks: their buffers are reused. */
  private readonly spare: ChunkWriter[] = [];
  private readonly puts: Promise<void>[] = [];
  /** Keys that did not exist at the snapshot's position, per db: the log creates them. */
  private readonly bornAfter = new Map<Db, Set<string>>();
  private iterators: Iterator<[string, Entry]>[];
  private dbIndex = 0;

  constructor(
    private readonly engine: Engine,
    private readonly generation: number,
    private readonly put: (record: Uint8Array, index: number) => Promise<void>,
  ) {
    this.iterators = engine.dbs.map((db) => db.data.entries());
    engine.beforeWrite = (db, keys) => {
      if (keys === null) this.finishNow();
      else for (const key of keys) this.saveEarly(db, key);
    };
  }

  /** Called before a command writes a key. */
  private saveEarly(db: Db, key: string): void {
    const entry = db.data.get(key);
    if (!entry) {
      let born = this.bornAfter.get(db);
      if (!born) this.bornAfter.set(db, (born = new Set()));
      born.add(key);
    } else if (entry.savedIn !== this.generation && !this.bornAfter.get(db)?.has(key)) {
      this.save(db, key, entry);
    }
  }

  private save(db: Db, key: string, entry: Entry): void {
    entry.savedIn = this.generation;
    this.chunk.add(db.id, key, entry);
    if (this.chunk.size >= CHUNK_BYTES) this.cut();
  }

  private cut(): void {
    if (this.chunk.keys === 0) return;
    this.full.push(this.chunk);
    this.chunk = this.spare.pop() ?? new ChunkWriter();
  }

  private store(chunk: ChunkWriter): void {
    const record = chunk.finish();
    this.spare.push(chunk);
    this.bytes += record.length;
    this.puts.push(this.put(record, this.chunks++));
  }

  /** Saves up to `budgetMs` worth of keys; true when every database is done. */
  private step(budgetMs: number): boolean {
    const deadline = performance.now() + budgetMs;
    while (this.dbIndex < this.iterators.length) {
      const db = this.engine.dbs[this.dbIndex];
      const it = this.iterators[this.dbIndex];
      const born = this.bornAfter.get(db);
      for (let n = 0; ; n++) {
        if ((n & 63) === 63 && performance.now() > deadline) return false;
        const next = it.next();
        if (next.done) break;
        const [key, entry] = next.value;
        if (entry.savedIn === this.generation || born?.has(key)) continue;
        this.save(db, key, entry);
      }
      this.dbIndex++;
    }
    return true;
  }

  /** A command may touch any key (FLUSHALL, SWAPDB, MOVE …): save the rest at once. */
  private finishNow(): void {
    this.step(Infinity);
  }

  async run(sliceMs: number): Promise<void> {
    try {
      for (;;) {
        const done = this.step(sliceMs);
        if (done) this.cut();
        while (this.full.length > 0) {
          await yieldToCommands();
          this.store(this.full.shift()!);
        }
        if (done) break;
        await yieldToCommands();
      }
      await Promise.all(this.puts);
    } finally {
      this.engine.beforeWrite = null;
    }
  }
}

/** Lets queued commands run between snapshot slices. */
function yieldToCommands(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
