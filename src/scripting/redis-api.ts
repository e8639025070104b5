/**
 * The `redis` table scripts see, with Redis 7.0's arguments checks and
 * messages: call, pcall, error_reply, status_reply, sha1hex, log, setresp,
 * set_repl, replicate_commands, breakpoint, debug, acl_check_cmd, the
 * REDIS_VERSION / LOG_* / REPL_* constants, and (while a library loads in the
 * functions state) register_function.
 */
import { lua, to_luastring, type LuaFunction, type LuaState } from 'fengari';
import { formatDouble } from '../engine/number.js';
import { ErrorReply, type Reply } from '../engine/reply.js';
import { fromLuaBytes, pushBytes } from './bytes.js';
import { normalizeError, pushErrorTable, pushReply } from './convert.js';
import { sha1hex } from './sha1.js';

export const REDIS_VERSION = '7.0.15';
export const REDIS_VERSION_NUM = 0x07000f;

/** Redis's log levels, as redis.LOG_* numbers them. */
export const LOG_LEVELS = ['debug', 'verbose', 'notice', 'warning'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the redis table needs from the engine side while a script runs. */
export interface ApiHost {
  /** Runs a command as the script; refusals come back as error replies. */
  call(argv: string[]): Reply;
  /** The script client's protocol: redis.setresp. */
  resp: 2 | 3;
  random(): number;
  seed(n: number): void;
  /** redis.acl_check_cmd: null when no such command. */
  aclCheck(argv: string[]): boolean | null;
}

/** Functions the redis table calls outside any run. */
export interface ApiOwner {
  /** The running script's host, or null. */
  readonly context: ApiHost | null;
  log(level: LogLevel, message: string): void;
}

/** Raises an error table {err="ERR msg"} as Redis's luaPushError + lua_error do. */
function fail(L: LuaState, message: string): never {
  pushErrorTable(L, normalizeError(message), false);
  lua.lua_error(L);
  throw new Error('unreachable: lua_error returned');
}

/** Pushes an error table without raising it (what Redis returns for some misuses). */
function errorTable(L: LuaState, message: string): number {
  pushErrorTable(L, normalizeError(message), false);
  return 1;
}

/** The command's arguments: strings as they are, numbers as %.17g. Null if one is neither. */
function commandArgs(L: LuaState): string[] | null {
  const n = lua.lua_gettop(L);
  const argv = new Array<string>(n);
  for (let i = 1; i <= n; i++) {
    const t = lua.lua_type(L, i);
    if (t === lua.LUA_TNUMBER) argv[i - 1] = formatDouble(lua.lua_tonumber(L, i));
    else if (t === lua.LUA_TSTRING) argv[i - 1] = fromLuaBytes(lua.lua_tolstring(L, i));
    else return null;
  }
  return argv;
}

function genericCall(owner: ApiOwner, raiseErrors: boolean): LuaFunction {
  return (L) => {
    const context = owner.context;
    if (!context) return fail(L, 'redis.call/pcall can only be called inside a script invocation');
    const problem =
      lua.lua_gettop(L) === 0 ? 'Please specify at least one argument for this redis lib call' : null;
    const argv = problem ? null : commandArgs(L);
    if (argv === null) {
      const message = problem ?? 'Lua redis lib command arguments must be strings or integers';
      lua.lua_settop(L, 0);
      if (raiseErrors) return fail(L, message);
      return errorTable(L, message);
    }
    lua.lua_settop(L, 0);
    const reply = context.call(argv);
    pushReply(L, reply, context.resp);
    if (raiseErrors && reply instanceof ErrorReply) lua.lua_error(L);
    return 1;
  };
}

function singleField(field: string): LuaFunction {
  return (L) => {
    if (lua.lua_gettop(L) !== 1 || lua.lua_type(L, -1) !== lua.LUA_TSTRING) return errorTable(L, 'wrong number or type of arguments');
    lua.lua_createtable(L, 0, 1);
    lua.lua_pushstring(L, to_luastring(field));
    lua.lua_pushvalue(L, -3);
    lua.lua_rawset(L, -3);
    return 1;
  };
}

function errorReply(L: LuaState): number {
  if (lua.lua_gettop(L) !== 1 || lua.lua_type(L, -1) !== lua.LUA_TSTRING) return errorTable(L, 'wrong number or type of arguments');
  const text = fromLuaBytes(lua.lua_tolstring(L, -1));
  return errorTable(L, text.charCodeAt(0) === 45 ? text : '-' + text);
}

function sha1(L: LuaState): number {
  if (lua.lua_gettop(L) !== 1) return fail(L, 'wrong number of arguments');
  const b = lua.lua_tolstring(L, 1) as Uint8Array | null;
  pushBytes(L, sha1hex(b ? fromLuaBytes(b) : ''));
  return 1;
}

function log(owner: ApiOwner): LuaFunction {
  return (L) => {
    const argc = lua.lua_gettop(L);
    if (argc < 2) return fail(L, 'redis.log() requires two arguments or more.');
    if (!lua.lua_isnumber(L, 1)) return fail(L, 'First argument must be a number (log level).');
    const level = Math.trunc(lua.lua_tonumber(L, 1));
    if (!(level >= 0 && level <= 3)) return fail(L, 'Invalid debug level.');
    const parts: string[] = [];
    for (let i = 2; i <= argc; i++) {
      const t = lua.lua_type(L, i);
      if (t === lua.LUA_TSTRING || t === lua.LUA_TNUMBER) parts.push(fromLuaBytes(lua.lua_tolstring(L, i)));
    }
    owner.log(LOG_LEVELS[level], parts.join(' '));
    return 0;
  };
}

function setresp(owner: ApiOwner): LuaFunction {
  return (L) => {
    const context = owner.context;
    if (!context) return fail(L, 'redis.setresp can only be called inside a script invocation');
    if (lua.lua_gettop(L) !== 1) return fail(L, 'redis.setresp() requires one argument.');
    const resp = Math.trunc(lua.lua_tonumber(L, 1));
    if (resp !== 2 && resp !== 3) return fail(L, 'RESP version must be 2 or 3.');
    context.resp = resp;
    return 0;
  };
}

/** redis.set_repl is accepted and checked; redlite always propagates a script's effects. */
function setRepl(owner: ApiOwner): LuaFunction {
  return (L) => {
    if (!owner.context) return fail(L, 'redis.set_repl can only be called inside a script invocation');
    if (lua.lua_gettop(L) !== 1) return fail(L, 'redis.set_repl() requires two arguments.');
    const flags = Math.trunc(lua.lua_tonumber(L, -1));
    if ((flags & ~3) !== 0) return fail(L, 'Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.');
    return 0;
  };
}

function aclCheck(owner: ApiOwner): LuaFunction {
  return (L) => {
    const context = owner.context;
    if (!context) return fail(L, 'redis.acl_check_cmd can only be called inside a script invocation');
    if (lua.lua_gettop(L) === 0) return fail(L, 'Please specify at least one argument for this redis lib call');
    const argv = commandArgs(L);
    if (argv === null) return fail(L, 'Lua redis lib command arguments must be strings or integers');
    const allowed = context.aclCheck(argv);
    if (allowed === null) return fail(L, 'Invalid command passed to redis.acl_check_cmd()');
    lua.lua_pushboolean(L, allowed ? 1 : 0);
    return 1;
  };
}

function pushConstants(L: LuaState, constants: Record<string, number | string>): void {
  for (const [name, value] of Object.entries(constants)) {
    if (typeof value === 'number') lua.lua_pushnumber(L, value);
    else pushBytes(L, value);
    lua.lua_setfield(L, -2, to_luastring(name));
  }
}

const VERSION_CONSTANTS = { REDIS_VERSION, REDIS_VERSION_NUM };
const LOG_CONSTANTS = { LOG_DEBUG: 0, LOG_VERBOSE: 1, LOG_NOTICE: 2, LOG_WARNING: 3 };

function setFunctions(L: LuaState, fns: Record<string, LuaFunction>): void {
  for (const [name, fn] of Object.entries(fns)) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, to_luastring(name));
  }
}

/** Pushes the full `redis` table of a state. */
export function pushRedisTable(L: LuaState, owner: ApiOwner): void {
  lua.lua_createtable(L, 0, 32);
  setFunctions(L, {
    call: genericCall(owner, true),
    pcall: genericCall(owner, false),
    log: log(owner),
    setresp: setresp(owner),
    sha1hex: sha1,
    error_reply: errorReply,
    status_reply: singleField('ok'),
    set_repl: setRepl(owner),
    acl_check_cmd: aclCheck(owner),
    breakpoint: (T: LuaState) => {
      lua.lua_pushboolean(T, 0);
      return 1;
    },
    debug: () => 0,
    replicate_commands: (T: LuaState) => {
      lua.lua_pushboolean(T, 1);
      return 1;
    },
  });
  pushConstants(L, { ...VERSION_CONSTANTS, ...LOG_CONSTANTS, REPL_NONE: 0, REPL_AOF: 1, REPL_SLAVE: 2, REPL_REPLICA: 2, REPL_ALL: 3 });
}

/** Pushes the `redis` table a library sees while it loads: register_function, log and the constants. */
export function pushLoadTimeRedisTable(L: LuaState, owner: ApiOwner, register: LuaFunction): void {
  lua.lua_createtable(L, 0, 8);
  setFunctions(L, { register_function: register, log: log(owner) });
  pushConstants(L, { ...LOG_CONSTANTS, ...VERSION_CONSTANTS });
}

export { fail as raiseErrorTable };
