/**
 * Where records live: one IndexedDB database per store name, through `idb`.
 *
 * IndexedDB charges per record and per transaction, not per byte (measured in
 * headless Chromium: 100,000 small puts in one transaction take seconds, one
 * 10 MB record ~30 ms, a commit ~2–3 ms). So records are large: a log record is
 * a whole flush of effects, a snapshot chunk holds many keys.
 *
 *   meta      'state' → StoreState        (which snapshot is current)
 *             'epoch' → number            (the leader that may write: see below)
 *   log       seq → record                (flushes since the snapshots)
 *   snapshot  [generation, index] → record
 *
 * A snapshot is committed by one transaction that switches `meta` to it; the
 * previous snapshot and the log since it are kept, so a corrupted newest
 * snapshot can fall back to the one before.
 *
 * Only one tab writes at a time, but a leader whose page was frozen may wake
 * after another tab took over. So each opening claims the next epoch, and
 * every write checks, in its own transaction, that the epoch is still its own:
 * a superseded writer can store nothing (SupersededError).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { SupersededError } from './superseded.js';

export interface SnapshotInfo {
  generation: number;
  /** The last log sequence number the snapshot includes. */
  lastSeq: number;
  chunks: number;
  /** When it was taken (ms since the epoch), for LASTSAVE. */
  savedAt: number;
}

export interface StoreState {
  /** The stored format's version: an older one is upgraded on open. */
  format: number;
  current: SnapshotInfo | null;
  previous: SnapshotInfo | null;
}

interface Schema extends DBSchema {
  meta: { key: string; value: StoreState | number };
  log: { key: number; value: Uint8Array };
  snapshot: { key: [number, number]; value: Uint8Array };
}

/** The IndexedDB schema version; bump it with a migration in `upgrade`. */
const SCHEMA_VERSION = 1;
/**
 * The format of what is stored. 1: snapshot chunks are batches of effects,
 * replayed as commands. 2: they may hold keys in RDB form, loaded directly.
 * A format-1 store loads as it is; its next snapshot is written in format 2.
 */
export const STATE_FORMAT = 2;

export interface StoredData {
  state: StoreState;
  /**
   * Reads of a snapshot's chunks, in order, all issued at once: each can be
   * loaded while the next ones are read (on demand: the newest may turn out
   * corrupt). A missing chunk reads as undefined.
   */
  snapshot(info: SnapshotInfo): Promise<Uint8Array | undefined>[];
  /** Log records after `afterSeq`, in order. */
  log(afterSeq: number): Promise<{ seq: number; record: Uint8Array }[]>;
}

/** The storage a Persister writes to. IndexedDB in browsers (and fake-indexeddb in tests). */
export interface RecordStore {
  /** This opening's epoch: writes fail once a later opening claims the next one. */
  readonly epoch: number;
  load(): Promise<StoredData>;
  /** Appends log records in one transaction: all are stored, or none. */
  append(records: { seq: number; record: Uint8Array }[]): Promise<void>;
  /** Drops the log records after `seq`. */
  truncateLog(seq: number): Promise<void>;
  putSnapshotChunk(generation: number, index: number, record: Uint8Array): Promise<void>;
  /**
   * Makes a fully written snapshot current, with `previous` as its fallback;
   * drops what neither needs any more.
   */
  commitSnapshot(info: SnapshotInfo, previous: SnapshotInfo | null): Promise<void>;
  close(): void;
}

type WriteTx = IDBPTransaction<Schema, StoreName[], 'readwrite'>;
type StoreName = 'meta' | 'log' | 'snapshot';

export class IdbRecordStore implements RecordStore {
  private constructor(
    private readonly db: IDBPDatabase<Schema>,
    readonly epoch: number,
  ) {}

  static async open(name: string): Promise<IdbRecordStore> {
    const db = await openDB<Schema>(`redlite:${name}`, SCHEMA_VERSION, {
      upgrade(db, oldVersion) {
        // Version 0 → 1: the initial layout. Later versions migrate from `oldVersion` here.
        if (oldVersion < 1) {
          db.createObjectStore('meta');
          db.createObjectStore('log');
          db.createObjectStore('snapshot');
        }
      },
    });
    // Claim the next epoch: from now on, writes of earlier openings fail.
    const tx = db.transaction('meta', 'readwrite');
    const epoch = (((await tx.store.get('epoch')) as number | undefined) ?? 0) + 1;
    await Promise.all([tx.store.put(epoch, 'epoch'), tx.done]);
    return new IdbRecordStore(db, epoch);
  }

  /**
   * Runs `write` in a readwrite transaction over `stores` (and meta) once the
   * epoch is confirmed this opening's; otherwise aborts it, storing nothing.
   */
  private async write(stores: StoreName[], write: (tx: WriteTx) => void): Promise<void> {
    const tx = this.db.transaction(['meta', ...stores], 'readwrite');
    if ((await tx.objectStore('meta').get('epoch')) !== this.epoch) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new SupersededError();
    }
    write(tx);
    await tx.done;
  }

  async load(): Promise<StoredData> {
    const state = ((await this.db.get('meta', 'state')) as StoreState | undefined) ?? { format: STATE_FORMAT, current: null, previous: null };
    if (state.format > STATE_FORMAT) throw new Error(`stored data has format ${state.format}, newer than this redlite (${STATE_FORMAT})`);
    return {
      state,
      snapshot: (info) => {
        const tx = this.db.transaction('snapshot');
        const reads = Array.from({ length: info.chunks }, (_, i) => tx.store.get([info.generation, i]));
        // A reader that stops at a damaged chunk leaves the rest unawaited: their failures are not news.
        for (const read of reads) read.catch(() => {});
        return reads;
      },
      log: async (afterSeq) => {
        const tx = this.db.transaction('log');
        const out: { seq: number; record: Uint8Array }[] = [];
        for await (const cursor of tx.store.iterate(IDBKeyRange.lowerBound(afterSeq, true))) {
          out.push({ seq: cursor.key, record: cursor.value });
        }
        return out;
      },
    };
  }

  append(records: { seq: number; record: Uint8Array }[]): Promise<void> {
    return this.write(['log'], (tx) => {
      const log = tx.objectStore('log');
      for (const { seq, record } of records) void log.put(record, seq);
    });
  }

  truncateLog(seq: number): Promise<void> {
    return this.write(['log'], (tx) => void tx.objectStore('log').delete(IDBKeyRange.lowerBound(seq, true)));
  }

  putSnapshotChunk(generation: number, index: number, record: Uint8Array): Promise<void> {
    return this.write(['snapshot'], (tx) => void tx.objectStore('snapshot').put(record, [generation, index]));
  }

  commitSnapshot(info: SnapshotInfo, previous: SnapshotInfo | null): Promise<void> {
    return this.write(['log', 'snapshot'], (tx) => {
      const next: StoreState = { format: STATE_FORMAT, current: info, previous };
      void tx.objectStore('meta').put(next, 'state');
      // Keep the chunks of the two snapshots in `next` only (an abandoned attempt may have left others),
      // and the log records after the older of them.
      const chunks = tx.objectStore('snapshot');
      const kept = [next.previous?.generation, info.generation].filter((g): g is number => g !== undefined);
      let from = -Infinity;
      for (const generation of kept) {
        if (generation > from) void chunks.delete(IDBKeyRange.bound([from, -Infinity], [generation, -Infinity], false, true));
        from = generation + 1;
      }
      void chunks.delete(IDBKeyRange.lowerBound([from, -Infinity]));
      void tx.objectStore('log').delete(IDBKeyRange.upperBound((next.previous ?? info).lastSeq));
    });
  }

  close(): void {
    this.db.close();
  }
}
