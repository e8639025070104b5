/**
 * Puts a method per command (and a ...Buffer variant) on a prototype: the
 * client's and the pipeline's command methods. Both implement [SEND], which
 * takes the lower-case name and the arguments as given.
 */
import type { ArgInput } from './bytes.js';
import { COMMAND_NAMES } from './commands.js';
import type { Bulk } from './decode.js';

/** The sender behind every command method (a symbol: COMMAND is itself a command). */
export const SEND = Symbol('redlite.send');

export interface Sender {
  [SEND](name: string, args: ArgInput[], bulk: Bulk): unknown;
}

export function addCommandMethods(proto: Sender): void {
  const methods = proto as unknown as Record<string, (this: Sender, ...args: ArgInput[]) => unknown>;
  for (const name of COMMAND_NAMES) {
    methods[name] = function (...args) {
      return this[SEND](name, args, 'string');
    };
    methods[`${name}Buffer`] = function (...args) {
      return this[SEND](name, args, 'buffer');
    };
  }
}
