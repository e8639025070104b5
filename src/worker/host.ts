/**
 * The store's side of HostApi: connections as engine sessions, replies turned
 * into wire values. The worker exposes it through comlink; in Node the client
 * calls it directly.
 */
import type { Engine } from '../engine/engine.js';
import { formatDouble } from '../engine/number.js';
import {
  BigNumberReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  NullArray,
  PushReply,
  SetReply,
  SimpleString,
  VerbatimReply,
  type Reply,
} from '../engine/reply.js';
import { Session } from '../engine/session.js';
import { exportCommands, exportRdb, importRdb } from '../persistence/interchange.js';
import type { Persister } from '../persistence/persister.js';
import { SupersededError } from '../persistence/superseded.js';
import { status } from './packing.js';
import type { HostApi, OpenReport, Push, StoreOptions, Wire } from './protocol.js';

/** A Reply in its RESP2 form, as plain data. */
export function toWire(reply: Reply): Wire {
  if (typeof reply === 'string' || typeof reply === 'number' || reply === null) return reply;
  if (Array.isArray(reply)) return reply.map(toWire);
  if (typeof reply === 'bigint') return reply;
  if (typeof reply === 'boolean') return reply ? 1 : 0;
  if (reply instanceof SimpleString) return status(reply.value);
  if (reply instanceof ErrorReply) return { err: reply.message };
  if (reply instanceof NullArray) return null;
  if (reply instanceof MapReply) return reply.entries.map(toWire);
  if (reply instanceof SetReply || reply instanceof PushReply) return reply.items.map(toWire);
  if (reply instanceof DoubleReply) return reply.text ?? formatDouble(reply.value);
  if (reply instanceof VerbatimReply) return reply.text;
  if (reply instanceof BigNumberReply) return reply.digits;
  throw new TypeError(`not a reply: ${String(reply)}`);
}

/** The store behind a host: its engine, and its persistence once loaded. */
export interface HostStore {
  engine: Engine;
  /** The store's persistence, once open (none for a memory store). */
  readonly persister?: Persister | null;
  /** Which opening of the stored data this is (0 when nothing is stored): later openings lead. */
  readonly epoch: number;
  /** Opens the store: loads stored data into the engine. Called once, before serving. */
  open(options: StoreOptions): Promise<OpenReport>;
  /** Resolves once every write so far is stored (strict mode); rejects on storage failure. */
  durable(): Promise<void>;
  flush(): Promise<void>;
  /** Commits everything, then lets go of the store. */
  close(): Promise<void>;
  /**
   * Lets go at once, for a leader stepping down: what is pending is committed
   * in a transaction started now, and nothing after it.
   */
  handOver(): void;
}

/** A store kept in memory only. */
export function memoryStore(engine: Engine): HostStore {
  return {
    engine,
    epoch: 0,
    open: async () => ({ keys: 0, loadMs: 0, problems: [], durability: 'memory' }),
    durable: () => Promise.resolve(),
    flush: () => Promise.resolve(),
    close: async () => engine.close(),
    handOver: () => engine.close(),
  };
}

export function createHost(store: HostStore): HostApi & { close(): Promise<void> } {
  const { engine } = store;
  const sessions = new Map<number, Session>();
  let opened: Promise<OpenReport> | null = null;
  /** Commands wait until the store has loaded; a client that never calls open() gets the defaults. */
  const ready = (): Promise<OpenReport> => (opened ??= store.open({ name: 'default' }));
  return {
    open(options) {
      opened ??= store.open(options);
      return opened;
    },
    flush: () => store.flush(),
    ...interchange(store, ready),
    // One engine in one place: this host always leads.
    onRole: () => 'leader',
    connect(onPush) {
      // Pushes produced by one command arrive together: deliver them in one message.
      let pending: Push[] | null = null;
      const session = new Session(engine, (message) => {
        const wire = toWire(message) as Push;
        if (pending) return void pending.push(wire);
        pending = [wire];
        queueMicrotask(() => {
          const batch = pending!;
          pending = null;
          onPush(batch);
        });
      });
      sessions.set(session.client.id, session);
      return session.client.id;
    },
    async exec(connection, batch) {
      await ready();
      const session = sessions.get(connection);
      if (!session) return batch.map(() => ({ err: 'ERR connection is closed' }));
      return durableReplies(store, batch, await session.run(batch));
    },
    disconnect(connection) {
      sessions.get(connection)?.close();
      sessions.delete(connection);
    },
    async close() {
      for (const session of sessions.values()) session.close();
      sessions.clear();
      await store.close();
    },
  };
}

/** RDB export and import, and the RESP export, on a store once it has loaded. */
export function interchange(store: HostStore, ready: () => Promise<unknown>): Pick<HostApi, 'exportRdb' | 'importRdb' | 'exportCommands'> {
  return {
    exportRdb: async () => (await ready(), exportRdb(store.engine)),
    exportCommands: async () => (await ready(), exportCommands(store.engine)),
    async importRdb(bytes, onProgress) {
      await ready();
      const result = await importRdb(store.engine, bytes, onProgress);
      await store.durable();
      return result;
    },
  };
}

/**
 * A batch's replies once its writes are stored (strict mode waits for the
 * commit). Writes that ran but could not be stored are answered with an error;
 * a SupersededError (another tab leads now) is passed on: the next leader answers.
 */
export async function durableReplies(store: HostStore, batch: string[][], replies: Reply[]): Promise<Wire[]> {
  try {
    await store.durable();
  } catch (error) {
    if (error instanceof SupersededError) throw error;
    // IndexedDB's QuotaExceededError comes with an empty message: its name says it.
    const refusal = `MISCONF the write was applied in memory but could not be stored: ${(error as Error).message || (error as Error).name}`;
    // A write that was refused or failed (an error reply) changed nothing: it keeps its own error.
    return replies.map((reply, i) => (isWrite(store.engine, batch[i]) && !(reply instanceof ErrorReply) ? { err: refusal } : toWire(reply)));
  }
  return replies.map(toWire);
}

function isWrite(engine: Engine, argv: string[]): boolean {
  const cmd = engine.lookup(argv);
  return !(cmd instanceof ErrorReply) && cmd.isWrite;
}
