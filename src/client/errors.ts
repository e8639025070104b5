/** An error reply from the store, carrying Redis's message (as ioredis's ReplyError). */
export class ReplyError extends Error {
  override name = 'ReplyError';
  /** The command that failed, for messages and debugging. */
  command?: { name: string; args: string[] };
  /** EXECABORT: the errors that made the transaction fail while queueing. */
  previousErrors?: ReplyError[];
}

/** The client was closed (or its store went away) before the reply came. */
export class ConnectionClosedError extends Error {
  override name = 'ConnectionClosedError';
  constructor() {
    super('Connection is closed.');
  }
}
