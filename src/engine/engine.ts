/**
 * The engine: 16 keyspaces, the clients, and `execute(client, argv)`, which runs
 * one command synchronously and returns its reply. Pure TypeScript — no DOM, no
 * Node API — so the Web Worker, the Node in-process client and the RESP server
 * all host the same thing.
 *
 * Dispatch follows Redis's processCommand: look up, check arity, auth, the
 * pub/sub context, queue inside MULTI, then call. Around the call the engine
 * keeps the command's time frozen, counts statistics, collects effects (what a
 * write propagates: principle 4), and afterwards serves clients blocked on
 * keys that became ready.
 */
import { Blocking, type BlockedState } from './blocking.js';
import { BLOCKED, commandKeys, type Command, type HandlerResult } from './command.js';
import { Client, type ClientSink } from './client.js';
import { SlowLog } from './command-log.js';
import { COMMANDS } from './commands/index.js';
import { abortExec } from './commands/transaction.js';
import { Config } from './config.js';
import { Db, type Value } from './db.js';
import { classBit, KEYEVENT, KEYSPACE, type NotifyClass } from './notify.js';
import { PubSub } from './pubsub.js';
import { touchWatchedKey } from './watch.js';
import { newHostInfo, type HostInfo } from './info.js';
import { Err, ErrorReply, OK, PushReply, QUEUED, type Reply } from './reply.js';

/** A write as it is propagated: the database it ran in and its argv. */
export interface Effect {
  db: number;
  argv: string[];
}

export interface EngineOptions {
  /** Wall clock in ms since the epoch (default Date.now). Tests inject their own. */
  clock?: () => number;
  /** Random numbers in [0, 1) (default Math.random), for RANDOMKEY, SPOP … */
  random?: () => number;
  /** Initial settings, as CONFIG SET would take them. */
  config?: Record<string, string | number | boolean>;
  /** Run the active expiry cycle on a timer (default true). */
  activeExpiry?: boolean;
  /**
   * A script still running after this many ms (never before busy-reply-threshold)
   * is stopped with an error: there is no operator to send SCRIPT KILL to an
   * embedded store. 0 never stops it, as Redis. Default 5000.
   */
  scriptTimeLimit?: number;
  /** Where redis.log and server messages go. */
  log?: (level: 'debug' | 'verbose' | 'notice' | 'warning', message: string) => void;
  /**
   * SHUTDOWN asks the host to stop (redlite-server exits), saving first unless
   * 'nosave' ('default': as configured); without it SHUTDOWN fails.
   */
  onShutdown?: (mode: 'save' | 'nosave' | 'default') => void;
  /** What only the host knows, for INFO (process, network and memory figures). */
  host?: HostInfo;
}

/**
 * How a command's run ended, for observers: it ran, it blocked, or (re-run) a
 * blocked command was served at last.
 */
export type CommandOutcome = 'ran' | 'blocked' | 'unblocked';

/** Sees each command once it ran (MONITOR, SLOWLOG, the playground's command log), nested ones (EXEC, scripts) included. */
export type CommandObserver = (client: Client, argv: string[], dbId: number, cmd: Command, usec: number, outcome: CommandOutcome) => void;

/** What persistence offers the commands that drive it. */
export interface PersistenceHost {
  /** Writes a snapshot in the background; resolves when it is committed. */
  snapshot(): Promise<void>;
  readonly snapshotInProgress: boolean;
  /** When the last snapshot was committed (ms since the epoch). */
  readonly lastSave: number;
  /** Fields for INFO persistence. */
  info(): Record<string, string | number>;
}

export interface CommandStats {
  calls: number;
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
}

const ALLOWED_IN_PUBSUB = new Set(['subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'ping', 'quit', 'reset']);
const RUN_INSIDE_MULTI = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Write commands that may change keys beyond their key arguments, in other databases or all of them. */
const SPANS_DATABASES = new Set(['flushall', 'flushdb', 'swapdb', 'move', 'copy']);
/** Active expiry: keys checked per round, and the time one cycle may take. */
const EXPIRE_KEYS_PER_ROUND = 20;
const EXPIRE_CYCLE_BUDGET_MS = 5;
/** The longest delay setTimeout takes. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Effects of a command that replaced its own propagation with nothing. */
const NO_EFFECTS: string[][] = [];
/** 2020-01-01 in seconds since 1970 (a whole minute, so LRU minutes fall where Redis's do). */
const LRU_EPOCH = 1_577_836_800;

export class Engine {
  readonly config: Config;
  readonly dbs: Db[];
  readonly clients = new Map<number, Client>();
  readonly pubsub = new PubSub();
  readonly blocking = new Blocking();
  readonly commands: ReadonlyMap<string, Command> = COMMANDS;
  readonly clock: () => number;
  readonly random: () => number;
  readonly log: NonNullable<EngineOptions['log']>;
  readonly startedAt: number;
  /** See EngineOptions.scriptTimeLimit; hosts may change it at any time. */
  scriptTimeLimit: number;

  /** The current command's time (ms): frozen while a command, EXEC or script runs. */
  time: number;

  /**
   * Redis's LRU clock: the time in whole seconds, what a key's `lru` records.
   * Counted from 2020 so that it stays a small integer, which an entry holds
   * without a boxed number: one heap object fewer per key, so a million keys
   * load faster and cost the garbage collector less.
   */
  get lruClock(): number {
    return Math.floor(this.time / 1000) - LRU_EPOCH;
  }
  /** Changes since the last save (INFO rdb_changes_since_last_save). */
  dirty = 0;
  readonly stats = {
    connectionsReceived: 0,
    commandsProcessed: 0,
    expiredKeys: 0,
    expiredStalePerc: 0,
    keyspaceHits: 0,
    keyspaceMisses: 0,
    pubsubMessages: 0,
    rejectedCalls: 0,
    errorReplies: 0,
    errorCounts: new Map<string, number>(),
    commands: new Map<string, CommandStats>(),
  };

  /** Depth of EXEC / script execution: blocking commands do not block inside. */
  nesting = 0;
  /**
   * Set while a script that ran past busy-reply-threshold is suspended between
   * slices of its work (Redis's busy state): commands without allow_busy get
   * this error, and nothing else touches the data — no active expiry, no
   * serving of blocked clients, no flushing of effects — so the script stays
   * atomic. The script ends through `complete`.
   */
  busy: ErrorReply | null = null;
  /** Command observers: MONITOR, SLOWLOG, the playground's command log. */
  readonly monitors = new Set<CommandObserver>();
  readonly onShutdown: EngineOptions['onShutdown'];
  readonly host: HostInfo;
  readonly slowlog: SlowLog;
  /**
   * Called before a write command runs, with the keys it names (null: it may
   * touch any key). Persistence uses it to save a key's old value first while
   * a snapshot is being written.
   */
  beforeWrite: ((db: Db, keys: string[] | null) => void) | null = null;
  /** While set, write commands are refused with this error (storage failures: MISCONF). */
  writesRefused: ErrorReply | null = null;
  /** The store's persistence, when a host keeps one (SAVE, BGSAVE, LASTSAVE, INFO persistence). */
  persistence: PersistenceHost | null = null;
  /** Receives each atomic batch of effects: persistence appends it, a replica would replay it. */
  readonly effectListeners = new Set<(batch: Effect[]) => void>();

  private nextClientId = 1;
  private effects: Effect[] = [];
  private rewritten: string[][] | null = null;
  /** The command being executed (innermost), for `block`. */
  private runningCmd: Command | null = null;
  private runningArgv: string[] | null = null;
  private readonly quitCommand = this.commands.get('quit');
  /** Command names as clients spell them ('SET', 'Get' …), resolved once. */
  private readonly spellings = new Map<string, Command>();
  private retryingBlocked = false;
  private expiryTimer: ReturnType<typeof setInterval> | null = null;
  private readonly expiryCursor: { db: number; iter: Iterator<string> | null } = { db: 0, iter: null };

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? (() => {});
    this.scriptTimeLimit = options.scriptTimeLimit ?? 5000;
    this.onShutdown = options.onShutdown;
    this.host = options.host ?? newHostInfo();
    this.config = new Config(options.config);
    this.slowlog = new SlowLog(this.config);
    this.monitors.add(this.slowlog.observe);
    const databases = this.config.int('databases');
    this.dbs = Array.from({ length: databases }, (_, i) => new Db(i, this));
    this.time = this.clock();
    this.startedAt = this.time;
    if (options.activeExpiry !== false) this.startActiveExpiry();
    this.config.onChange = (name) => {
      if (name === 'hz' && this.expiryTimer) this.startActiveExpiry();
    };
  }

  /** A new connection. The sink receives replies to blocked commands and pushes. */
  connect(sink: ClientSink): Client {
    const client = new Client(this, this.nextClientId++, sink);
    this.clients.set(client.id, client);
    this.stats.connectionsReceived++;
    return client;
  }

  /** A connection is gone: release its subscriptions, watches and blocking. */
  disconnect(client: Client): void {
    if (client.closed) return;
    client.closed = true;
    this.blocking.remove(client);
    this.pubsub.removeClient(client);
    this.unwatchAll(client);
    this.clients.delete(client.id);
  }

  /**
   * Runs one command for a client. Returns its reply, or undefined when there is
   * none to send now: the client blocked (the reply comes through its sink
   * later) or it turned replies off (CLIENT REPLY).
   */
  execute(client: Client, argv: string[]): Reply | undefined {
    this.time = this.clock();
    client.lastInteraction = this.time;
    const reply = this.process(client, argv);
    this.afterCommand();
    if (reply === BLOCKED) return undefined;
    return this.applyReplyMode(client, reply);
  }

  /**
   * For hosts, before `execute`: a promise to await when the command needs a
   * runtime that loads on first use (scripting loads fengari through a dynamic
   * import), or null when it can run now. The promise never rejects.
   */
  prepare(argv: string[]): Promise<void> | null {
    // On every command's path: only name lookups, no arity checks or allocation.
    const cmd = this.resolveName(argv[0]);
    if (!cmd) return null;
    const target = cmd.subcommands && argv.length > 1 ? cmd.subcommands.get(argv[1].toLowerCase()) : cmd;
    return target?.prepare ? target.prepare() : null;
  }

  /** Ends a command that suspended itself (a busy script): sends its reply, then does what follows any command. */
  complete(client: Client, reply: Reply): void {
    this.deliverReply(client, reply);
    this.afterCommand();
  }

  /** Runs a command inside EXEC or a script: no blocking, no queueing, no flush of effects. */
  call(client: Client, cmd: Command, argv: string[]): Reply {
    this.nesting++;
    try {
      const reply = this.invoke(client, cmd, argv);
      return reply === BLOCKED ? null : reply;
    } finally {
      this.nesting--;
    }
  }

  /** Finds a command (and subcommand) for an argv, or the error Redis would give. */
  lookup(argv: string[]): Command | ErrorReply {
    const cmd = this.resolveName(argv[0]);
    if (!cmd) return unknownCommand(argv);
    if (!cmd.subcommands) return checkArity(cmd, argv);
    if (argv.length === 1) return Err.arity(cmd.name);
    const sub = cmd.subcommands.get(argv[1].toLowerCase());
    if (!sub) return Err.unknownSubcommand(truncate(argv[1], 128), cmd.name);
    return checkArity(sub, argv);
  }

  /** A command by name in any letter case; spellings seen are remembered (a bounded few). */
  private resolveName(name: string): Command | undefined {
    const known = this.spellings.get(name);
    if (known) return known;
    const cmd = this.commands.get(name.toLowerCase());
    if (cmd && this.spellings.size < 1024) this.spellings.set(name, cmd);
    return cmd;
  }

  private process(client: Client, argv: string[]): HandlerResult {
    const cmd = this.lookup(argv);
    if (cmd === this.quitCommand) {
      // Redis answers QUIT before any other check, even inside MULTI.
      queueMicrotask(() => client.sink.close?.());
      return OK;
    }
    if (cmd instanceof ErrorReply) {
      // A malformed call of a known command still counts against it (rejected_calls, CLIENT LIST cmd=).
      const named = this.named(argv);
      client.lastCommand = named?.name ?? 'NULL';
      return this.reject(client, cmd, named);
    }
    client.lastCommand = cmd.name;
    if (!client.authenticated && this.config.requirepass !== '' && !cmd.flags.has('no_auth')) {
      return this.reject(client, new ErrorReply('NOAUTH Authentication required.'), cmd);
    }
    if (client.inPubSubMode && !ALLOWED_IN_PUBSUB.has(cmd.name)) {
      return this.reject(client, new ErrorReply(`ERR Can't execute '${cmd.name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`), cmd);
    }
    if (this.busy !== null && !cmd.flags.has('allow_busy')) return this.reject(client, this.busy, cmd);
    if (client.multi !== null && !RUN_INSIDE_MULTI.has(cmd.name)) {
      if (cmd.flags.has('no_multi')) {
        return this.reject(client, new ErrorReply('ERR Command not allowed inside a transaction'), cmd);
      }
      client.multi.push({ cmd, argv });
      return QUEUED;
    }
    return this.invoke(client, cmd, argv);
  }

  /** The command (or subcommand) an argv names, whatever its arity; null if none. */
  private named(argv: string[]): Command | null {
    const cmd = this.resolveName(argv[0]);
    if (!cmd?.subcommands || argv.length === 1) return cmd ?? null;
    return cmd.subcommands.get(argv[1].toLowerCase()) ?? null;
  }

  /** A command refused before it ran: counted, and it spoils an open MULTI. */
  private reject(client: Client, error: ErrorReply, cmd: Command | null): ErrorReply {
    if (client.multi !== null) client.multiFailed = true;
    if (cmd?.name === 'exec') error = abortExec(client, error);
    this.stats.rejectedCalls++;
    if (cmd) this.commandStats(cmd.name).rejectedCalls++;
    this.countError(error);
    return error;
  }

  /** Calls a handler: statistics, errors as replies, and the command's effects. */
  private invoke(client: Client, cmd: Command, argv: string[]): HandlerResult {
    if (cmd.isWrite) {
      if (this.writesRefused) return this.writesRefused;
      if (this.beforeWrite) this.beforeWrite(client.db, SPANS_DATABASES.has(cmd.name) ? null : commandKeys(cmd, argv).map((i) => argv[i]));
    }
    const dirtyBefore = this.dirty;
    const dbId = client.db.id;
    const outerRewrite = this.rewritten;
    const outerCmd = this.runningCmd;
    const outerArgv = this.runningArgv;
    this.rewritten = null;
    this.runningCmd = cmd;
    this.runningArgv = argv;
    const started = performance.now();
    let reply: HandlerResult;
    try {
      reply = cmd.run!(client, argv);
    } catch (e) {
      reply = e instanceof ErrorReply ? e : this.internalError(cmd, e);
    } finally {
      this.runningCmd = outerCmd;
      this.runningArgv = outerArgv;
    }
    const usec = Math.round((performance.now() - started) * 1000);
    const stats = this.commandStats(cmd.name);
    if (reply !== BLOCKED) {
      stats.calls++;
      stats.usec += usec;
      this.stats.commandsProcessed++;
    }
    if (this.monitors.size > 0 && !(this.retryingBlocked && reply === BLOCKED)) {
      const outcome = this.retryingBlocked ? 'unblocked' : reply === BLOCKED ? 'blocked' : 'ran';
      for (const observe of this.monitors) observe(client, argv, client.db.id, cmd, usec, outcome);
    }
    if (reply instanceof ErrorReply) {
      stats.failedCalls++;
      this.countError(reply);
    }
    if (this.dirty !== dirtyBefore && this.effectListeners.size > 0 && (cmd.isWrite || cmd.flags.has('may_replicate'))) {
      for (const effect of this.rewritten ?? [argv]) this.effects.push({ db: dbId, argv: effect });
    }
    this.rewritten = outerRewrite;
    return reply;
  }

  /**
   * After a top-level command: hand its effects to persistence, then serve
   * blocked clients, each served waiter's effects a batch of its own (as Redis
   * propagates a served BLPOP apart from the push that fed it).
   */
  private afterCommand(): void {
    if (this.busy !== null) return;
    if (this.effects.length > 0) this.flushEffects();
    if (this.blocking.hasReady) this.serveBlocked();
  }

  private serveBlocked(): void {
    this.blocking.drainReady((client) => {
      const state = client.blocked as import('./blocking.js').BlockedState;
      const prevDb = client.db;
      client.db = state.db;
      this.retryingBlocked = true;
      let reply: HandlerResult;
      try {
        reply = this.invoke(client, state.cmd, state.argv);
      } finally {
        this.retryingBlocked = false;
        client.db = prevDb;
      }
      // Redis 7.0 serves a waiter only from a key of the type it waits for:
      // a key replaced by another type leaves it blocked.
      if (reply === BLOCKED || (reply instanceof ErrorReply && reply.code === 'WRONGTYPE')) return;
      this.blocking.remove(client);
      this.deliverReply(client, reply);
      if (this.effects.length > 0) this.flushEffects();
    });
  }

  private flushEffects(): void {
    const batch = this.effects;
    this.effects = [];
    for (const listener of this.effectListeners) listener(batch);
  }

  private deliverReply(client: Client, reply: Reply): void {
    const out = this.applyReplyMode(client, reply);
    if (out !== undefined) client.sink.reply(out);
  }

  /**
   * CLIENT REPLY OFF / SKIP suppress replies, but not pushes (a (un)subscribe
   * confirmation, as Redis's CLIENT_PUSHING); the mode is read after the command ran.
   */
  private applyReplyMode(client: Client, reply: Reply): Reply | undefined {
    switch (client.replyMode) {
      case 'on':
        return reply;
      case 'off':
        return reply instanceof PushReply ? reply : undefined;
      case 'skip':
        client.replyMode = 'on';
        return reply instanceof PushReply ? reply : undefined;
      case 'skip-next':
        client.replyMode = 'skip';
        return undefined;
    }
  }

  // ——— Services for command handlers ———

  /**
   * Blocks the client on keys until one is signalled ready or the timeout (ms,
   * 0 = for ever) passes. Inside EXEC or a script, answers the timeout reply at once.
   * `context` is kept in the blocked state for the re-runs to read.
   */
  block(client: Client, keys: string[], timeoutMs: number, timeoutReply: Reply, context?: unknown): HandlerResult {
    if (this.nesting > 0) return timeoutReply;
    if (this.retryingBlocked) return BLOCKED;
    const cmd = this.runningCmd!;
    const argv = this.runningArgv!;
    const state: BlockedState = { db: client.db, keys, cmd, argv, timeoutReply, timer: null, context };
    if (timeoutMs > 0) this.armTimeout(client, state, timeoutMs);
    this.blocking.add(client, state);
    return BLOCKED;
  }

  /** setTimeout holds at most 2^31-1 ms (under 25 days; longer fires at once): longer waits re-arm. */
  private armTimeout(client: Client, state: BlockedState, ms: number): void {
    state.timer = setTimeout(() => {
      if (client.blocked !== state) return;
      if (ms > MAX_TIMER_MS) return this.armTimeout(client, state, ms - MAX_TIMER_MS);
      this.blocking.remove(client);
      this.deliverReply(client, state.timeoutReply);
    }, Math.min(ms, MAX_TIMER_MS));
  }

  /** Ends a client's blocking with a reply (CLIENT UNBLOCK). */
  unblock(client: Client, reply: Reply): boolean {
    if (!this.blocking.remove(client)) return false;
    this.deliverReply(client, reply);
    return true;
  }

  /** Replaces what the running command propagates: zero or more commands. */
  rewriteEffects(...commands: string[][]): void {
    this.rewritten = commands.length ? commands : NO_EFFECTS;
  }

  /** Appends an effect now (expired keys' DEL, side writes). */
  propagate(db: number, argv: string[]): void {
    if (this.effectListeners.size > 0) this.effects.push({ db, argv });
  }

  /** Publishes a keyspace event if the configured classes include it. */
  notify(event: string, cls: NotifyClass, key: string, dbId: number): void {
    const flags = this.config.get('notify-keyspace-events') as number;
    if (!(flags & classBit(cls))) return;
    if (flags & KEYSPACE) this.publish(`__keyspace@${dbId}__:${key}`, event);
    if (flags & KEYEVENT) this.publish(`__keyevent@${dbId}__:${event}`, key);
  }

  /** PUBLISH through the registry, counted for INFO stats. */
  publish(channel: string, message: string): number {
    this.stats.pubsubMessages++;
    return this.pubsub.publish(channel, message);
  }

  /** Keys may only expire when the engine is not replaying its own effects. */
  expireAllowed(): boolean {
    return true;
  }

  /** Called by Db for every change to a key: WATCH, blocked clients, the dirty counter. */
  keyModified(db: Db, key: string): void {
    this.dirty++;
    if (db.watchers.size > 0) touchWatchedKey(db, key);
    this.blocking.signal(db, key);
  }

  /** Called by Db when a key is created. */
  keyAdded(db: Db, key: string, _value: Value): void {
    this.notifyNew(db, key);
  }

  private notifyNew(db: Db, key: string): void {
    this.notify('new', 'n', key, db.id);
  }

  /** WATCH bookkeeping shared by UNWATCH, EXEC, DISCARD, RESET and disconnects. */
  unwatchAll(client: Client): void {
    for (const { db, key } of client.watched) {
      const set = db.watchers.get(key);
      if (!set) continue;
      set.delete(client);
      if (set.size === 0) db.watchers.delete(key);
    }
    client.watched.length = 0;
    client.dirtyCas = false;
  }

  commandStats(name: string): CommandStats {
    let s = this.stats.commands.get(name);
    if (!s) this.stats.commands.set(name, (s = { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 }));
    return s;
  }

  /**
   * A handler threw something other than an error reply: a bug, or a limit of
   * the JS engine (an array or string too large). The store must answer and go
   * on serving, as Redis never lets bad input crash it: the client gets an
   * error reply and the host's log the details.
   */
  private internalError(cmd: Command, error: unknown): ErrorReply {
    const message = error instanceof Error ? error.message : String(error);
    this.log('warning', `${cmd.name} failed: ${error instanceof Error ? error.stack : message}`);
    return new ErrorReply(`ERR ${error instanceof RangeError ? 'reply or value too large' : 'internal error'} (${message.replace(/[\r\n]+/g, ' ')})`);
  }

  private countError(error: ErrorReply): void {
    this.stats.errorReplies++;
    const code = error.code;
    this.stats.errorCounts.set(code, (this.stats.errorCounts.get(code) ?? 0) + 1);
  }

  // ——— Active expiry ———

  private startActiveExpiry(): void {
    if (this.expiryTimer) clearInterval(this.expiryTimer);
    const hz = this.config.int('hz');
    this.expiryTimer = setInterval(() => this.activeExpireCycle(EXPIRE_CYCLE_BUDGET_MS), 1000 / hz);
    (this.expiryTimer as { unref?: () => void }).unref?.();
  }

  /**
   * Redis's active expiry: per database, check volatile keys in rounds of 20 and
   * move on when a round finds under 10% expired, all within `budgetMs`. Redis
   * samples at random; a resumable walk of each database's volatile keys gives
   * the same bound on work per cycle and reaches every key in turn.
   */
  activeExpireCycle(budgetMs: number): number {
    if (this.busy !== null) return 0;
    const deadline = performance.now() + budgetMs;
    this.time = this.clock();
    let expired = 0;
    const cursor = this.expiryCursor;
    for (let dbsVisited = 0; dbsVisited < this.dbs.length && performance.now() < deadline; dbsVisited++) {
      const db = this.dbs[cursor.db];
      for (let round = true; round && db.volatile.size > 0 && performance.now() < deadline; ) {
        cursor.iter ??= db.volatile.values();
        let inRound = 0;
        for (let checked = 0; checked < EXPIRE_KEYS_PER_ROUND; checked++) {
          const next = cursor.iter.next();
          if (next.done) {
            cursor.iter = null;
            round = false;
            break;
          }
          const entry = db.data.get(next.value);
          if (entry && entry.expireAt !== 0 && entry.expireAt <= this.time) {
            db.expire(next.value);
            inRound++;
          }
        }
        expired += inRound;
        if (inRound * 10 < EXPIRE_KEYS_PER_ROUND) round = false;
      }
      if (cursor.iter === null || performance.now() < deadline) {
        cursor.db = (cursor.db + 1) % this.dbs.length;
        cursor.iter = null;
      }
    }
    this.afterCommand();
    return expired;
  }

  /** Stops timers; the engine can be dropped afterwards. */
  close(): void {
    if (this.expiryTimer) clearInterval(this.expiryTimer);
    this.expiryTimer = null;
    for (const client of [...this.clients.values()]) this.disconnect(client);
  }
}

function checkArity(cmd: Command, argv: string[]): Command | ErrorReply {
  const n = argv.length;
  if ((cmd.arity > 0 && n !== cmd.arity) || n < -cmd.arity) return Err.arity(cmd.name);
  return cmd;
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) : s;
}

/** Redis 7's message names the command and the start of its arguments. */
function unknownCommand(argv: string[]): ErrorReply {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${truncate(argv[i], 128 - args.length)}' `;
  }
  return new ErrorReply(`ERR unknown command '${truncate(argv[0], 128)}', with args beginning with: ${args}`);
}
