/**
 * One connection to the store, with auto-pipelining: every command issued in
 * the same tick travels in one message, and their replies come back together.
 */
import type { HostApi, Push, Wire } from '../worker/protocol.js';
import { ConnectionClosedError } from './errors.js';

interface Pending {
  argv: string[];
  /** Turns the wire reply into what the caller receives; throws to reject. */
  decode: (wire: Wire) => unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const asIs = (wire: Wire): unknown => wire;

export class Connection {
  private queue: Pending[] = [];
  private readonly id: Promise<number>;
  private closed = false;
  /** Batches sent and not yet answered, so close() can fail them. */
  private readonly inFlight = new Set<Pending[]>();

  constructor(
    private readonly host: HostApi,
    onPush: (messages: Push[]) => void,
  ) {
    this.id = Promise.resolve(host.connect(onPush));
  }

  /**
   * Queues a command for this tick's batch; resolves with its reply, through
   * `decode` when given (one promise per command: decoding happens as it settles).
   */
  send(argv: string[]): Promise<Wire>;
  send<T>(argv: string[], decode: (wire: Wire) => T): Promise<T>;
  send(argv: string[], decode: (wire: Wire) => unknown = asIs): Promise<unknown> {
    if (this.closed) return Promise.reject(new ConnectionClosedError());
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) queueMicrotask(() => this.flush());
      this.queue.push({ argv, decode, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.inFlight.add(batch);
    try {
      const id = await this.id;
      const replies = await this.host.exec(
        id,
        batch.map((p) => p.argv),
      );
      for (let i = 0; i < batch.length; i++) {
        const p = batch[i];
        try {
          p.resolve(p.decode(replies[i]));
        } catch (error) {
          p.reject(error as Error);
        }
      }
    } catch (error) {
      for (const p of batch) p.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.inFlight.delete(batch);
    }
  }

  /** Closes the connection; commands still waiting fail with ConnectionClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new ConnectionClosedError();
    for (const p of this.queue) p.reject(error);
    this.queue = [];
    for (const batch of this.inFlight) for (const p of batch) p.reject(error);
    this.host.disconnect(await this.id);
  }
}
