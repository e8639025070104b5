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
  private readonly backlog: Job[] = [];
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

  /**
   * Runs the commands in order; resolves with one reply per command.
   * `afterEach` sees each reply as soon as its command has run.
   */
  run(batch: string[][], afterEach?: (index: number, reply: Reply) => void): Promise<Reply[]> {
    return new Promise((done) => {
      this.backlog.push({ batch, replies: [], done, afterEach });
      if (this.backlog.length === 1 && !this.resume) this.drain();
    });
  }

  private drain(): void {
    while (this.backlog.length > 0) {
      const job = this.backlog[0];
      while (job.replies.length < job.batch.length) {
        const argv = job.batch[job.replies.length];
        // A command whose runtime loads on first use (EVAL loads fengari) waits for it.
        const loading = this.engine.prepare(argv);
        if (loading) {
          void loading.then(() => this.drain());
          return;
        }
        const reply = this.engine.execute(this.client, argv);
        if (reply === undefined && this.client.blocked) {
          this.resume = (served) => {
            answer(job, served);
            this.drain();
          };
          return;
        }
        // undefined: CLIENT REPLY OFF/SKIP left no reply; the caller still gets a slot.
        answer(job, reply ?? null);
      }
      this.backlog.shift();
      job.done(job.replies);
    }
  }

  close(): void {
    this.engine.disconnect(this.client);
  }
}

interface Job {
  batch: string[][];
  replies: Reply[];
  done(replies: Reply[]): void;
  afterEach?(index: number, reply: Reply): void;
}

function answer(job: Job, reply: Reply): void {
  job.afterEach?.(job.replies.length, reply);
  job.replies.push(reply);
}
