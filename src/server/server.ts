/**
 * redlite over TCP: a RESP2/RESP3 server in front of one engine, so redis-cli,
 * redis-benchmark and any Redis client can use it.
 *
 * Each connection parses what arrives, runs every complete command, and writes
 * all of their replies in one socket write (pipelining). A blocked client stops
 * being read until its reply comes, as in Redis.
 */
import net from 'node:net';
import type { Client } from '../engine/client.js';
import type { Engine } from '../engine/engine.js';
import type { Reply } from '../engine/reply.js';
import { encodeReply } from '../resp/encode.js';
import { ProtocolError, RequestParser } from '../resp/request.js';

class Connection {
  readonly client: Client;
  private readonly parser: RequestParser;
  /** Replies produced while processing, written together. */
  private out = '';
  private pumping = false;
  private closing = false;

  constructor(
    private readonly engine: Engine,
    private readonly socket: net.Socket,
  ) {
    this.client = engine.connect({
      reply: (reply) => this.send(reply),
      push: (reply) => this.send(reply),
      close: () => this.close(),
    });
    this.client.addr = `${socket.remoteAddress}:${socket.remotePort}`;
    this.client.laddr = `${socket.localAddress}:${socket.localPort}`;
    this.parser = new RequestParser({
      maxBulkLength: engine.config.int('proto-max-bulk-len'),
      unauthenticated: () => !this.client.authenticated,
    });
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.engine.disconnect(this.client));
    socket.on('error', () => socket.destroy());
  }

  private receive(chunk: Buffer): void {
    this.parser.push(chunk);
    if (this.parser.buffered > this.engine.config.int('client-query-buffer-limit')) {
      this.engine.log('warning', `closing client ${this.client.id}: query buffer over client-query-buffer-limit`);
      this.socket.destroy();
      return;
    }
    this.pump();
  }

  /** Runs every complete command that is ready, unless the client is blocked. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.client.blocked && !this.closing) {
        let argv: string[] | null;
        try {
          argv = this.parser.next();
        } catch (e) {
          if (!(e instanceof ProtocolError)) throw e;
          this.out += `-ERR ${e.message}\r\n`;
          this.close();
          break;
        }
        if (argv === null) break;
        const reply = this.engine.execute(this.client, argv);
        if (reply !== undefined) this.out += encodeReply(reply, this.client.resp);
      }
    } finally {
      this.pumping = false;
    }
    this.flush();
  }

  /** A reply or push from outside the read loop (unblocked command, pub/sub). */
  private send(reply: Reply): void {
    this.out += encodeReply(reply, this.client.resp);
    if (this.pumping) return;
    this.flush();
    // The client may have been waiting for this reply to go on reading.
    if (!this.client.blocked) queueMicrotask(() => this.pump());
  }

  private flush(): void {
    if (this.out.length === 0) return;
    if (!this.socket.destroyed) this.socket.write(Buffer.from(this.out, 'latin1'));
    this.out = '';
    if (this.closing) this.socket.end();
  }

  private close(): void {
    this.closing = true;
    if (!this.pumping) {
      this.flush();
      this.socket.end();
    }
  }
}

export interface ServerOptions {
  port?: number;
  host?: string;
}

/** Starts listening; resolves with the server once it is bound. */
export function listen(engine: Engine, { port = 6379, host = '127.0.0.1' }: ServerOptions = {}): Promise<net.Server> {
  const server = net.createServer((socket) => new Connection(engine, socket));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
