/**
 * The leading tab's side: serves every tab's connections — its own and the
 * followers' — on one engine, so pub/sub, blocking commands, WATCH and
 * CLIENT LIST work across tabs exactly as across Redis clients.
 *
 * Requests apply at most once. While a request runs, each command that
 * changed data is noted — with the replies so far — in the same log record as
 * its effects (Persister.note). A request re-sent after a leader change is
 * answered from those notes up to the last write it made, and only the rest
 * runs. Notes written by the previous leader are read back on load.
 */
import type { Engine } from '../engine/engine.js';
import type { Reply } from '../engine/reply.js';
import { Session } from '../engine/session.js';
import { SupersededError } from '../persistence/superseded.js';
import type { Persister } from '../persistence/persister.js';
import { encodeReply } from '../resp/encode.js';
import { ReplyReader } from '../resp/reply-reader.js';
import { durableReplies, toWire, type HostStore } from '../worker/host.js';
import type { Push, Wire } from '../worker/protocol.js';

export class LeaderService {
  private readonly sessions = new Map<string, Session>();
  private readonly running = new Map<string, Promise<Wire[] | null>>();
  /** Stepped down: requests still running are not answered here (they are re-sent to the next leader). */
  private closed = false;
  /** Replies noted per request, from the stored log: request → replies of its first commands. */
  private readonly noted = new Map<string, Wire[]>();

  private readonly engine: Engine;
  private readonly persister: Persister | null;

  constructor(
    private readonly store: HostStore,
    private readonly deliver: (tab: string, conn: number, messages: Push[]) => void,
    /** Storing failed because another tab leads now: this one must let go. */
    private readonly superseded: () => void,
  ) {
    this.engine = store.engine;
    this.persister = store.persister ?? null;
    for (const [key, value] of this.persister?.loadedNotes ?? []) {
      const { req, from } = parseNoteKey(key);
      const prefix = this.noted.get(req) ?? [];
      prefix.length = Math.max(prefix.length, from);
      prefix.splice(from, Infinity, ...decodeReplies(value));
      this.noted.set(req, prefix);
    }
  }

  /**
   * Runs a request's batch on the (tab, conn) connection; a request id is
   * applied once. Resolves with null when this leader stepped down before answering.
   */
  serve(tab: string, conn: number, req: string, batch: string[][]): Promise<Wire[] | null> {
    // A re-send that races its own first run (a leader change announced twice) joins it.
    const running = this.running.get(req);
    if (running) return running;
    const run = this.run(tab, conn, req, batch)
      .then(
        (replies) => (this.closed ? null : replies),
        (error: Error) => {
          if (!(error instanceof SupersededError)) throw error;
          this.superseded();
          return null;
        },
      )
      .finally(() => this.running.delete(req));
    this.running.set(req, run);
    return run;
  }

  private async run(tab: string, conn: number, req: string, batch: string[][]): Promise<Wire[]> {
    const done = this.noted.get(req);
    this.noted.delete(req);
    const todo = done ? batch.slice(done.length) : batch;
    const rest = await this.session(tab, conn).run(todo, this.persister ? this.noter(this.persister, req, done?.length ?? 0) : undefined);
    // Strict mode: answer once the writes are stored.
    const wire = await durableReplies(this.store, todo, rest);
    return done ? [...done, ...wire] : wire;
  }

  /**
   * Follows a request's commands as they run: each one that wrote notes the
   * replies since the last note, in the log record of its effects.
   */
  private noter(persister: Persister, req: string, offset: number): (index: number, reply: Reply) => void {
    const replies: Reply[] = [];
    let notedUpTo = 0;
    let dirty = this.engine.dirty;
    return (index, reply) => {
      replies[index] = reply;
      if (this.engine.dirty === dirty) return;
      dirty = this.engine.dirty;
      persister.note(noteKey(req, offset + notedUpTo), encodeReply(replies.slice(notedUpTo, index + 1), 3));
      notedUpTo = index + 1;
    };
  }

  private session(tab: string, conn: number): Session {
    const id = `${tab}:${conn}`;
    let session = this.sessions.get(id);
    if (!session) {
      session = new Session(this.engine, batchedPushes((messages) => this.deliver(tab, conn, messages)));
      session.client.name = '';
      session.client.addr = `tab:${tab.slice(0, 8)}:${conn}`;
      this.sessions.set(id, session);
    }
    return session;
  }

  /** A connection closed. */
  drop(tab: string, conn: number): void {
    const id = `${tab}:${conn}`;
    this.sessions.get(id)?.close();
    this.sessions.delete(id);
  }

  /** A tab is gone: close all of its connections (subscriptions, blocked commands, watches). */
  dropTab(tab: string): void {
    for (const [id, session] of this.sessions) {
      if (!id.startsWith(`${tab}:`)) continue;
      session.close();
      this.sessions.delete(id);
    }
  }

  close(): void {
    this.closed = true;
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }
}

/** Pushes produced by one command reach the tab in one message. */
export function batchedPushes(send: (messages: Push[]) => void): (reply: Reply) => void {
  let pending: Push[] | null = null;
  return (reply) => {
    const wire = toWire(reply) as Push;
    if (pending) return void pending.push(wire);
    pending = [wire];
    queueMicrotask(() => {
      const messages = pending!;
      pending = null;
      send(messages);
    });
  };
}

const noteKey = (req: string, from: number) => `req ${req} ${from}`;
function parseNoteKey(key: string): { req: string; from: number } {
  const [, req, from] = key.split(' ');
  return { req, from: Number(from) };
}

/** Noted replies are stored as a RESP3 array: exact, compact, and read back with the RESP reader. */
function decodeReplies(resp: string): Wire[] {
  const reader = new ReplyReader();
  reader.push(resp);
  const read = reader.next();
  return Array.isArray(read?.value) ? read.value.map(toWire) : [];
}
