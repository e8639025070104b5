/**
 * redlite over TCP: a RESP2/RESP3 server in front of one engine, so redis-cli,
 * redis-benchmark and any Redis client can use it.
 *
 * Each connection parses what arrives, runs every complete command, and writes
 * all of their replies in one socket write (pipelining). A blocked client stops
 * being served until its reply comes, as in Redis; a client that does not read
 * its replies stops being read until they drain. Malformed input gets Redis's
 * protocol error and the connection closes after it.
 */
import net from 'node:net';
import type { Client } from '../engine/client.js';
import { isMonitor } from '../engine/command-log.js';
import type { Engine } from '../engine/engine.js';
import type { Reply } from '../engine/reply.js';
import { encodeReply } from '../resp/encode.js';
import { ProtocolError, RequestParser } from '../resp/request.js';
import { nodeHostInfo } from './host.js';

/** How often idle clients are looked for when `timeout` is set. */
const IDLE_CHECK_MS = 1000;
/** Redis logs the cross-protocol attack warning at most once a minute. */
const SECURITY_LOG_INTERVAL_MS = 60_000;

/** ip:port, with brackets around IPv6 addresses as Redis prints them. */
function formatAddr(ip: string | undefined, port: number | undefined): string {
  const host = ip ?? '?';
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** State shared by a server's connections. */
interface ServerState {
  readonly engine: Engine;
  readonly connections: Set<Connection>;
  lastSecurityWarning: number;
}

class Connection {
  readonly client: Client;
  private readonly parser: RequestParser;
  private readonly engine: Engine;
  /** Replies produced while processing, written together. */
  private out = '';
  private pumping = false;
  private closing = false;
  /** A command waiting for its runtime to load (EVAL loads fengari on first use), then ready to run. */
  private loading: Promise<void> | null = null;
  private loaded: string[] | null = null;

  constructor(
    private readonly state: ServerState,
    private readonly socket: net.Socket,
  ) {
    const engine = (this.engine = state.engine);
    this.client = engine.connect({
      reply: (reply) => this.send(reply),
      push: (reply) => this.send(reply),
      close: () => this.close(),
      // While its commands run, a connection's query buffer still holds them, as in Redis.
      queryBuffer: () => (this.pumping ? this.parser.held : this.parser.buffered),
    });
    this.client.addr = formatAddr(socket.remoteAddress, socket.remotePort);
    this.client.laddr = formatAddr(socket.localAddress, socket.localPort);
    this.client.fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
    this.parser = new RequestParser({
      maxBulkLength: () => engine.config.int('proto-max-bulk-len'),
      unauthenticated: () => !this.client.authenticated && engine.config.requirepass !== '',
    });
    socket.setNoDelay(true);
    const keepAlive = engine.config.int('tcp-keepalive');
    if (keepAlive > 0) socket.setKeepAlive(true, keepAlive * 1000);
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('drain', () => socket.resume());
    socket.on('close', () => {
      state.connections.delete(this);
      engine.disconnect(this.client);
    });
    // A client that vanishes mid-command is simply gone: its partial input is dropped with it.
    socket.on('error', () => socket.destroy());
  }

  private receive(chunk: Buffer): void {
    const host = this.engine.host;
    host.netInputBytes += chunk.length;
    host.readsProcessed++;
    if (this.closing) return;
    this.parser.push(chunk);
    if (this.parser.buffered > this.engine.config.int('client-query-buffer-limit')) {
      this.engine.log('warning', `Closing client that reached max query buffer length: id=${this.client.id} addr=${this.client.addr}`);
      this.socket.destroy();
      return;
    }
    this.client.lastInteraction = this.engine.clock();
    this.pump();
  }

  /** Runs every complete command that is ready, unless the client is blocked. */
  private pump(): void {
    if (this.pumping || this.loading) return;
    this.pumping = true;
    try {
      while (!this.client.blocked && !this.closing) {
        let argv = this.loaded;
        this.loaded = null;
        if (argv === null) {
          try {
            argv = this.parser.next();
          } catch (e) {
            if (!(e instanceof ProtocolError)) throw e;
            this.out += `-ERR ${e.message}\r\n`;
            this.close();
            break;
          }
        }
        if (argv === null) break;
        if (isCrossProtocolAttack(argv[0])) {
          this.refuseAttack();
          return;
        }
        const loading = this.engine.prepare(argv);
        if (loading) {
          const waiting = argv;
          this.loading = loading.then(() => {
            this.loading = null;
            this.loaded = waiting;
            this.pump();
          });
          break;
        }
        const reply = this.engine.execute(this.client, argv);
        if (reply !== undefined) this.out += encodeReply(reply, this.client.resp);
        // Nothing after QUIT runs, even what is already pipelined behind it.
        if (isQuit(argv[0])) this.close();
      }
    } finally {
      this.pumping = false;
    }
    this.flush();
  }

  /**
   * An HTTP request line (POST, Host:) sent to a Redis port is likely a
   * cross-protocol attack: Redis drops the connection without a word.
   */
  private refuseAttack(): void {
    const now = Date.now();
    if (now - this.state.lastSecurityWarning > SECURITY_LOG_INTERVAL_MS) {
      this.state.lastSecurityWarning = now;
      this.engine.log(
        'warning',
        'Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection aborted.',
      );
    }
    this.out = '';
    this.closing = true;
    this.socket.destroy();
  }

  /** A reply or push from outside the read loop (unblocked command, pub/sub, MONITOR). */
  /** A write of what send() gathered is scheduled for the end of this tick. */
  private sendQueued = false;

  private send(reply: Reply): void {
    this.out += encodeReply(reply, this.client.resp);
    if (this.pumping || this.sendQueued) return;
    // Everything sent to this connection in this tick (a pipeline of PUBLISHes fanning
    // out to it) leaves in one write.
    this.sendQueued = true;
    queueMicrotask(() => {
      this.sendQueued = false;
      if (this.pumping) return;
      this.flush();
      // The client may have been waiting for this reply to go on reading.
      if (!this.client.blocked) this.pump();
    });
  }

  private flush(): void {
    if (this.out.length > 0 && this.socket.writable) {
      const host = this.engine.host;
      host.netOutputBytes += this.out.length;
      host.writesProcessed++;
      // A client that does not read its replies is not read either until they drain.
      if (!this.socket.write(this.out, 'latin1')) this.socket.pause();
    }
    this.out = '';
    // Closed for good once the last reply is out: a client still sending must notice.
    if (this.closing && !this.socket.writableEnded) this.socket.end(() => this.socket.destroy());
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (!this.pumping) this.flush();
  }

  /** Milliseconds since the client last sent anything, for `timeout`. */
  idleMs(now: number): number {
    return now - this.client.lastInteraction;
  }

  /** Idle clients are closed unless they wait on purpose (blocked, subscribed, monitoring). */
  get mayTimeOut(): boolean {
    const c = this.client;
    return !c.blocked && c.subscriptionCount === 0 && !isMonitor(c);
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function isQuit(name: string): boolean {
  return name.length === 4 && name.toLowerCase() === 'quit';
}

function isCrossProtocolAttack(name: string): boolean {
  const lower = name.length <= 5 ? name.toLowerCase() : '';
  return lower === 'post' || lower === 'host:';
}

function closeIdleClients(state: ServerState): void {
  const timeout = state.engine.config.int('timeout');
  if (timeout <= 0) return;
  const now = state.engine.clock();
  for (const conn of state.connections) {
    if (conn.mayTimeOut && conn.idleMs(now) > timeout * 1000) conn.destroy();
  }
}

export interface ServerOptions {
  port?: number;
  host?: string;
}

/**
 * Starts listening; resolves with the server once it is bound. The engine's
 * host facts (process, port, counters) are filled in for INFO.
 */
export function listen(engine: Engine, { port = 6379, host = '127.0.0.1' }: ServerOptions = {}): Promise<net.Server> {
  const state: ServerState = { engine, connections: new Set(), lastSecurityWarning: 0 };
  const server = net.createServer((socket) => {
    if (engine.clients.size >= engine.config.int('maxclients')) {
      engine.host.rejectedConnections++;
      socket.on('error', () => socket.destroy());
      // Read (and drop) whatever comes, so the peer's close is seen.
      socket.resume();
      socket.end('-ERR max number of clients reached\r\n');
      return;
    }
    state.connections.add(new Connection(state, socket));
  });
  const idleTimer = setInterval(() => closeIdleClients(state), IDLE_CHECK_MS);
  idleTimer.unref();
  server.on('close', () => clearInterval(idleTimer));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      Object.assign(engine.host, nodeHostInfo(), { tcpPort: (server.address() as net.AddressInfo).port });
      resolve(server);
    });
  });
}
