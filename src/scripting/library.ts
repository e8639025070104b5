/**
 * FUNCTION LOAD's parts (functions.c, function_lua.c): the library metadata
 * line, redis.register_function's arguments, and the script flags shared with
 * EVAL's shebang (`#!lua flags=no-writes,allow-oom`).
 */
import { lua, type LuaState } from 'fengari';
import { lauxlib } from 'fengari';
import { splitArgs } from '../resp/split.js';
import { fromLuaBytes } from './bytes.js';
import { raiseErrorTable } from './redis-api.js';

/** Script flags, as Redis's scripts_flags_def names them and FUNCTION LIST orders them. */
export const SCRIPT_FLAGS = ['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'] as const;
export type ScriptFlag = (typeof SCRIPT_FLAGS)[number];

export interface FunctionInfo {
  name: string;
  description: string | null;
  flags: Set<ScriptFlag>;
  /** The compiled callback, in the functions state's registry. */
  ref: number;
  library: Library;
}

export interface Library {
  name: string;
  /** The whole FUNCTION LOAD payload, metadata line included (WITHCODE, DUMP). */
  code: string;
  functions: Map<string, FunctionInfo>;
}

/** Names of libraries and functions: letters, digits and underscores, at least one. */
export function validName(name: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(name);
}

/**
 * EVAL's shebang: none means compatibility mode (no flags, EVAL's historic
 * behaviour); `#!lua` with optional `flags=a,b`. `skip` is where the code
 * starts (the newline stays, to keep line numbers).
 */
export function parseShebang(body: string): { flags: Set<ScriptFlag>; compat: boolean; skip: number } | string {
  if (!body.startsWith('#!')) return { flags: new Set(), compat: true, skip: 0 };
  const end = body.indexOf('\n');
  if (end < 0) return 'Invalid script shebang';
  const parts = splitArgs(body.slice(0, end));
  if (!parts || parts.length === 0) return 'Invalid engine in script shebang';
  if (parts[0] !== '#!lua') return `Unexpected engine in script shebang: ${parts[0]}`;
  const flags = new Set<ScriptFlag>();
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return `Unknown lua shebang option: ${part}`;
    for (const flag of part.slice(6).split(',')) {
      if (!(SCRIPT_FLAGS as readonly string[]).includes(flag)) return `Unexpected flag in script shebang: ${flag}`;
      flags.add(flag as ScriptFlag);
    }
  }
  return { flags, compat: false, skip: end };
}

/** FUNCTION LOAD's first line, `#!<engine> name=<library>`; the code keeps its newline. */
export function parseLibraryMetadata(payload: string): { engine: string; name: string; code: string } | string {
  if (!payload.startsWith('#!')) return 'Missing library metadata';
  const end = payload.indexOf('\n');
  if (end < 0) return 'Invalid library metadata';
  const parts = splitArgs(payload.slice(0, end));
  if (!parts || parts.length === 0) return 'Invalid library metadata';
  let name: string | null = null;
  for (const part of parts.slice(1)) {
    if (part.slice(0, 5).toLowerCase() !== 'name=') return `Invalid metadata value given: ${part}`;
    if (name !== null) return 'Invalid metadata value, name argument was given multiple times';
    name = part.slice(5);
  }
  if (name === null) return 'Library name was not given';
  return { engine: parts[0].slice(2), name, code: payload.slice(end) };
}

/** The flags table of the named form: a list of flag names (any case). */
function readFlags(L: LuaState, idx: number): Set<ScriptFlag> | null {
  const flags = new Set<ScriptFlag>();
  for (let j = 1; ; j++) {
    lua.lua_pushnumber(L, j);
    const t = lua.lua_gettable(L, idx < 0 ? idx - 1 : idx);
    if (t === lua.LUA_TNIL) {
      lua.lua_pop(L, 1);
      return flags;
    }
    const name = lua.lua_isstring(L, -1) ? fromLuaBytes(lua.lua_tolstring(L, -1)).toLowerCase() : null;
    lua.lua_pop(L, 1);
    const flag = SCRIPT_FLAGS.find((f) => f === name);
    if (!flag) return null;
    flags.add(flag);
  }
}

/**
 * Reads redis.register_function's arguments — (name, callback) or a table
 * {function_name=, callback=, flags=, description=} — raising Redis's errors.
 * The callback is left referenced in the registry.
 */
export function readRegistration(L: LuaState): { name: string; description: string | null; flags: Set<ScriptFlag>; ref: number } {
  const argc = lua.lua_gettop(L);
  if (argc < 1 || argc > 2) raiseErrorTable(L, 'wrong number of arguments to redis.register_function');
  if (argc === 2) {
    if (!lua.lua_isstring(L, 1)) raiseErrorTable(L, 'first argument to redis.register_function must be a string');
    if (!lua.lua_isfunction(L, 2)) raiseErrorTable(L, 'second argument to redis.register_function must be a function');
    const name = fromLuaBytes(lua.lua_tolstring(L, 1));
    return { name, description: null, flags: new Set(), ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) };
  }
  if (!lua.lua_istable(L, 1)) {
    raiseErrorTable(L, 'calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).');
  }
  let name: string | null = null;
  let description: string | null = null;
  let flags = new Set<ScriptFlag>();
  let ref: number | null = null;
  const fail = (message: string): never => {
    if (ref !== null) lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, ref);
    return raiseErrorTable(L, message);
  };
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1)) {
    if (!lua.lua_isstring(L, -2)) fail('named argument key given to redis.register_function is not a string');
    const key = fromLuaBytes(lua.lua_tolstring(L, -2)).toLowerCase();
    if (key === 'function_name') {
      if (!lua.lua_isstring(L, -1)) fail('function_name argument given to redis.register_function must be a string');
      name = fromLuaBytes(lua.lua_tolstring(L, -1));
    } else if (key === 'description') {
      if (!lua.lua_isstring(L, -1)) fail('description argument given to redis.register_function must be a string');
      description = fromLuaBytes(lua.lua_tolstring(L, -1));
    } else if (key === 'callback') {
      if (!lua.lua_isfunction(L, -1)) fail('callback argument given to redis.register_function must be a function');
      ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      continue;
    } else if (key === 'flags') {
      if (!lua.lua_istable(L, -1)) fail('flags argument to redis.register_function must be a table representing function flags');
      flags = readFlags(L, -1) ?? fail('unknown flag given');
    } else {
      fail('unknown argument given to redis.register_function');
    }
    lua.lua_pop(L, 1);
  }
  if (name === null) fail('redis.register_function must get a function name argument');
  if (ref === null) fail('redis.register_function must get a callback argument');
  return { name: name!, description, flags, ref: ref! };
}
