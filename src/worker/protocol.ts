/**
 * What crosses between the app's thread and the store's host (the worker, or
 * the engine in process in Node). One place names every message shape.
 *
 * Replies travel in RESP2 shapes, as plain structured-clonable values: the
 * client decodes them the way ioredis decodes RESP2.
 */

/** A reply on the wire: bulk string (a byte string), integer, nil, array, status or error. */
export type Wire = string | number | bigint | null | Wire[] | WireStatus | WireError;
export interface WireStatus {
  ok: string;
}
export interface WireError {
  err: string;
}

/** A pub/sub message or keyspace event, as the RESP2 push array ['message', channel, payload] etc. */
export type Push = Wire[];

export type Durability = 'strict' | 'relaxed';

/** Whether this tab's worker runs the store (leader) or forwards to the tab that does (follower). */
export type Role = 'leader' | 'follower';

export interface StoreOptions {
  /** The store's name: stores with different names are independent. */
  name: string;
  /**
   * strict: a write's reply waits until it is committed to IndexedDB (nothing
   * acknowledged is lost). relaxed: replies at once; the log is committed every
   * `flushIntervalMs` and when the page hides. 'memory': nothing is stored.
   */
  durability?: Durability | 'memory';
  flushIntervalMs?: number;
}

/** What opening the store found. */
export interface OpenReport {
  keys: number;
  /** Time to load the snapshot and log (ms). */
  loadMs: number;
  /** Damage found and skipped while loading; empty when everything loaded. */
  problems: string[];
  durability: Durability | 'memory';
}

/** The host's surface. In the browser comlink carries these calls to the worker. */
export interface HostApi {
  /** Opens (loads) the store; the first caller's options apply. Resolves when it serves. */
  open(options: StoreOptions): Promise<OpenReport>;
  /** Commits pending writes now (relaxed mode: the page is hiding). */
  flush(): Promise<void>;
  /** Opens a connection; `onPush` receives its pub/sub messages. Resolves with its id. */
  connect(onPush: (messages: Push[]) => void): number | Promise<number>;
  /** Runs a batch of commands (argv of byte strings) on a connection; one reply per command. */
  exec(connection: number, batch: string[][]): Promise<Wire[]>;
  /** Closes a connection. */
  disconnect(connection: number): void;
  /** The store as an RDB file that redis-server 7.0 loads. */
  exportRdb(): Promise<Uint8Array>;
  /** Replaces the store's contents with an RDB file (written by Redis 7.0 or by exportRdb). */
  importRdb(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<{ keys: number }>;
  /** The commands that rebuild the store, as RESP for `redis-cli --pipe`. */
  exportCommands(): Promise<string>;
  /** Tells `listener` when this tab's role changes; returns the role now. */
  onRole(listener: (role: Role) => void): Role | Promise<Role>;
}

/**
 * What a page tells its worker about leading. The page holds the store's Web
 * Lock (src/tabs/leadership.ts): it can let go at once when it is frozen or
 * cached, when its worker may already be frozen.
 */
export interface Leadership {
  /** The page holds the store's lock: load the store and serve every tab. Resolves once serving. */
  lead(): Promise<void>;
  /** The page has let go of the lock: stop serving at once. */
  stepDown(): void;
  /** The page is back from being frozen or cached: find the leader again. */
  rejoin(): void;
}

/** HostApi as the worker exposes it through comlink; commands travel apart (batch-port.ts). */
export interface WorkerApi extends Omit<HostApi, 'exec'>, Leadership {}
