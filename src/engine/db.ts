/**
 * One of the 16 keyspaces. Keys map to entries; an entry holds the value, its
 * absolute expiry time and its last access time (OBJECT IDLETIME).
 *
 * Every read goes through `lookup` (lazy expiry), every write through `set`,
 * `add`, `delete` or `touchWrite`, which signal WATCH and blocked clients and
 * count changes for persistence — the same funnel Redis's db.c provides.
 */
import type { Engine } from './engine.js';
import { Err } from './reply.js';
import { touchAllWatchedKeysInDb } from './watch.js';

export type ValueType = 'string' | 'list' | 'hash' | 'set' | 'zset' | 'stream';

/** Every non-string value (list, hash, set, sorted set, stream) implements this. */
export interface Collection {
  readonly type: Exclude<ValueType, 'string'>;
  /** Number of elements; a collection emptied by a command is deleted. */
  readonly size: number;
  /** OBJECT ENCODING, as Redis would report it for this content. */
  encoding(): string;
  /** A deep copy, for COPY. */
  clone(): Collection;
  /** MEMORY USAGE: bytes Redis would allocate for the elements, averaging `samples` of them (0: all). */
  memoryUsage?(samples: number): number;
}

/** A string value is a byte string; everything else is a Collection. */
export type Value = string | Collection;

export class Entry {
  /**
   * A string's OBJECT ENCODING when Redis fixed it as the value was built
   * rather than from its content: 'raw' for strings edited in place (APPEND,
   * SETRANGE, SETBIT …), INCRBYFLOAT's never 'int', COPY's duplicate is its
   * own object (never a shared integer). null: from the content (int /
   * embstr / raw, see string-encoding.ts). `Db.set` resets it.
   */
  encoding: 'int' | 'embstr' | 'raw' | null = null;
  /** The generation of the snapshot this key was last written to (persistence's copy-on-write mark). */
  savedIn = 0;

  constructor(
    public value: Value,
    /** Absolute expiry in ms since the epoch; 0 when the key does not expire. */
    public expireAt: number,
    /** Last access, in the engine's LRU clock (whole seconds), for OBJECT IDLETIME. */
    public lru: number,
  ) {}
}

export function typeOf(value: Value): ValueType {
  return typeof value === 'string' ? 'string' : value.type;
}

export class Db {
  /** Keys and values; exchanged wholesale with another Db by SWAPDB. */
  data = new Map<string, Entry>();
  /** Keys that carry an expiry, for the active expiry cycle and INFO keyspace. */
  volatile = new Set<string>();
  /** WATCHed keys → clients watching them. */
  readonly watchers = new Map<string, Set<import('./client.js').Client>>();

  constructor(
    readonly id: number,
    private readonly engine: Engine,
  ) {}

  get size(): number {
    return this.data.size;
  }

  /** The live entry for a key, expiring it first if its time has come. */
  lookupEntry(key: string): Entry | undefined {
    const entry = this.data.get(key);
    if (entry === undefined) return undefined;
    if (entry.expireAt !== 0 && entry.expireAt <= this.engine.time && this.engine.expireAllowed()) {
      this.expire(key);
      return undefined;
    }
    entry.lru = this.engine.lruClock;
    return entry;
  }

  /** A read lookup: counts keyspace hits and misses as Redis does. */
  get(key: string): Value | undefined {
    const entry = this.lookupEntry(key);
    if (entry === undefined) {
      this.engine.stats.keyspaceMisses++;
      this.engine.notify('keymiss', 'm', key, this.id);
      return undefined;
    }
    this.engine.stats.keyspaceHits++;
    return entry.value;
  }

  /** A lookup for a write (no hit/miss accounting). */
  getForWrite(key: string): Value | undefined {
    return this.lookupEntry(key)?.value;
  }

  has(key: string): boolean {
    return this.lookupEntry(key) !== undefined;
  }

  /** A string value, or undefined; WRONGTYPE for any other type. */
  getString(key: string, forWrite = false): string | undefined {
    const v = forWrite ? this.getForWrite(key) : this.get(key);
    if (v === undefined || typeof v === 'string') return v;
    throw Err.wrongType();
  }

  /** A collection of the given type, or undefined; WRONGTYPE for any other type. */
  getTyped<T extends Collection>(key: string, type: T['type'], forWrite = false): T | undefined {
    const v = forWrite ? this.getForWrite(key) : this.get(key);
    if (v === undefined) return undefined;
    if (typeof v === 'string' || v.type !== type) throw Err.wrongType();
    return v as T;
  }

  /** Sets a key's value. Clears its expiry unless keepTtl. */
  set(key: string, value: Value, keepTtl = false): void {
    const entry = this.data.get(key);
    if (entry === undefined) {
      this.data.set(key, new Entry(value, 0, this.engine.lruClock));
      this.engine.keyAdded(this, key, value);
    } else {
      entry.value = value;
      entry.encoding = null;
      entry.lru = this.engine.lruClock;
      if (!keepTtl && entry.expireAt !== 0) {
        entry.expireAt = 0;
        this.volatile.delete(key);
      }
    }
    this.engine.keyModified(this, key);
  }

  /** Adds a key while a store loads, before anyone is connected: no notifications, WATCH or dirty count. */
  restore(key: string, value: Value, expireAt: number): void {
    this.data.set(key, new Entry(value, expireAt, this.engine.lruClock));
    if (expireAt !== 0) this.volatile.add(key);
  }

  /** Deletes a key; true if it existed. Does not check expiry (callers looked it up). */
  delete(key: string): boolean {
    const entry = this.data.get(key);
    if (entry === undefined) return false;
    this.data.delete(key);
    if (entry.expireAt !== 0) this.volatile.delete(key);
    this.engine.keyModified(this, key);
    return true;
  }

  /**
   * Records an in-place change to a collection (or its removal when emptied):
   * the write funnel for commands that mutate a value they looked up.
   */
  touchWrite(key: string, value: Value): void {
    if (typeof value !== 'string' && value.size === 0) this.delete(key);
    else this.engine.keyModified(this, key);
  }

  getExpire(key: string): number {
    return this.data.get(key)?.expireAt ?? 0;
  }

  /** Sets an absolute expiry (ms) on an existing key. */
  setExpire(key: string, at: number): void {
    const entry = this.data.get(key);
    if (entry === undefined) return;
    if (entry.expireAt === 0) this.volatile.add(key);
    entry.expireAt = at;
    this.engine.keyModified(this, key);
  }

  /** Removes a key's expiry; true if it had one. */
  persist(key: string): boolean {
    const entry = this.data.get(key);
    if (entry === undefined || entry.expireAt === 0) return false;
    entry.expireAt = 0;
    this.volatile.delete(key);
    this.engine.keyModified(this, key);
    return true;
  }

  /** Deletes an expired key and tells everyone who cares, as Redis's deleteExpiredKeyAndPropagate. */
  expire(key: string): void {
    this.engine.beforeWrite?.(this, [key]);
    this.delete(key);
    this.engine.stats.expiredKeys++;
    this.engine.notify('expired', 'x', key, this.id);
    this.engine.propagate(this.id, ['DEL', key]);
  }

  /** SWAPDB: exchanges keys and expiries with another database; watchers and blocked clients stay put. */
  swapContents(other: Db): void {
    [this.data, other.data] = [other.data, this.data];
    [this.volatile, other.volatile] = [other.volatile, this.volatile];
  }

  /** Removes every key (FLUSHDB, FLUSHALL), signalling watchers of keys that existed. */
  clear(): void {
    if (this.watchers.size > 0) touchAllWatchedKeysInDb(this, null, this.engine.time);
    this.engine.blocking.signalAll(this);
    this.data.clear();
    this.volatile.clear();
  }

  /** A uniformly random live key, or undefined when the db is empty. */
  randomKey(random: () => number): string | undefined {
    // Map has no random access: pick an index and walk. Bounded retries skip expired keys.
    for (let tries = 0; tries < 100 && this.data.size > 0; tries++) {
      let i = Math.floor(random() * this.data.size);
      for (const key of this.data.keys()) {
        if (i-- === 0) {
          if (this.has(key)) return key;
          break;
        }
      }
    }
    return undefined;
  }
}
