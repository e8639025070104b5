/**
 * Replies as the engine produces them, independent of the wire protocol.
 *
 * The common shapes are plain JS values so the hot path allocates nothing:
 *   bulk string  → string (a byte string: one char per byte)
 *   integer      → number (integral) or bigint (beyond 2^53)
 *   nil          → null
 *   array        → Reply[]
 *   boolean      → boolean (RESP3; :1 / :0 in RESP2)
 * The rarer shapes are small classes. `src/resp` turns a Reply into RESP2 or RESP3.
 */

export type Reply =
  | string
  | number
  | bigint
  | boolean
  | null
  | Reply[]
  | SimpleString
  | ErrorReply
  | NullArray
  | MapReply
  | SetReply
  | DoubleReply
  | VerbatimReply
  | BigNumberReply
  | PushReply;

/** `+OK` style status reply. */
export class SimpleString {
  constructor(readonly value: string) {}
}

/**
 * An error reply. The message starts with its code (`ERR`, `WRONGTYPE` …) exactly
 * as Redis sends it. Handlers may return it or throw it; the engine answers either
 * way. Not an Error subclass: error replies are ordinary answers, and capturing a
 * stack trace for each would make them costly.
 */
export class ErrorReply {
  constructor(readonly message: string) {}
  /** The first word: ERR, WRONGTYPE, NOSCRIPT … */
  get code(): string {
    const space = this.message.indexOf(' ');
    return space < 0 ? this.message : this.message.slice(0, space);
  }
}

/** `*-1` in RESP2 (a nil multi-bulk), `_` in RESP3. */
export class NullArray {
  private constructor() {}
  static readonly instance = new NullArray();
}

/** A map: `%` in RESP3, a flat array of key, value … in RESP2. */
export class MapReply {
  constructor(readonly entries: Reply[]) {}
}

/** A set: `~` in RESP3, an array in RESP2. */
export class SetReply {
  constructor(readonly items: Reply[]) {}
}

/** A double: `,` in RESP3, a bulk string in RESP2 (formatted as Redis formats it). */
export class DoubleReply {
  constructor(
    readonly value: number,
    /** The digits when Redis does not print %.17g (GEOPOS: 17 fixed decimals). */
    readonly text?: string,
  ) {}
}

/** `=` in RESP3 (with a three-letter format), a bulk string in RESP2. */
export class VerbatimReply {
  constructor(
    readonly text: string,
    readonly format = 'txt',
  ) {}
}

/** `(` in RESP3, a bulk string in RESP2. */
export class BigNumberReply {
  constructor(readonly digits: string) {}
}

/** An out-of-band message (pub/sub, invalidation): `>` in RESP3, an array in RESP2. */
export class PushReply {
  constructor(readonly items: Reply[]) {}
}

export const OK = new SimpleString('OK');
export const QUEUED = new SimpleString('QUEUED');
export const PONG = new SimpleString('PONG');
export const NULL_ARRAY = NullArray.instance;

/** Error replies Redis sends verbatim from many commands. */
export const Err = {
  syntax: () => new ErrorReply('ERR syntax error'),
  wrongType: () => new ErrorReply('WRONGTYPE Operation against a key holding the wrong kind of value'),
  notInteger: () => new ErrorReply('ERR value is not an integer or out of range'),
  notFloat: () => new ErrorReply('ERR value is not a valid float'),
  overflow: () => new ErrorReply('ERR increment or decrement would overflow'),
  noSuchKey: () => new ErrorReply('ERR no such key'),
  outOfRange: () => new ErrorReply('ERR index out of range'),
  dbIndex: () => new ErrorReply('ERR DB index is out of range'),
  arity: (name: string) => new ErrorReply(`ERR wrong number of arguments for '${name}' command`),
  expireTime: (name: string) => new ErrorReply(`ERR invalid expire time in '${name}' command`),
  notPositive: (what: string) => new ErrorReply(`ERR ${what} is out of range, must be positive`),
  unknownSubcommand: (sub: string, container: string) =>
    new ErrorReply(`ERR unknown subcommand '${sub}'. Try ${container.toUpperCase()} HELP.`),
} as const;

export function isError(reply: Reply): reply is ErrorReply {
  return reply instanceof ErrorReply;
}
