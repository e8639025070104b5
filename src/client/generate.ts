/**
 * Writes src/client/commands.ts from the command table: the command names the
 * client turns into methods, and their types. The main-thread bundle imports
 * that file instead of the engine. Run with `npm run generate`; a unit test
 * fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../engine/commands/index.js';

/** Commands that are the client's own business, not methods (it has subscribe() and close()). */
const NOT_METHODS = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe', 'quit', 'monitor']);

export function generateCommandsModule(): string {
  const commands = [...COMMANDS.values()].filter((c) => !NOT_METHODS.has(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const doc = (c: (typeof commands)[number]) => {
    const usage = `${c.name.toUpperCase()}${c.syntax ? ' ' + c.syntax : ''}`.replace(/\*\//g, '* /');
    return `  /** ${c.summary}. \`${usage}\` (since ${c.since}) */`;
  };
  const lines = [
    '// Generated from the command table by `npm run generate` (src/client/generate.ts). Do not edit.',
    "import type { ArgInput } from './bytes.js';",
    '',
    'export const COMMAND_NAMES = [',
    ...commands.map((c) => `  '${c.name}',`),
    '] as const;',
    '',
    '/** A method per command: `db.set(key, value, ...options)`. */',
    'export interface ClientCommands {',
    ...commands.flatMap((c) => [
      doc(c),
      `  ${c.name}(...args: ArgInput[]): Promise<unknown>;`,
      `  ${c.name}Buffer(...args: ArgInput[]): Promise<unknown>;`,
    ]),
    '}',
    '',
    '/** The same methods on a pipeline or multi, chainable. */',
    'export interface PipelineCommands<P> {',
    ...commands.flatMap((c) => [doc(c), `  ${c.name}(...args: ArgInput[]): P;`, `  ${c.name}Buffer(...args: ArgInput[]): P;`]),
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
