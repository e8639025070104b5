// Generated from the command table by `npm run generate` (src/client/generate.ts). Do not edit.
import type { ArgInput } from './bytes.js';

export const COMMAND_NAMES = [
  'echo',
  'ping',
  'select',
] as const;

/** A method per command: `db.set(key, value, ...options)`. */
export interface ClientCommands {
  /** Returns the given string. `ECHO message` (since 1.0.0) */
  echo(...args: ArgInput[]): Promise<unknown>;
  echoBuffer(...args: ArgInput[]): Promise<unknown>;
  /** Returns the server's liveliness response. `PING [message]` (since 1.0.0) */
  ping(...args: ArgInput[]): Promise<unknown>;
  pingBuffer(...args: ArgInput[]): Promise<unknown>;
  /** Changes the selected database. `SELECT index` (since 1.0.0) */
  select(...args: ArgInput[]): Promise<unknown>;
  selectBuffer(...args: ArgInput[]): Promise<unknown>;
}

/** The same methods on a pipeline or multi, chainable. */
export interface PipelineCommands<P> {
  /** Returns the given string. `ECHO message` (since 1.0.0) */
  echo(...args: ArgInput[]): P;
  echoBuffer(...args: ArgInput[]): P;
  /** Returns the server's liveliness response. `PING [message]` (since 1.0.0) */
  ping(...args: ArgInput[]): P;
  pingBuffer(...args: ArgInput[]): P;
  /** Changes the selected database. `SELECT index` (since 1.0.0) */
  select(...args: ArgInput[]): P;
  selectBuffer(...args: ArgInput[]): P;
}
