/**
 * COMMAND's replies, generated from the command table: COMMAND INFO (name,
 * arity, flags, key positions, ACL categories, tips, key specs, subcommands),
 * COMMAND DOCS (summary, since, group, complexity and the arguments parsed
 * from each declaration's syntax line), COMMAND LIST and COMMAND GETKEYS.
 *
 * What the table cannot say is generated as closely as it allows: key specs
 * come from the (first, last, step) triple, with flags from the command's
 * read/write flags (Redis words them per key: OW, RM, insert, delete …), and a
 * command with movable keys gets one spec of unknown shape; COMMAND DOCS has no
 * history, no per-argument `since`, and group names derived from their members.
 */
import { commandKeys, type Command, type Group } from './command.js';
import { globMatch } from './glob.js';
import { ErrorReply, MapReply, SetReply, SimpleString, type Reply } from './reply.js';
import { parseSyntax, type CommandArg } from './syntax.js';

/** COMMAND INFO lists flags in this order (Redis's addReplyFlagsForCommand); others stay hidden. */
const FLAG_ORDER = [
  'write', 'readonly', 'denyoom', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale',
  'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth', 'no_mandatory_keys', 'no_async_loading',
  'no_multi', 'movablekeys', 'allow_busy',
] as const;

/** ACL categories in the order Redis lists them. */
export const ACL_CATEGORIES = [
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog',
  'geo', 'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection',
  'transaction', 'scripting',
];

const GROUP_NAMES: Record<Group, string> = {
  generic: 'generic', string: 'string', list: 'list', hash: 'hash', set: 'set', sorted_set: 'sorted-set',
  bitmap: 'bitmap', hyperloglog: 'hyperloglog', stream: 'stream', geo: 'geo', pubsub: 'pubsub',
  transactions: 'transactions', scripting: 'scripting', server: 'server', connection: 'connection',
};

const statuses = (names: readonly string[]): SetReply => new SetReply(names.map((n) => new SimpleString(n)));

/** A command by name: `get`, `client|list`, any case; undefined if unknown. */
export function commandByName(commands: ReadonlyMap<string, Command>, name: string): Command | undefined {
  const bar = name.indexOf('|');
  if (bar < 0) return commands.get(name.toLowerCase());
  return commands.get(name.slice(0, bar).toLowerCase())?.subcommands?.get(name.slice(bar + 1).toLowerCase());
}

/** Every command, subcommands after their container, as COMMAND LIST walks them. */
function* allCommands(commands: ReadonlyMap<string, Command>): Generator<Command> {
  for (const cmd of commands.values()) {
    yield cmd;
    if (cmd.subcommands) yield* cmd.subcommands.values();
  }
}

// ——— COMMAND INFO ———

/** One command's COMMAND INFO entry (null for an unknown name). */
export function commandInfo(cmd: Command | undefined): Reply {
  if (!cmd) return null;
  const acl = ACL_CATEGORIES.filter((c) => cmd.acl.includes(c)).map((c) => `@${c}`);
  return [
    cmd.name,
    cmd.arity,
    statuses(FLAG_ORDER.filter((f) => cmd.flags.has(f))),
    cmd.firstKey,
    cmd.lastKey,
    cmd.keyStep,
    statuses(acl),
    new SetReply([...cmd.tips]),
    new SetReply(keySpecs(cmd)),
    cmd.subcommands ? [...cmd.subcommands.values()].map(commandInfo) : new SetReply([]),
  ];
}

/** The flags every key of the command carries, as far as its read/write flags tell. */
function keyFlags(cmd: Command): string[] {
  return cmd.isWrite ? ['RW', 'update'] : ['RO', 'access'];
}

function keySpecs(cmd: Command): MapReply[] {
  const specs: MapReply[] = [];
  const flags = statuses(keyFlags(cmd));
  if (cmd.firstKey > 0) {
    const lastKey = cmd.lastKey >= 0 ? cmd.lastKey - cmd.firstKey : cmd.lastKey;
    specs.push(
      new MapReply([
        'flags', flags,
        'begin_search', new MapReply(['type', 'index', 'spec', new MapReply(['index', cmd.firstKey])]),
        'find_keys', new MapReply(['type', 'range', 'spec', new MapReply(['lastkey', lastKey, 'keystep', cmd.keyStep, 'limit', 0])]),
      ]),
    );
  }
  if (cmd.getKeys) {
    const unknown = new MapReply(['type', 'unknown', 'spec', new MapReply([])]);
    specs.push(new MapReply(['flags', flags, 'begin_search', unknown, 'find_keys', unknown]));
  }
  return specs;
}

// ——— COMMAND DOCS ———

const PARSED = new WeakMap<Command, CommandArg[] | null>();

/** A command's arguments from its syntax line (null if the line does not parse). */
export function commandArgs(cmd: Command): CommandArg[] | null {
  let args = PARSED.get(cmd);
  if (args === undefined) {
    try {
      args = parseSyntax(cmd.syntax);
    } catch {
      args = null;
    }
    PARSED.set(cmd, args);
  }
  return args;
}

/** One command's COMMAND DOCS entry. */
export function commandDocs(cmd: Command): MapReply {
  const entries: Reply[] = ['summary', cmd.summary, 'since', cmd.since, 'group', GROUP_NAMES[cmd.group]];
  if (cmd.complexity) entries.push('complexity', cmd.complexity);
  const args = commandArgs(cmd);
  if (args?.length) {
    const hasKeySpec = cmd.firstKey > 0 || cmd.getKeys !== undefined;
    entries.push('arguments', args.map((a) => argDocs(a, hasKeySpec)));
  }
  if (cmd.subcommands) {
    entries.push('subcommands', new MapReply([...cmd.subcommands.values()].flatMap((sub) => [sub.name, commandDocs(sub)])));
  }
  return new MapReply(entries);
}

function argDocs(arg: CommandArg, hasKeySpec: boolean): MapReply {
  const entries: Reply[] = ['name', arg.name, 'type', arg.type];
  if (arg.type === 'key' && hasKeySpec) entries.push('key_spec_index', 0);
  if (arg.token !== undefined) entries.push('token', arg.token);
  const flags: string[] = [];
  if (arg.optional) flags.push('optional');
  if (arg.multiple) flags.push('multiple');
  if (arg.multipleToken) flags.push('multiple_token');
  if (flags.length) entries.push('flags', statuses(flags));
  if (arg.args) entries.push('arguments', arg.args.map((a) => argDocs(a, hasKeySpec)));
  return new MapReply(entries);
}

// ——— COMMAND LIST, GETKEYS ———

/** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]. */
export function commandList(commands: ReadonlyMap<string, Command>, filter?: { by: string; value: string }): string[] {
  const keep = (cmd: Command): boolean => {
    if (!filter) return true;
    switch (filter.by) {
      case 'module':
        return false; // no modules
      case 'aclcat':
        return cmd.acl.includes(filter.value.toLowerCase());
      default:
        return globMatch(filter.value, cmd.name, true);
    }
  };
  const names: string[] = [];
  for (const cmd of allCommands(commands)) if (keep(cmd)) names.push(cmd.name);
  return names;
}

/**
 * COMMAND GETKEYS / GETKEYSANDFLAGS: the keys of a full command line, with
 * Redis's errors for unknown commands, keyless ones and bad arities.
 */
export function commandGetKeys(commands: ReadonlyMap<string, Command>, argv: string[], withFlags: boolean): Reply {
  const base = commands.get(argv[0].toLowerCase());
  const cmd = base?.subcommands && argv.length > 1 ? base.subcommands.get(argv[1].toLowerCase()) : base;
  if (!cmd) return new ErrorReply('ERR Invalid command specified');
  if (cmd.firstKey === 0 && !cmd.getKeys) return new ErrorReply('ERR The command has no key arguments');
  if ((cmd.arity > 0 && cmd.arity !== argv.length) || argv.length < -cmd.arity) {
    return new ErrorReply('ERR Invalid number of arguments specified for command');
  }
  let positions: number[];
  try {
    positions = commandKeys(cmd, argv);
  } catch (e) {
    if (!(e instanceof ErrorReply)) throw e;
    positions = [];
  }
  if (positions.length === 0) {
    return cmd.flags.has('no_mandatory_keys') ? [] : new ErrorReply('ERR Invalid arguments specified for command');
  }
  const flags = keyFlags(cmd);
  return positions.map((i) => (withFlags ? [argv[i], statuses(flags)] : argv[i]));
}

/** A container's HELP reply: Redis's header, the lines, and the HELP entry. */
export function helpReply(container: string, lines: string[]): SimpleString[] {
  return [
    `${container.toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`,
    ...lines,
    'HELP',
    '    Prints this help.',
  ].map((l) => new SimpleString(l));
}

/** A container subcommand called with arguments it does not take. */
export function subcommandSyntaxError(argv: string[]): ErrorReply {
  return new ErrorReply(
    `ERR unknown subcommand or wrong number of arguments for '${argv[1].slice(0, 128)}'. Try ${argv[0].toUpperCase()} HELP.`,
  );
}
