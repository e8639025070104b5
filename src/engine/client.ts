/**
 * One connection's state inside the engine: its database, protocol, name,
 * transaction, subscriptions and blocking state. Hosts (the RESP server, the
 * worker, a follower tab's forwarding) create one per connection and give it a
 * sink for the replies the engine sends later: unblocked commands and pushes.
 */
import type { Command } from './command.js';
import type { Db } from './db.js';
import type { Engine } from './engine.js';
import type { Reply } from './reply.js';

export interface ClientSink {
  /** A reply to a command that had blocked (BLPOP …), in order. */
  reply(reply: Reply): void;
  /** An out-of-band message: pub/sub, keyspace events, subscribe confirmations (a PushReply: see pubsub.ts). */
  push(reply: Reply): void;
  /** The engine asks the host to close the connection (CLIENT KILL, QUIT). */
  close?(): void;
  /** Bytes of the connection's query buffer, for CLIENT LIST qbuf (hosts that have one). */
  queryBuffer?(): number;
}

export interface QueuedCommand {
  cmd: Command;
  argv: string[];
}

export class Client {
  name = '';
  resp: 2 | 3 = 2;
  db: Db;
  authenticated: boolean;
  /** CLIENT REPLY: 'on', 'off', 'skip' (this command's reply), 'skip-next' (set by CLIENT REPLY SKIP). */
  replyMode: 'on' | 'off' | 'skip' | 'skip-next' = 'on';
  /** MULTI queue, or null outside a transaction. */
  multi: QueuedCommand[] | null = null;
  /** A command failed to queue: EXEC answers EXECABORT. */
  multiFailed = false;
  /** A watched key changed: EXEC answers nil. */
  dirtyCas = false;
  /** WATCHed keys as (db, key). */
  readonly watched: { db: Db; key: string; /** already expired when watched (watch.ts) */ expired: boolean }[] = [];
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  readonly shardChannels = new Set<string>();
  /** Set while the client waits in a blocking command. */
  blocked: unknown = null;
  /** CLIENT NO-EVICT, kept for CLIENT INFO's flags. */
  noEvict = false;
  readonly createdAt: number;
  lastInteraction: number;
  lastCommand = 'NULL';
  closed = false;
  /** Connection details for CLIENT LIST, supplied by the host. */
  addr = '';
  laddr = '';
  fd = -1;
  /** Library name and version (CLIENT SETINFO is 7.2; HELLO SETNAME sets name). */
  libName = '';
  libVer = '';

  constructor(
    readonly engine: Engine,
    readonly id: number,
    readonly sink: ClientSink,
  ) {
    this.db = engine.dbs[0];
    this.authenticated = !engine.config.requirepass;
    this.createdAt = engine.clock();
    this.lastInteraction = this.createdAt;
  }

  get subscriptionCount(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }

  /** RESP2 clients in subscribed mode may only run (un)subscribe, PING, QUIT, RESET. */
  get inPubSubMode(): boolean {
    return this.resp === 2 && this.subscriptionCount > 0;
  }
}
