/**
 * Puts a method per command (and a ...Buffer variant) on a prototype that has
 * call() and callBuffer(): the client's and the pipeline's command methods.
 */
import type { ArgInput } from './bytes.js';
import { COMMAND_NAMES } from './commands.js';

interface Caller {
  call(name: string, ...args: ArgInput[]): unknown;
  callBuffer(name: string, ...args: ArgInput[]): unknown;
}

export function addCommandMethods(proto: Caller): void {
  const methods = proto as unknown as Record<string, (this: Caller, ...args: ArgInput[]) => unknown>;
  for (const name of COMMAND_NAMES) {
    methods[name] = function (...args) {
      return this.call(name, ...args);
    };
    methods[`${name}Buffer`] = function (...args) {
      return this.callBuffer(name, ...args);
    };
  }
}
