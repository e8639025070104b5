/**
 * One tab's view of a shared store: the HostApi its worker exposes to the
 * page. Every tab's page campaigns for the store's Web Lock (leadership.ts);
 * the holder's worker leads (runs the engine, loaded from IndexedDB) and the
 * others forward their requests to it over the BroadcastChannel. When the
 * leader's tab goes, the lock passes to another tab, which loads the store and
 * announces itself; followers re-send what was unanswered, after restoring
 * each connection's state (database, subscriptions, name) — the leader
 * de-duplicates by request id.
 *
 * No timers and no polling: the lock says who leads, the channel says the rest,
 * and each tab's own lock tells the leader when a tab is gone.
 */
import { interchange, type HostStore } from '../worker/host.js';
import { packBatch, packReplies, unpackBatch, unpackReplies } from '../worker/packing.js';
import type { HostApi, Leadership, OpenReport, Push, Role, StoreOptions, Wire } from '../worker/protocol.js';
import { LeaderService } from './leader.js';
import { channelName, tabLock, type StoreCall, type TabMessage } from './protocol.js';

interface Request {
  conn: number;
  batch: string[][];
  resolve(replies: Wire[]): void;
}

/** What a connection carries that a new leader must be told again. */
class ConnectionState {
  db = 0;
  name = '';
  readonly subscriptions = { subscribe: new Set<string>(), psubscribe: new Set<string>(), ssubscribe: new Set<string>() };
  watching = false;
  /** A WATCH died with the old leader: the next EXEC must fail as if a key changed. */
  watchLost = false;

  constructor(readonly onPush: (messages: Push[]) => void) {}

  /** Follows what a batch did to the connection, from its commands and replies. */
  track(batch: string[][], replies: Wire[]): void {
    batch.forEach((argv, i) => {
      const reply = replies[i];
      if (reply !== null && typeof reply === 'object' && 'err' in reply) return;
      const name = argv[0].toLowerCase();
      if (name === 'select') this.db = Number(argv[1]);
      else if (name === 'client' && argv[1]?.toLowerCase() === 'setname') this.name = argv[2];
      else if (name === 'watch') this.watching = true;
      else if (name === 'unwatch' || name === 'exec' || name === 'discard') this.watching = false;
      else if (name === 'reset') {
        this.db = 0;
        this.name = '';
        this.watching = false;
        for (const set of Object.values(this.subscriptions)) set.clear();
      } else if (name in this.subscriptions) {
        for (const channel of argv.slice(1)) this.subscriptions[name as keyof ConnectionState['subscriptions']].add(channel);
      } else if (name === 'unsubscribe' || name === 'punsubscribe' || name === 'sunsubscribe') {
        const set = this.subscriptions[name.replace('un', '') as keyof ConnectionState['subscriptions']];
        if (argv.length === 1) set.clear();
        else for (const channel of argv.slice(1)) set.delete(channel);
      }
    });
  }

  /** The commands that rebuild this state on a new leader, or null when it is the default. */
  restore(): string[][] | null {
    const batch: string[][] = [];
    if (this.db !== 0) batch.push(['select', String(this.db)]);
    if (this.name) batch.push(['client', 'setname', this.name]);
    for (const [command, set] of Object.entries(this.subscriptions)) if (set.size > 0) batch.push([command, ...set]);
    if (this.watching) {
      this.watching = false;
      this.watchLost = true;
    }
    return batch.length > 0 ? batch : null;
  }
}

export class TabHost implements HostApi, Leadership {
  readonly tab = crypto.randomUUID();
  private readonly channel: BroadcastChannel;
  private leaderTab: string | null = null;
  private service: LeaderService | null = null;
  private store: HostStore | null = null;
  /** Counts calls to lead and step down: a load that finds the count moved on serves nothing. */
  private leadership = 0;
  /** The epoch of the newest leader heard of (see the 'leader' message). */
  private leaderEpoch = 0;
  private options: StoreOptions | null = null;
  private report: OpenReport | null = null;
  private readonly opened: Promise<OpenReport>;
  private resolveOpened!: (report: OpenReport) => void;
  private nextConnection = 1;
  private nextRequest = 1;
  private readonly connections = new Map<number, ConnectionState>();
  private readonly pending = new Map<string, Request>();
  private readonly roleListeners = new Set<(role: Role) => void>();
  /** Whole-store calls (export, import) waiting for the leader, by request id. */
  private readonly calls = new Map<string, { method: StoreCall; bytes?: Uint8Array; settle(result: unknown, error?: string): void; progress?(f: number): void }>();
  private readonly watchedTabs = new Set<string>();

  constructor(
    private readonly name: string,
    private readonly makeStore: () => HostStore,
  ) {
    this.opened = new Promise((resolve) => (this.resolveOpened = resolve));
    // Listen before anything is awaited: no message may slip by.
    this.channel = new BroadcastChannel(channelName(name));
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => this.receive(event.data);
    // Held for this tab's whole life: the leader takes it to learn the tab is gone.
    void navigator.locks.request(tabLock(name, this.tab), () => new Promise<void>(() => {}));
  }

  get role(): Role {
    return this.service ? 'leader' : 'follower';
  }

  open(options: StoreOptions): Promise<OpenReport> {
    if (!this.options) {
      this.options = options;
      this.post({ type: 'who', from: this.tab });
    }
    return this.opened;
  }

  onRole(listener: (role: Role) => void): Role {
    this.roleListeners.add(listener);
    return this.role;
  }

  // ——— Leading ———

  /** The page holds the store's lock (it campaigns: src/tabs/leadership.ts): load the store and lead. */
  async lead(): Promise<void> {
    // The page opens the store before it campaigns: the options are known.
    if (this.store || !this.options) return;
    const attempt = ++this.leadership;
    const store = this.makeStore();
    const report = await store.open(this.options);
    // The page let go while the store loaded (it is being frozen), or asked again since: serve nothing.
    if (attempt !== this.leadership) return store.handOver();
    this.store = store;
    this.service = new LeaderService(
      store,
      (tab, conn, messages) => {
        if (tab === this.tab) this.connections.get(conn)?.onPush(messages);
        else this.post({ type: 'push', to: tab, conn, messages });
      },
      () => this.superseded(),
    );
    this.leaderEpoch = store.epoch;
    this.follow(this.tab, report);
    this.post({ type: 'leader', from: this.tab, report, epoch: store.epoch });
  }

  /**
   * The page has let go of the lock (it is being frozen or put in the
   * back/forward cache, and this worker with it): stop at once. What is
   * pending is committed in a transaction started now, which the next leader's
   * load comes after; the store's epochs fence off anything later. Requests
   * this leader had not answered are re-sent to the next one, which finds in
   * the log the writes they made.
   */
  stepDown(): void {
    this.leadership++;
    this.resign()?.handOver();
  }

  /** Another tab leads now (this tab's page was frozen and woke late): let go, and find it. */
  private superseded(): void {
    void this.resign()?.close();
    this.post({ type: 'who', from: this.tab });
  }

  /** Stops leading: this tab's worker no longer serves or answers. Returns the store to let go of. */
  private resign(): HostStore | null {
    const { store, service } = this;
    if (!store || !service) return null;
    this.service = null;
    this.store = null;
    this.leaderTab = null;
    service.close();
    this.emitRole();
    return store;
  }

  rejoin(): void {
    this.post({ type: 'who', from: this.tab });
  }

  // ——— Requests ———

  connect(onPush: (messages: Push[]) => void): number {
    const conn = this.nextConnection++;
    this.connections.set(conn, new ConnectionState(onPush));
    return conn;
  }

  async exec(conn: number, batch: string[][]): Promise<Wire[]> {
    const state = this.connections.get(conn);
    if (!state) return batch.map(() => ({ err: 'ERR connection is closed' }));
    // A WATCH lost in a leader change: fail the EXEC as if a watched key had changed.
    const lostExec = state.watchLost ? batch.findIndex((argv) => argv[0].toLowerCase() === 'exec') : -1;
    const sent = lostExec < 0 ? batch : batch.map((argv, i) => (i === lostExec ? ['discard'] : argv));
    if (lostExec >= 0) state.watchLost = false;
    const replies = await this.request(conn, sent);
    state.track(batch, replies);
    if (lostExec >= 0) replies[lostExec] = null;
    return replies;
  }

  private request(conn: number, batch: string[][]): Promise<Wire[]> {
    const req = `${this.tab}:${this.nextRequest++}`;
    return new Promise((resolve) => {
      this.pending.set(req, { conn, batch, resolve });
      this.dispatch(req);
    });
  }

  /** Sends a request to whoever leads; with no leader yet, it waits for one. */
  private dispatch(req: string): void {
    const r = this.pending.get(req)!;
    if (this.service) {
      void this.service.serve(this.tab, r.conn, req, r.batch).then((replies) => replies && this.settle(req, replies));
    } else if (this.leaderTab) {
      this.post({ type: 'exec', to: this.leaderTab, from: this.tab, conn: r.conn, req, batch: packBatch(r.batch) });
    }
  }

  private settle(req: string, replies: Wire[]): void {
    const r = this.pending.get(req);
    if (!r) return;
    this.pending.delete(req);
    r.resolve(replies);
  }

  disconnect(conn: number): void {
    this.connections.delete(conn);
    if (this.service) this.service.drop(this.tab, conn);
    else if (this.leaderTab) this.post({ type: 'close', to: this.leaderTab, from: this.tab, conn });
  }

  async flush(): Promise<void> {
    await this.store?.flush();
  }

  exportRdb(): Promise<Uint8Array> {
    return this.call('exportRdb') as Promise<Uint8Array>;
  }

  exportCommands(): Promise<string> {
    return this.call('exportCommands') as Promise<string>;
  }

  importRdb(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<{ keys: number }> {
    return this.call('importRdb', bytes, onProgress) as Promise<{ keys: number }>;
  }

  /** Runs a whole-store operation where the store is: here when leading, else on the leader. */
  private call(method: StoreCall, bytes?: Uint8Array, progress?: (f: number) => void): Promise<unknown> {
    const req = `${this.tab}:${this.nextRequest++}`;
    return new Promise((resolve, reject) => {
      this.calls.set(req, { method, bytes, progress, settle: (result, error) => (error === undefined ? resolve(result) : reject(new Error(error))) });
      this.dispatchCall(req);
    });
  }

  private dispatchCall(req: string): void {
    const c = this.calls.get(req)!;
    if (this.service) {
      void this.runCall(c.method, c.bytes, c.progress).then(
        (result) => this.settleCall(req, result),
        (error: Error) => this.settleCall(req, undefined, error.message),
      );
    } else if (this.leaderTab) {
      this.post({ type: 'call', to: this.leaderTab, from: this.tab, req, method: c.method, bytes: c.bytes });
    }
  }

  private runCall(method: StoreCall, bytes?: Uint8Array, progress?: (f: number) => void): Promise<unknown> {
    const store = interchange(this.store!, async () => {});
    return method === 'importRdb' ? store.importRdb(bytes!, progress) : store[method]();
  }

  private settleCall(req: string, result: unknown, error?: string): void {
    const c = this.calls.get(req);
    if (!c) return;
    this.calls.delete(req);
    c.settle(result, error);
  }

  // ——— The channel ———

  private post(message: TabMessage): void {
    this.channel.postMessage(message);
  }

  private receive(message: TabMessage): void {
    switch (message.type) {
      case 'who':
        if (this.service) this.post({ type: 'leader', from: this.tab, report: this.report!, epoch: this.store!.epoch });
        break;
      case 'leader':
        if (message.from === this.leaderTab || message.epoch < this.leaderEpoch) break;
        // A newer leader: if this tab still thinks it leads, its page was frozen and woke late.
        if (this.service) void this.resign()?.close();
        this.leaderEpoch = message.epoch;
        this.follow(message.from, message.report);
        break;
      case 'exec':
        if (message.to !== this.tab || !this.service) break;
        this.watchTab(message.from);
        void this.service.serve(message.from, message.conn, message.req, unpackBatch(message.batch)).then(
          (replies) => replies && this.post({ type: 'replies', to: message.from, req: message.req, replies: packReplies(replies) }),
        );
        break;
      case 'replies':
        if (message.to === this.tab) this.settle(message.req, unpackReplies(message.replies));
        break;
      case 'push':
        if (message.to === this.tab) this.connections.get(message.conn)?.onPush(message.messages);
        break;
      case 'close':
        if (message.to === this.tab) this.service?.drop(message.from, message.conn);
        break;
      case 'call': {
        if (message.to !== this.tab || !this.service) break;
        const { from, req } = message;
        const progress = (fraction: number) => this.post({ type: 'progress', to: from, req, fraction });
        void this.runCall(message.method, message.bytes, progress).then(
          (result) => this.post({ type: 'called', to: from, req, result }),
          (error: Error) => this.post({ type: 'called', to: from, req, error: error.message }),
        );
        break;
      }
      case 'called':
        if (message.to === this.tab) this.settleCall(message.req, message.result, message.error);
        break;
      case 'progress':
        if (message.to === this.tab) this.calls.get(message.req)?.progress?.(message.fraction);
        break;
    }
  }

  /** A leader is known (another tab, or this one): restore connection state there, then re-send. */
  private follow(leader: string, report: OpenReport): void {
    const unanswered = [...this.pending.keys()];
    this.leaderTab = leader;
    this.report = report;
    this.resolveOpened(report);
    for (const [conn, state] of this.connections) {
      const restore = state.restore();
      if (restore) void this.request(conn, restore);
    }
    for (const req of unanswered) this.dispatch(req);
    for (const req of this.calls.keys()) this.dispatchCall(req);
    this.emitRole();
  }

  /** The leader closes a follower tab's connections once that tab's lock is free (it is gone). */
  private watchTab(tab: string): void {
    if (this.watchedTabs.has(tab)) return;
    this.watchedTabs.add(tab);
    void navigator.locks.request(tabLock(this.name, tab), () => {
      this.watchedTabs.delete(tab);
      this.service?.dropTab(tab);
    });
  }

  private emitRole(): void {
    for (const listener of this.roleListeners) listener(this.role);
  }
}
