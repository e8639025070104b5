/**
 * A minimal RESP connection for tests: sends commands, reads replies with their
 * raw bytes. The same class talks to redis-server and to redlite-server, so the
 * two can be compared byte for byte.
 */
import net from 'node:net';
import { encodeCommand } from '../../src/resp/encode.js';
import { ReplyReader, type ReadReply } from '../../src/resp/reply-reader.js';

export class RespConnection {
  private readonly reader = new ReplyReader();
  private readonly waiting: ((r: ReadReply) => void)[] = [];
  /** Replies nobody asked for yet (pushes, replies to blocked commands). */
  private readonly unclaimed: ReadReply[] = [];
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      this.reader.push(chunk);
      for (let r = this.reader.next(); r; r = this.reader.next()) {
        const waiter = this.waiting.shift();
        if (waiter) waiter(r);
        else this.unclaimed.push(r);
      }
    });
    socket.on('close', () => {
      this.closed = true;
    });
  }

  static open(port: number, host = '127.0.0.1'): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(new RespConnection(socket)));
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a command without waiting for its reply. */
  write(argv: string[]): void {
    this.socket.write(Buffer.from(encodeCommand(argv), 'latin1'));
  }

  /** Sends raw bytes (inline commands, malformed input). */
  writeRaw(bytes: string): void {
    this.socket.write(Buffer.from(bytes, 'latin1'));
  }

  /** The next reply, waiting up to timeoutMs. */
  read(timeoutMs = 5000): Promise<ReadReply> {
    const ready = this.unclaimed.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(settle);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new Error(`no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle = (r: ReadReply) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiting.push(settle);
    });
  }

  async command(argv: string[], timeoutMs?: number): Promise<ReadReply> {
    this.write(argv);
    return this.read(timeoutMs);
  }

  close(): void {
    this.socket.destroy();
  }
}
