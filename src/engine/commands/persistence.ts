/**
 * SAVE, BGSAVE, BGREWRITEAOF, LASTSAVE: what drives the host's persistence
 * (engine.persistence). A snapshot is redlite's RDB save and AOF rewrite at
 * once: it lets the log be trimmed. SAVE answers when the snapshot is
 * committed; the engine keeps serving meanwhile, since snapshots are written
 * in slices.
 */
import { group } from '../command.js';
import type { Engine, PersistenceHost } from '../engine.js';
import { Err, ErrorReply, OK, SimpleString } from '../reply.js';

function persistenceOf(engine: Engine): PersistenceHost {
  if (!engine.persistence) throw new ErrorReply('ERR this store keeps no data: it was opened with durability \'memory\'');
  return engine.persistence;
}

/** Starts a snapshot unless one is running; reports failures to the log, as a background save does. */
function startSnapshot(engine: Engine, persistence: PersistenceHost): Promise<void> {
  const running = persistence.snapshot();
  running.catch((error: Error) => engine.log('warning', `background save failed: ${error.message}`));
  return running;
}

export default group('server', {
  save: {
    arity: 1,
    flags: 'admin noscript no_async_loading no_multi',
    summary: 'Synchronously save the dataset to disk',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the total number of keys in all databases',
    run(client) {
      const { engine } = client;
      const persistence = persistenceOf(engine);
      if (persistence.snapshotInProgress) throw new ErrorReply('ERR Background save already in progress');
      startSnapshot(engine, persistence).then(
        () => engine.unblock(client, OK),
        (error: Error) => engine.unblock(client, new ErrorReply(`ERR ${error.message}`)),
      );
      // Wait, holding this client only, until the snapshot is committed.
      return engine.block(client, [], 0, OK);
    },
  },
  bgsave: {
    arity: -1,
    flags: 'admin noscript no_async_loading',
    summary: 'Asynchronously save the dataset to disk',
    since: '1.0.0',
    reply: 'string',
    complexity: 'O(1)',
    syntax: '[SCHEDULE]',
    run(client, argv) {
      const schedule = argv.length === 2 && argv[1].toLowerCase() === 'schedule';
      if (argv.length > 2 || (argv.length === 2 && !schedule)) throw Err.syntax();
      const persistence = persistenceOf(client.engine);
      if (persistence.snapshotInProgress) {
        if (!schedule) throw new ErrorReply('ERR Background save already in progress');
        void persistence.snapshot().then(() => void startSnapshot(client.engine, persistence), () => {});
        return new SimpleString('Background saving scheduled');
      }
      startSnapshot(client.engine, persistence);
      return new SimpleString('Background saving started');
    },
  },
  bgrewriteaof: {
    arity: 1,
    flags: 'admin noscript no_async_loading',
    summary: 'Asynchronously rewrite the append-only file',
    since: '1.0.0',
    reply: 'string',
    complexity: 'O(1)',
    run(client) {
      const persistence = persistenceOf(client.engine);
      if (persistence.snapshotInProgress) {
        void persistence.snapshot().then(() => void startSnapshot(client.engine, persistence), () => {});
        return new SimpleString('Background append only file rewriting scheduled');
      }
      startSnapshot(client.engine, persistence);
      return new SimpleString('Background append only file rewriting started');
    },
  },
  lastsave: {
    arity: 1,
    flags: 'loading stale fast',
    acl: 'admin dangerous',
    summary: 'Get the UNIX time stamp of the last successful save to disk',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    run: (client) => Math.floor((client.engine.persistence?.lastSave ?? client.engine.startedAt) / 1000),
  },
});
