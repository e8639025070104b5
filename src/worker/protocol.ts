/**
 * What crosses between the app's thread and the store's host (the worker, or
 * the engine in process in Node). One place names every message shape.
 *
 * Replies travel in RESP2 shapes, as plain structured-clonable values: the
 * client decodes them the way ioredis decodes RESP2.
 */

/** A reply on the wire: bulk string (a byte string), integer, nil, array, status or error. */
export type Wire = string | number | bigint | null | Wire[] | WireStatus | WireError;
export interface WireStatus {
  ok: string;
}
export interface WireError {
  err: string;
}

/** A pub/sub message or keyspace event, as the RESP2 push array ['message', channel, payload] etc. */
export type Push = Wire[];

export interface StoreOptions {
  /** The store's name: stores with different names are independent. */
  name: string;
}

/** The host's surface. In the browser comlink carries these calls to the worker. */
export interface HostApi {
  /** Opens a connection; `onPush` receives its pub/sub messages. Resolves with its id. */
  connect(onPush: (messages: Push[]) => void): number | Promise<number>;
  /** Runs a batch of commands (argv of byte strings) on a connection; one reply per command. */
  exec(connection: number, batch: string[][]): Promise<Wire[]>;
  /** Closes a connection. */
  disconnect(connection: number): void;
}
