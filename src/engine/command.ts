/**
 * How a command is declared. Every command is declared once, as data plus its
 * implementation, in the file of its group (src/engine/commands/<group>.ts).
 * Dispatch, arity errors, COMMAND / COMMAND DOCS, what scripts may call, what is
 * persisted, what a follower tab forwards, the client's typed methods and the
 * playground's help and completion all read these declarations.
 */
import type { Client } from './client.js';
import type { Reply } from './reply.js';

/** Command flags, named as Redis names them in COMMAND INFO. */
export type CommandFlag =
  | 'write'
  | 'readonly'
  | 'denyoom'
  | 'admin'
  | 'pubsub'
  | 'noscript'
  | 'blocking'
  | 'loading'
  | 'stale'
  | 'skip_monitor'
  | 'skip_slowlog'
  | 'fast'
  | 'no_auth'
  | 'may_replicate'
  | 'no_mandatory_keys'
  | 'no_multi'
  | 'allow_busy'
  | 'movablekeys'
  | 'no_async_loading'
  | 'asking';

export type Group =
  | 'generic'
  | 'string'
  | 'list'
  | 'hash'
  | 'set'
  | 'sorted_set'
  | 'bitmap'
  | 'hyperloglog'
  | 'stream'
  | 'geo'
  | 'pubsub'
  | 'transactions'
  | 'scripting'
  | 'server'
  | 'connection';

/**
 * Returned by a handler that blocks the client (BLPOP on an empty list …). The
 * engine retries the command when one of its keys is signalled ready, or answers
 * with the timeout reply.
 */
export const BLOCKED: unique symbol = Symbol('blocked');
export type HandlerResult = Reply | typeof BLOCKED;
export type Handler = (client: Client, argv: string[]) => HandlerResult;

/** What a group file writes for one command. */
export interface CommandDecl {
  /** Redis arity: N means exactly N words with the name; -N means at least N. */
  arity: number;
  /** Space-separated flags, e.g. 'write denyoom fast'. */
  flags?: string;
  /**
   * Key positions as Redis's legacy (first, last, step) triple: last -1 is the
   * last argument, -2 the one before. Omitted when the command takes no keys.
   */
  keys?: [first: number, last: number, step: number];
  /** For commands whose keys move (numkeys, STREAMS …): their argv indices. */
  getKeys?: (argv: string[]) => number[];
  /** Extra ACL categories beyond those the group and flags imply, e.g. 'dangerous'; '-keyspace' drops the group's. */
  acl?: string;
  /** Space-separated COMMAND INFO tips, e.g. 'nondeterministic_output request_policy:all_shards'. */
  tips?: string;
  summary: string;
  since: string;
  complexity?: string;
  /**
   * Arguments after the command name, as the Redis docs print them:
   * 'key value [NX | XX] [GET] [EX seconds | PX milliseconds | KEEPTTL]'.
   * Parsed into COMMAND DOCS arguments, client typings and playground hints.
   */
  syntax?: string;
  /**
   * The reply as the client decodes it (ioredis-style over RESP2), as a
   * TypeScript type: 'string | null', 'number', "'OK'", 'string[]' … The
   * client's typed methods read it; 'unknown' when omitted.
   */
  reply?: string;
  /** Subcommands, for container commands such as CLIENT or CONFIG. */
  subcommands?: Record<string, CommandDecl>;
  /** Absent only on containers, which dispatch to a subcommand. */
  run?: Handler;
  /**
   * For commands that need a runtime loaded on first use (scripting loads
   * fengari): a promise hosts await before running the command, or null once
   * it is loaded. See Engine.prepare.
   */
  prepare?: () => Promise<void> | null;
}

/** A declaration resolved into the table: names and flags parsed once. */
export interface Command {
  /** Lower-case name; subcommands are 'container|sub' as Redis names them. */
  readonly name: string;
  readonly arity: number;
  readonly flags: ReadonlySet<CommandFlag>;
  readonly group: Group;
  readonly firstKey: number;
  readonly lastKey: number;
  readonly keyStep: number;
  readonly getKeys?: (argv: string[]) => number[];
  readonly acl: readonly string[];
  readonly tips: readonly string[];
  readonly summary: string;
  readonly since: string;
  readonly complexity?: string;
  readonly syntax: string;
  readonly reply: string;
  readonly subcommands?: ReadonlyMap<string, Command>;
  readonly run?: Handler;
  readonly prepare?: () => Promise<void> | null;
  /** The flags as booleans, for the dispatch hot path. */
  readonly isWrite: boolean;
  readonly isReadonly: boolean;
  readonly isBlocking: boolean;
}

const ALL_FLAGS = new Set<string>([
  'write', 'readonly', 'denyoom', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale',
  'skip_monitor', 'skip_slowlog', 'fast', 'no_auth', 'may_replicate', 'no_mandatory_keys',
  'no_multi', 'allow_busy', 'movablekeys', 'no_async_loading', 'asking',
]);

/** ACL categories the way Redis derives them (server.c setImplicitACLCategories). */
function aclCategories(group: Group, flags: ReadonlySet<CommandFlag>, extra: string | undefined, container: boolean): string[] {
  const cats: string[] = [];
  const add = (c: string) => {
    if (!cats.includes(c)) cats.push(c);
  };
  if (flags.has('write')) add('write');
  if (flags.has('readonly') && group !== 'scripting') add('read');
  if (flags.has('admin')) {
    add('admin');
    add('dangerous');
  }
  if (flags.has('pubsub')) add('pubsub');
  if (flags.has('fast')) add('fast');
  if (flags.has('blocking')) add('blocking');
  if (!flags.has('fast')) add('slow');
  const groupCategory: Partial<Record<Group, string>> = {
    generic: 'keyspace', string: 'string', list: 'list', hash: 'hash', set: 'set',
    sorted_set: 'sortedset', bitmap: 'bitmap', hyperloglog: 'hyperloglog', stream: 'stream',
    geo: 'geo', transactions: 'transaction', scripting: 'scripting',
    connection: 'connection',
  };
  const extras = (extra ?? '').split(/\s+/).filter(Boolean);
  for (const c of extras) if (!c.startsWith('-')) add(c);
  const gc = container ? undefined : groupCategory[group];
  // '-keyspace' drops the group's category where Redis does (SORT is @set @sortedset @list, not @keyspace).
  if (gc && !extras.includes(`-${gc}`)) add(gc);
  return cats;
}

export function resolveCommand(name: string, group: Group, decl: CommandDecl, parent?: string): Command {
  const fullName = parent ? `${parent}|${name}` : name;
  const flags = new Set<CommandFlag>();
  for (const f of (decl.flags ?? '').split(/\s+/).filter(Boolean)) {
    if (!ALL_FLAGS.has(f)) throw new Error(`command ${fullName}: unknown flag ${f}`);
    flags.add(f as CommandFlag);
  }
  if (decl.getKeys) flags.add('movablekeys');
  if (!decl.run && !decl.subcommands) throw new Error(`command ${fullName}: no handler`);
  const [firstKey, lastKey, keyStep] = decl.keys ?? [0, 0, 0];
  const subcommands = decl.subcommands
    ? new Map(Object.entries(decl.subcommands).map(([sub, d]) => [sub, resolveCommand(sub, group, d, fullName)]))
    : undefined;
  return {
    name: fullName,
    arity: decl.arity,
    flags,
    group,
    firstKey,
    lastKey,
    keyStep,
    getKeys: decl.getKeys,
    // A container without a handler of its own (CLIENT, CONFIG …) has only the implied categories.
    acl: aclCategories(group, flags, decl.acl, !decl.run),
    tips: (decl.tips ?? '').split(/\s+/).filter(Boolean),
    summary: decl.summary,
    since: decl.since,
    complexity: decl.complexity,
    syntax: decl.syntax ?? '',
    reply: decl.reply ?? 'unknown',
    subcommands,
    run: decl.run,
    prepare: decl.prepare,
    isWrite: flags.has('write'),
    isReadonly: flags.has('readonly'),
    isBlocking: flags.has('blocking'),
  };
}

/** The argv indices of a command's keys (COMMAND GETKEYS, WATCH-free forwarding, scripts). */
export function commandKeys(cmd: Command, argv: string[]): number[] {
  if (cmd.getKeys) return cmd.getKeys(argv);
  if (cmd.firstKey === 0) return [];
  const last = cmd.lastKey < 0 ? argv.length + cmd.lastKey : cmd.lastKey;
  const keys: number[] = [];
  for (let i = cmd.firstKey; i <= last && i < argv.length; i += cmd.keyStep) keys.push(i);
  return keys;
}

/** A group file's declarations: `export default group('string', { get: {...}, ... })`. */
export interface GroupDecl {
  readonly group: Group;
  readonly commands: Readonly<Record<string, CommandDecl>>;
}

export function group(name: Group, commands: Record<string, CommandDecl>): GroupDecl {
  return { group: name, commands };
}
