/**
 * Writes src/client/commands.ts from the command table: the command names the
 * client turns into methods, with argument types from each command's syntax
 * line and reply types from its declaration. The main-thread bundle imports
 * that file instead of the engine. Run with `npm run generate`; a unit test
 * fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '../engine/command.js';
import { COMMANDS } from '../engine/commands/index.js';
import { parseSyntax, type CommandArg } from '../engine/syntax.js';

/**
 * Commands the client offers its own way rather than as plain methods:
 * subscriptions (subscribe() with listeners), transactions (multi() … exec()),
 * QUIT (close()), ROLE (db.role is the tab's role), PERSIST (persist(key) is
 * the command, persist() asks for persistent storage), MONITOR. db.call() sends any of them.
 */
const NOT_METHODS = new Set([
  'subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe',
  'multi', 'exec', 'quit', 'role', 'persist', 'monitor',
]);

/** The TypeScript type of one value argument. */
function valueType(arg: CommandArg): string {
  switch (arg.type) {
    case 'key':
    case 'pattern':
      return 'Key';
    case 'integer':
    case 'double':
    case 'unix-time':
      return 'Num';
    default:
      return 'Value';
  }
}

/** Every literal token an argument tree accepts, for completion of options. */
function tokens(args: CommandArg[], out = new Set<string>()): Set<string> {
  for (const a of args) {
    if (a.token) out.add(a.token.toUpperCase());
    if (a.args) tokens(a.args, out);
  }
  return out;
}

/**
 * A method's parameters: the leading required values typed one by one, then
 * the rest (repeated values, options and their tokens) as a typed tail. Exact
 * typing of every option sequence would make signatures unreadable; the tail
 * offers the tokens for completion and accepts values.
 */
function parameters(cmd: Command, container: boolean): string {
  const args = parseSyntax(cmd.syntax);
  const params: string[] = [];
  let i = 0;
  if (container) params.push(`subcommand: ${[...cmd.subcommands!.keys()].map((s) => `'${s.toUpperCase()}' | '${s}'`).join(' | ')}`);
  for (; i < args.length; i++) {
    const a = args[i];
    if (a.optional || a.multiple || a.token || a.type === 'oneof' || a.type === 'block' || a.type === 'pure-token') break;
    params.push(`${identifier(a.name)}: ${valueType(a)}`);
  }
  const rest = args.slice(i);
  if (rest.length > 0 || container) {
    const tokenUnion = [...tokens(rest)].map((t) => `'${t}'`);
    params.push(`...args: (${[...tokenUnion, 'ArgInput'].join(' | ')})[]`);
  }
  return params.join(', ');
}

function identifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return /^[A-Za-z_]/.test(id) && !RESERVED.has(id) ? id : `${id}Arg`;
}
const RESERVED = new Set(['function', 'default', 'delete', 'new', 'class', 'in', 'if', 'for', 'var', 'let', 'const', 'return', 'type']);

/**
 * What a method resolves to: a container (CLIENT, CONFIG …) answers with
 * whichever subcommand it runs, so the union of theirs, plus its own when it
 * also runs bare (COMMAND).
 */
function replyType(cmd: Command): string {
  if (!cmd.subcommands) return cmd.reply;
  const replies = cmd.run ? [cmd.reply] : [];
  for (const sub of cmd.subcommands.values()) replies.push(sub.reply);
  const types = new Set(replies.flatMap(unionMembers));
  return types.has('unknown') ? 'unknown' : [...types].join(' | ');
}

/** The members of a union type, split at its top level only ('(string | null)[]' is one). */
function unionMembers(type: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === '(' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '>') depth--;
    else if (c === '|' && depth === 0) {
      members.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(type.slice(start).trim());
  return members;
}

export function generateCommandsModule(): string {
  const commands = [...COMMANDS.values()].filter((c) => !NOT_METHODS.has(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const doc = (c: Command) => {
    const usage = `${c.name.replace('|', ' ').toUpperCase()}${c.syntax ? ' ' + c.syntax : ''}`.replace(/\*\//g, '* /');
    return `  /** ${c.summary}. \`${usage}\` (since ${c.since}) */`;
  };
  const signature = (c: Command) => parameters(c, c.subcommands !== undefined);
  // Bulk strings become bytes; record keys (HGETALL's fields) stay strings.
  const bufferReply = (reply: string) => reply.replace(/(?<!Record<)\bstring\b/g, 'Uint8Array');
  /**
   * A method's signatures. A container gets one per subcommand first, so that
   * `db.script('LOAD', src)` resolves to that subcommand's reply, then one for
   * running bare (COMMAND), then the general one that accepts any subcommand.
   */
  const method = (c: Command, suffix: '' | 'Buffer') => {
    const reply = (type: string) => (suffix ? bufferReply(type) : type);
    const lines: string[] = [];
    for (const sub of c.subcommands?.values() ?? []) {
      const word = sub.name.slice(c.name.length + 1);
      // A subcommand that takes arguments its syntax line leaves out (COMMAND GETKEYS) takes any.
      const rest = parameters(sub, false) || (sub.arity === 2 ? '' : '...args: (ArgInput)[]');
      const params = [`subcommand: '${word.toUpperCase()}' | '${word}'`, ...(rest ? [rest] : [])].join(', ');
      lines.push(doc(sub), `  ${c.name}${suffix}(${params}): Promise<${reply(sub.reply)}>;`);
    }
    if (c.subcommands && c.run) lines.push(doc(c), `  ${c.name}${suffix}(): Promise<${reply(c.reply)}>;`);
    lines.push(doc(c), `  ${c.name}${suffix}(${signature(c)}): Promise<${reply(replyType(c))}>;`);
    return lines;
  };
  const lines = [
    '// Generated from the command table by `npm run generate` (src/client/generate.ts). Do not edit.',
    "import type { Arg, ArgInput } from './bytes.js';",
    '',
    '/** A key or pattern. */',
    'type Key = Arg;',
    '/** A number, or its text (`"+inf"`, `"(1.5"` …). */',
    'type Num = number | string;',
    'type Value = Arg;',
    '',
    'export const COMMAND_NAMES = [',
    ...commands.map((c) => `  '${c.name}',`),
    '] as const;',
    '',
    '/** A method per command: `db.set(key, value, ...options)`. */',
    'export interface ClientCommands {',
    ...commands.flatMap((c) => [...method(c, ''), ...method(c, 'Buffer')]),
    '}',
    '',
    '/** The same methods on a pipeline or multi, chainable. */',
    'export interface PipelineCommands<P> {',
    ...commands.flatMap((c) => [doc(c), `  ${c.name}(${signature(c)}): P;`, `  ${c.name}Buffer(${signature(c)}): P;`]),
    '}',
    '',
  ];
  return lines.join('\n');
}

export const COMMANDS_MODULE = fileURLToPath(new URL('./commands.ts', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(COMMANDS_MODULE, generateCommandsModule());
  console.log(`wrote ${COMMANDS_MODULE}`);
}
