/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH (Redis's multi.c).
 *
 * Dispatch queues commands between MULTI and EXEC and flags errors met while
 * queueing (client.multiFailed); WATCH bookkeeping lives in watch.ts and
 * flags client.dirtyCas. EXEC runs the queue through `engine.call`: time
 * stays frozen, nothing blocks, and a command's runtime error is its reply
 * without undoing the others.
 *
 * Redis 7.0 propagates a transaction's writes wrapped in MULTI … EXEC. Here
 * everything a top-level command writes — EXEC included — reaches the
 * effect listeners as one batch, which they apply or persist atomically: the
 * batch is that wrapper, so EXEC adds no MULTI / EXEC effects of its own.
 */
import type { Client } from '../client.js';
import { group } from '../command.js';
import { ErrorReply, NULL_ARRAY, OK, type Reply } from '../reply.js';
import { isWatchedKeyExpired, watchKey } from '../watch.js';

/** discardTransaction: leaves MULTI state and forgets every watched key. */
function discardTransaction(client: Client): void {
  client.multi = null;
  client.multiFailed = false;
  client.engine.unwatchAll(client);
}

/**
 * execCommandAbort: an EXEC refused before it runs (wrong arity, NOAUTH …)
 * ends the transaction, and says why after its own error code.
 */
export function abortExec(client: Client, error: ErrorReply): ErrorReply {
  discardTransaction(client);
  const reason = error.message.startsWith('ERR ') ? error.message.slice(4) : error.message;
  return new ErrorReply(`EXECABORT Transaction discarded because of: ${reason}`);
}

export default group('transactions', {
  multi: {
    arity: 1,
    flags: 'noscript loading stale fast allow_busy',
    summary: 'Mark the start of a transaction block',
    since: '1.2.0',
    reply: "'OK'",
    complexity: 'O(1)',
    run(client) {
      if (client.multi !== null) return new ErrorReply('ERR MULTI calls can not be nested');
      client.multi = [];
      return OK;
    },
  },
  exec: {
    arity: 1,
    flags: 'noscript loading stale skip_slowlog',
    summary: 'Execute all commands issued after MULTI',
    since: '1.2.0',
    reply: 'unknown[] | null',
    complexity: 'Depends on commands in the transaction',
    run(client) {
      const queue = client.multi;
      if (queue === null) return new ErrorReply('ERR EXEC without MULTI');
      if (isWatchedKeyExpired(client)) client.dirtyCas = true;
      if (client.multiFailed || client.dirtyCas) {
        const reply = client.multiFailed ? new ErrorReply('EXECABORT Transaction discarded because of previous errors.') : NULL_ARRAY;
        discardTransaction(client);
        return reply;
      }
      // Watching is over once the transaction runs (its own writes must not count).
      client.engine.unwatchAll(client);
      const replies: Reply[] = [];
      for (const { cmd, argv } of queue) replies.push(client.engine.call(client, cmd, argv));
      discardTransaction(client);
      return replies;
    },
  },
  discard: {
    arity: 1,
    flags: 'noscript loading stale fast allow_busy',
    summary: 'Discard all commands issued after MULTI',
    since: '2.0.0',
    reply: "'OK'",
    complexity: 'O(N), when N is the number of queued commands',
    run(client) {
      if (client.multi === null) return new ErrorReply('ERR DISCARD without MULTI');
      discardTransaction(client);
      return OK;
    },
  },
  watch: {
    arity: -2,
    flags: 'noscript loading stale fast allow_busy',
    keys: [1, -1, 1],
    summary: 'Watch the given keys to determine execution of the MULTI/EXEC block',
    since: '2.2.0',
    reply: "'OK'",
    complexity: 'O(1) for every key.',
    syntax: 'key [key ...]',
    run(client, argv) {
      if (client.multi !== null) return new ErrorReply('ERR WATCH inside MULTI is not allowed');
      // A transaction already bound to fail needs no more watching.
      if (!client.dirtyCas) for (let i = 1; i < argv.length; i++) watchKey(client, argv[i]);
      return OK;
    },
  },
  unwatch: {
    arity: 1,
    flags: 'noscript loading stale fast allow_busy',
    summary: 'Forget about all watched keys',
    since: '2.2.0',
    reply: "'OK'",
    complexity: 'O(1)',
    run(client) {
      client.engine.unwatchAll(client);
      return OK;
    },
  },
});
