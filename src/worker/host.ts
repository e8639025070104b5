/**
 * The store's side of HostApi: connections as engine sessions, replies turned
 * into wire values. The worker exposes it through comlink; in Node the client
 * calls it directly.
 */
import type { Engine } from '../engine/engine.js';
import { formatDouble } from '../engine/number.js';
import {
  BigNumberReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  NullArray,
  PushReply,
  SetReply,
  SimpleString,
  VerbatimReply,
  type Reply,
} from '../engine/reply.js';
import { Session } from '../engine/session.js';
import type { HostApi, Push, Wire } from './protocol.js';

/** A Reply in its RESP2 form, as plain data. */
export function toWire(reply: Reply): Wire {
  if (typeof reply === 'string' || typeof reply === 'number' || reply === null) return reply;
  if (Array.isArray(reply)) return reply.map(toWire);
  if (typeof reply === 'bigint') return reply;
  if (typeof reply === 'boolean') return reply ? 1 : 0;
  if (reply instanceof SimpleString) return { ok: reply.value };
  if (reply instanceof ErrorReply) return { err: reply.message };
  if (reply instanceof NullArray) return null;
  if (reply instanceof MapReply) return reply.entries.map(toWire);
  if (reply instanceof SetReply || reply instanceof PushReply) return reply.items.map(toWire);
  if (reply instanceof DoubleReply) return formatDouble(reply.value);
  if (reply instanceof VerbatimReply) return reply.text;
  if (reply instanceof BigNumberReply) return reply.digits;
  throw new TypeError(`not a reply: ${String(reply)}`);
}

export function createHost(engine: Engine): HostApi & { close(): void } {
  const sessions = new Map<number, Session>();
  return {
    connect(onPush) {
      // Pushes produced by one command arrive together: deliver them in one message.
      let pending: Push[] | null = null;
      const session = new Session(engine, (message) => {
        const wire = toWire(message) as Push;
        if (pending) return void pending.push(wire);
        pending = [wire];
        queueMicrotask(() => {
          const batch = pending!;
          pending = null;
          onPush(batch);
        });
      });
      sessions.set(session.client.id, session);
      return session.client.id;
    },
    async exec(connection, batch) {
      const session = sessions.get(connection);
      if (!session) return batch.map(() => ({ err: 'ERR connection is closed' }));
      return (await session.run(batch)).map(toWire);
    },
    disconnect(connection) {
      sessions.get(connection)?.close();
      sessions.delete(connection);
    },
    close() {
      for (const session of sessions.values()) session.close();
      sessions.clear();
      engine.close();
    },
  };
}
