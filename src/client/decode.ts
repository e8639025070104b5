/**
 * Wire replies → what the app receives, as ioredis decodes RESP2: bulk strings
 * as UTF-8 strings (or Uint8Array for ...Buffer methods), integers as numbers,
 * nil as null, status replies as strings, errors as ReplyError.
 */
import type { Wire } from '../worker/protocol.js';
import { bytesToArray, bytesToString } from './bytes.js';
import { ReplyError } from './errors.js';

export type Bulk = 'string' | 'buffer';

export function decode(wire: Wire, bulk: Bulk): unknown {
  if (typeof wire === 'string') return bulk === 'buffer' ? bytesToArray(wire) : bytesToString(wire);
  if (typeof wire === 'number' || wire === null) return wire;
  if (Array.isArray(wire)) return wire.map((w) => decode(w, bulk));
  if (typeof wire === 'bigint') return Number(wire);
  if ('ok' in wire) return wire.ok;
  return new ReplyError(wire.err);
}

/** Per-command reshaping that ioredis users expect. */
const TRANSFORMS: Record<string, (reply: unknown, wire: Wire) => unknown> = {
  /** HGETALL → { field: value }; fields are always strings, values follow the method. */
  hgetall(reply, wire) {
    if (!Array.isArray(reply) || !Array.isArray(wire)) return reply;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < reply.length; i += 2) out[bytesToString(wire[i] as string)] = reply[i + 1];
    return out;
  },
};

/** Decodes a command's reply; an error reply becomes a rejected ReplyError. */
export function decodeReply(command: string, wire: Wire, bulk: Bulk): unknown {
  const value = decode(wire, bulk);
  if (value instanceof ReplyError) throw value;
  const transform = TRANSFORMS[command];
  return transform ? transform(value, wire) : value;
}
