/**
 * The public client: a method per command (`db.set('k', 'v', 'EX', 10)`),
 * `call()` for anything, pipelines and transactions, subscriptions, and async
 * iteration over SCAN. It speaks to a host — the worker in a browser, the
 * engine in process in Node — through auto-pipelined connections.
 */
import type { HostApi, OpenReport, Push, Role, StoreOptions, Wire } from '../worker/protocol.js';
import { argToBytes, bytesToArray, bytesToString, toArgv, type Arg, type ArgInput } from './bytes.js';
import type { ClientCommands } from './commands.js';
import { addCommandMethods, SEND } from './methods.js';
import { Connection } from './connection.js';
import { decodeReply, type Bulk } from './decode.js';
import { Pipeline } from './pipeline.js';

export type MessageListener = (message: string, channel: string) => void;
export type PatternListener = (message: string, channel: string, pattern: string) => void;

export interface ClientEvents {
  message: (channel: string, message: string) => void;
  pmessage: (pattern: string, channel: string, message: string) => void;
  smessage: (channel: string, message: string) => void;
  /** This tab's role changed (another tab closed, or this one stepped down). */
  role: (role: Role) => void;
  /**
   * Advanced: a reply that arrives out of band on the client's own connection,
   * as a wire value — after a SUBSCRIBE or MONITOR sent with sendRaw().
   */
  push: (reply: Wire) => void;
}

type Listener = (...args: unknown[]) => void;

export interface ScanOptions {
  match?: string;
  count?: number;
  type?: string;
}

/** How a client reaches its store: a shared host plus a way to let go of it. */
export interface HostHandle {
  host: HostApi;
  /** Called once when the client closes; the last client of a store shuts it. */
  release(): void;
  /** Opens another handle on the same store (for duplicate()). */
  duplicate(): HostHandle;
}

export class RedliteClient {
  private readonly connection: Connection;
  /** Subscriptions live on a second connection, opened on first use. */
  private subscriber: Connection | null = null;
  private readonly channelListeners = new Map<string, Set<MessageListener>>();
  private readonly patternListeners = new Map<string, Set<PatternListener>>();
  private readonly shardListeners = new Map<string, Set<MessageListener>>();
  private readonly events = new Map<keyof ClientEvents, Set<Listener>>();
  private closed = false;
  /** Resolves when the store has loaded (with what it found); rejects if it could not open. */
  readonly ready: Promise<OpenReport>;
  /** Whether this tab runs the store ('leader') or forwards to the tab that does; see the 'role' event. */
  role: Role = 'follower';

  constructor(
    private readonly handle: HostHandle,
    private readonly options: StoreOptions,
  ) {
    this.ready = handle.host.open(options);
    void Promise.resolve(
      handle.host.onRole((role) => {
        this.role = role;
        this.emit('role', role);
      }),
    ).then((role) => (this.role = role));
    // Commands wait for the store anyway: an unobserved failure must not be an unhandled rejection.
    this.ready.catch(() => {});
    this.connection = new Connection(handle.host, (messages) => messages.forEach((m) => this.emit('push', m as Wire)));
  }

  /**
   * With a key, Redis's PERSIST (removes its expiry). Without, asks the browser
   * to keep this origin's storage under pressure (navigator.storage.persist).
   */
  persist(): Promise<boolean>;
  persist(key: Arg): Promise<number>;
  async persist(key?: Arg): Promise<boolean | number> {
    if (key !== undefined) return this.call('persist', key) as Promise<number>;
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  }

  /** The whole store as an RDB file that redis-server 7.0 loads (save it as dump.rdb). */
  export(): Promise<Uint8Array> {
    return this.handle.host.exportRdb();
  }

  /**
   * Replaces the store's contents with an RDB file written by Redis 7.0 (or by
   * export()). `onProgress` hears the fraction done, from 0 to 1.
   */
  import(file: Uint8Array | ArrayBuffer | Blob, onProgress?: (fraction: number) => void): Promise<{ keys: number }> {
    const bytes = async () =>
      file instanceof Uint8Array ? file.slice() : new Uint8Array(file instanceof Blob ? await file.arrayBuffer() : file.slice(0));
    // Progress may travel apart from the result (a comlink proxy has a channel of its own): none after it.
    let settled = false;
    const progress = onProgress && ((fraction: number) => void (settled || onProgress(fraction)));
    return bytes()
      .then((b) => this.handle.host.importRdb(b, progress))
      .finally(() => (settled = true));
  }

  /** The commands that rebuild the store, as RESP bytes: `redis-cli --pipe < file` loads them into Redis. */
  exportCommands(): Promise<Uint8Array> {
    return this.handle.host.exportCommands().then(bytesToArray);
  }

  /** Storage used and available to this origin (navigator.storage.estimate), or null where unknown. */
  async estimate(): Promise<StorageEstimate | null> {
    return (await globalThis.navigator?.storage?.estimate?.()) ?? null;
  }

  /** Runs any command: `db.call('set', 'k', 'v')`. */
  call(name: string, ...args: ArgInput[]): Promise<unknown> {
    return this[SEND](name.toLowerCase(), args, 'string');
  }

  /** As call(), with bulk replies as Uint8Array. */
  callBuffer(name: string, ...args: ArgInput[]): Promise<unknown> {
    return this[SEND](name.toLowerCase(), args, 'buffer');
  }

  [SEND](name: string, args: ArgInput[], bulk: Bulk): Promise<unknown> {
    return this.connection.send(toArgv(name, args), (wire) => decodeReply(name, wire, bulk));
  }

  /**
   * Advanced: runs one command on this client's connection and resolves with the
   * reply as it travels, its RESP2 type intact — a bulk string as a byte string
   * (one char per byte), a status as `{ ok }`, an error as `{ err }` (resolved,
   * not thrown), nil as null, an integer as a number, an empty array as [].
   * For tools that print replies as redis-cli does (the playground's REPL).
   * Out-of-band replies on this connection go to 'push' listeners.
   */
  sendRaw(argv: readonly Arg[]): Promise<Wire> {
    return this.connection.send(argv.map(argToBytes));
  }

  /** Commands sent together, each with its own result: `[[err, result], …]`. */
  pipeline(): Pipeline {
    return new Pipeline(this.connection, false);
  }

  /** A transaction: MULTI … EXEC in one batch. */
  multi(): Pipeline {
    return new Pipeline(this.connection, true);
  }

  /** Another client on the same store, with its own connection (for blocking commands). */
  duplicate(): RedliteClient {
    return new RedliteClient(this.handle.duplicate(), this.options);
  }

  // ——— Pub/Sub ———

  /** Listens to a channel; resolves with a function that stops listening. */
  subscribe(channel: string, listener: MessageListener): Promise<() => Promise<void>> {
    return this.listen(this.channelListeners, 'subscribe', 'unsubscribe', channel, listener);
  }

  /** Listens to channels matching a glob pattern (keyspace events: `__keyspace@0__:*`). */
  psubscribe(pattern: string, listener: PatternListener): Promise<() => Promise<void>> {
    return this.listen(this.patternListeners, 'psubscribe', 'punsubscribe', pattern, listener);
  }

  ssubscribe(channel: string, listener: MessageListener): Promise<() => Promise<void>> {
    return this.listen(this.shardListeners, 'ssubscribe', 'sunsubscribe', channel, listener);
  }

  private async listen<L>(
    registry: Map<string, Set<L>>,
    subscribe: string,
    unsubscribe: string,
    name: string,
    listener: L,
  ): Promise<() => Promise<void>> {
    const subscriber = this.subscriberConnection();
    let listeners = registry.get(name);
    if (!listeners) {
      registry.set(name, (listeners = new Set()));
      await subscriber.send([subscribe, argToBytes(name)]);
    }
    listeners.add(listener);
    return async () => {
      const set = registry.get(name);
      if (!set?.delete(listener) || set.size > 0) return;
      registry.delete(name);
      await subscriber.send([unsubscribe, argToBytes(name)]);
    };
  }

  private subscriberConnection(): Connection {
    this.subscriber ??= new Connection(this.handle.host, (messages) => messages.forEach((m) => this.dispatch(m)));
    return this.subscriber;
  }

  private dispatch(push: Push): void {
    const [kind, ...rest] = push.map((w) => (typeof w === 'string' ? bytesToString(w) : w)) as string[];
    if (kind === 'message' || kind === 'smessage') {
      const [channel, message] = rest;
      const registry = kind === 'message' ? this.channelListeners : this.shardListeners;
      registry.get(channel)?.forEach((l) => l(message, channel));
      this.emit(kind, channel, message);
    } else if (kind === 'pmessage') {
      const [pattern, channel, message] = rest;
      this.patternListeners.get(pattern)?.forEach((l) => l(message, channel, pattern));
      this.emit('pmessage', pattern, channel, message);
    }
  }

  /** ioredis-style events: 'message', 'pmessage', 'smessage'; and 'push' (see sendRaw). */
  on<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): this {
    let set = this.events.get(event);
    if (!set) this.events.set(event, (set = new Set()));
    set.add(listener as unknown as Listener);
    return this;
  }

  off<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): this {
    this.events.get(event)?.delete(listener as unknown as Listener);
    return this;
  }

  private emit<E extends keyof ClientEvents>(event: E, ...args: Parameters<ClientEvents[E]>): void {
    this.events.get(event)?.forEach((l) => l(...args));
  }

  // ——— Iteration ———

  /** Every key, through SCAN: `for await (const key of db.scanIterator({ match: 'user:*' }))`. */
  scanIterator(options: ScanOptions = {}): AsyncIterableIterator<string> {
    return this.iterate(['scan'], options, 1) as AsyncIterableIterator<string>;
  }

  /** [field, value] pairs of a hash, through HSCAN. */
  hscanIterator(key: string, options: Omit<ScanOptions, 'type'> = {}): AsyncIterableIterator<[string, string]> {
    return this.iterate(['hscan', key], options, 2) as AsyncIterableIterator<[string, string]>;
  }

  /** Members of a set, through SSCAN. */
  sscanIterator(key: string, options: Omit<ScanOptions, 'type'> = {}): AsyncIterableIterator<string> {
    return this.iterate(['sscan', key], options, 1) as AsyncIterableIterator<string>;
  }

  /** [member, score] pairs of a sorted set, through ZSCAN. */
  zscanIterator(key: string, options: Omit<ScanOptions, 'type'> = {}): AsyncIterableIterator<[string, string]> {
    return this.iterate(['zscan', key], options, 2) as AsyncIterableIterator<[string, string]>;
  }

  private async *iterate(head: string[], options: ScanOptions, width: 1 | 2): AsyncIterableIterator<unknown> {
    const tail: Arg[] = [];
    if (options.match !== undefined) tail.push('MATCH', options.match);
    if (options.count !== undefined) tail.push('COUNT', options.count);
    if (options.type !== undefined) tail.push('TYPE', options.type);
    let cursor = '0';
    do {
      const [next, items] = (await this.call(head[0], ...head.slice(1), cursor, ...tail)) as [string, string[]];
      cursor = next;
      if (width === 1) yield* items;
      else for (let i = 0; i < items.length; i += 2) yield [items[i], items[i + 1]];
    } while (cursor !== '0');
  }

  /** Ends the client: pending commands fail, subscriptions stop. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.connection.close(), this.subscriber?.close()]);
    this.handle.release();
  }

  /** Alias of close(), as ioredis names it. */
  quit(): Promise<void> {
    return this.close();
  }
}

addCommandMethods(RedliteClient.prototype);

// The methods added above, typed from the command table.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RedliteClient extends ClientCommands {}

export type { Wire };
