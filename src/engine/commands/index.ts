/**
 * The command table: every group's declarations, resolved once. This is the
 * single source of truth that dispatch, COMMAND, scripts, persistence, the
 * tabs layer, the client and the playground read.
 */
import { resolveCommand, type Command, type GroupDecl } from '../command.js';
import bitmap from './bitmap.js';
import connection from './connection.js';
import dump from './dump.js';
import geo from './geo.js';
import hash from './hash.js';
import hyperloglog from './hyperloglog.js';
import keys from './keys.js';
import list from './list.js';
import persistence from './persistence.js';
import pubsub from './pubsub.js';
import scripting from './scripting.js';
import server from './server.js';
import set from './set.js';
import sort from './sort.js';
import string from './string.js';
import stream from './stream.js';
import transaction from './transaction.js';
import zset from './zset.js';

const GROUPS: GroupDecl[] = [
  string, keys, sort, list, hash, set, zset, bitmap, hyperloglog, stream, geo,
  pubsub, transaction, scripting, server, persistence, connection, dump,
];

function buildTable(): Map<string, Command> {
  const table = new Map<string, Command>();
  for (const g of GROUPS) {
    for (const [name, decl] of Object.entries(g.commands)) {
      if (table.has(name)) throw new Error(`command ${name} declared twice`);
      table.set(name, resolveCommand(name, g.group, decl));
    }
  }
  return table;
}

export const COMMANDS: ReadonlyMap<string, Command> = buildTable();
