/**
 * Clients blocked on keys (BLPOP, BZPOPMIN, XREAD BLOCK …).
 *
 * A blocking handler that finds nothing to serve calls `engine.block(...)`,
 * which registers the client here and returns BLOCKED. Writes that may feed a
 * waiter mark the key ready; after each top-level command the engine re-runs the
 * waiting commands in FIFO order, per key, until a run no longer blocks. A served
 * command's own writes may ready further keys (BLMOVE), so serving loops until
 * nothing is ready.
 */
import type { Client } from './client.js';
import type { Command } from './command.js';
import type { Db } from './db.js';
import type { Reply } from './reply.js';

export interface BlockedState {
  db: Db;
  keys: string[];
  cmd: Command;
  argv: string[];
  /** The reply when the timeout fires (usually a null array). */
  timeoutReply: Reply;
  timer: ReturnType<typeof setTimeout> | null;
  /** What the command needs to remember while blocked (XREAD: the IDs `$` resolved to). */
  context?: unknown;
  /** Set while the engine re-runs the command: the ready key being served. */
  readyKey?: string;
}

export class Blocking {
  /** db id → key → waiting clients, oldest first. */
  private readonly waiting = new Map<number, Map<string, Client[]>>();
  private ready: { db: Db; key: string }[] = [];
  private readonly readySet = new Set<string>();

  get count(): number {
    let n = 0;
    for (const keys of this.waiting.values()) for (const list of keys.values()) n += list.length;
    return n;
  }

  /** Blocked client count, deduplicated (a client may wait on several keys). */
  clients(): Set<Client> {
    const all = new Set<Client>();
    for (const keys of this.waiting.values()) for (const list of keys.values()) for (const c of list) all.add(c);
    return all;
  }

  add(client: Client, state: BlockedState): void {
    client.blocked = state;
    let keys = this.waiting.get(state.db.id);
    if (!keys) this.waiting.set(state.db.id, (keys = new Map()));
    for (const key of state.keys) {
      let list = keys.get(key);
      if (!list) keys.set(key, (list = []));
      if (!list.includes(client)) list.push(client);
    }
  }

  /** Removes a client from every key it waits on. */
  remove(client: Client): BlockedState | null {
    const state = client.blocked as BlockedState | null;
    if (!state) return null;
    client.blocked = null;
    if (state.timer !== null) clearTimeout(state.timer);
    const keys = this.waiting.get(state.db.id);
    if (keys) {
      for (const key of state.keys) {
        const list = keys.get(key);
        if (!list) continue;
        const i = list.indexOf(client);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) keys.delete(key);
      }
      if (keys.size === 0) this.waiting.delete(state.db.id);
    }
    return state;
  }

  /** A write touched a key: if anyone waits on it, serve them after the command. */
  signal(db: Db, key: string): void {
    if (this.waiting.size === 0 || !this.waiting.get(db.id)?.has(key)) return;
    const id = `${db.id}\u0000${key}`;
    if (this.readySet.has(id)) return;
    this.readySet.add(id);
    this.ready.push({ db, key });
  }

  /** Every key of a database that has waiters is ready (FLUSHDB: stream group readers get their error). */
  signalAll(db: Db): void {
    for (const key of this.waiting.get(db.id)?.keys() ?? []) this.signal(db, key);
  }

  get hasReady(): boolean {
    return this.ready.length > 0;
  }

  /**
   * Takes the ready keys and their waiters, oldest first. The engine re-runs
   * each waiter's command; `serve` is called with each one.
   */
  drainReady(serve: (client: Client) => void): void {
    while (this.ready.length > 0) {
      const batch = this.ready;
      this.ready = [];
      this.readySet.clear();
      for (const { db, key } of batch) {
        const list = this.waiting.get(db.id)?.get(key);
        if (!list) continue;
        for (const client of [...list]) {
          // A client served through another key of this batch is gone already.
          if (client.blocked) {
            (client.blocked as BlockedState).readyKey = key;
            serve(client);
          }
        }
      }
    }
  }
}
