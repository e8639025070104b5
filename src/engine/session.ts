/**
 * A connection for message-based hosts (the worker, the in-process client, a
 * follower tab's forwarder): it runs batches of commands in order and resolves
 * with their replies. As on a TCP connection, a command that blocks (BLPOP …)
 * holds back the rest of its batch, and later batches, until it is served.
 * Out-of-band messages (pub/sub, keyspace events) go to `onPush`.
 */
import type { Client } from './client.js';
import type { Engine } from './engine.js';
import type { Reply } from './reply.js';

export class Session {
  readonly client: Client;
  /** Batches waiting behind a blocked command, oldest first. */
  private readonly backlog: { batch: string[][]; replies: Reply[]; done: (r: Reply[]) => void }[] = [];
  /** The batch in progress while a command is blocked. */
  private resume: ((reply: Reply) => void) | null = null;

  constructor(
    private readonly engine: Engine,
    onPush: (message: Reply) => void,
    onClose?: () => void,
  ) {
    this.client = engine.connect({
      reply: (reply) => {
        const resume = this.resume;
        this.resume = null;
        resume?.(reply);
      },
      push: onPush,
      close: onClose,
    });
  }

  /** Runs the commands in order; resolves with one reply per command. */
  run(batch: string[][]): Promise<Reply[]> {
    return new Promise((done) => {
      this.backlog.push({ batch, replies: [], done });
      if (this.backlog.length === 1 && !this.resume) this.drain();
    });
  }

  private drain(): void {
    while (this.backlog.length > 0) {
      const job = this.backlog[0];
      while (job.replies.length < job.batch.length) {
        const reply = this.engine.execute(this.client, job.batch[job.replies.length]);
        if (reply !== undefined) {
          job.replies.push(reply);
        } else if (this.client.blocked) {
          this.resume = (served) => {
            job.replies.push(served);
            this.drain();
          };
          return;
        } else {
          // CLIENT REPLY OFF/SKIP: there is no reply; the caller still gets a slot.
          job.replies.push(null);
        }
      }
      this.backlog.shift();
      job.done(job.replies);
    }
  }

  close(): void {
    this.engine.disconnect(this.client);
  }
}
