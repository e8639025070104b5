/**
 * One sandboxed Lua state as Redis 7.0 builds it (script_lua.c): the Lua 5.1
 * libraries, cjson, cmsgpack, bit and struct, the `redis` table, read-only
 * globals that refuse unknown names, and no way out to the host.
 *
 * Redis keeps two such states, one for EVAL and one for functions (whose
 * globals are an empty read-only proxy); so does redlite, each created once
 * per engine and reused by every call.
 *
 * Scripts run in a Lua coroutine with a count hook. The hook asks the run
 * (run.ts) whether to go on, stop with an error, or yield: yielding lets a
 * script that passed busy-reply-threshold hand control back to the host's
 * event loop between slices of work, so SCRIPT KILL can reach it.
 */
import { lauxlib, lua, lualib, to_luastring, type LuaFunction, type LuaState } from 'fengari';
import type { Reply } from '../engine/reply.js';
import { fromLuaBytes, pushBytes, raise } from './bytes.js';
import { luaNumberToString } from './cformat.js';
import { pushErrorTable, toReply } from './convert.js';
import { baseFunctions, loadChunk, mathFunctions, stringFunctions, tableFunctions } from './libs/base.js';
import { bitLib } from './libs/bit.js';
import { cjsonLib, pushCjsonFields } from './libs/cjson.js';
import { cmsgpackLib, pushCmsgpackFields } from './libs/cmsgpack.js';
import { structLib } from './libs/struct.js';
import { applyLua51, cInt, setReadonly } from './lua51.js';
import { pushLoadTimeRedisTable, pushRedisTable, type ApiHost, type ApiOwner, type LogLevel } from './redis-api.js';
import ldebug from 'fengari/src/ldebug.js';

applyLua51();

/** Instructions between two calls of the count hook. */
const HOOK_INTERVAL = 10_000;

/** What the count hook is told to do. */
export type Interrupt = null | 'yield' | { error: string };

/** The engine's side of a running script (run.ts implements it). */
export interface RunContext extends ApiHost {
  /** Called every HOOK_INTERVAL instructions. `canYield` is false inside non-yieldable calls. */
  interrupt(canYield: boolean): Interrupt;
}

/** How a call into Lua ended. */
export type Outcome =
  | { kind: 'done'; reply: Reply }
  | { kind: 'suspended' }
  /** `message` is the error as Redis words it ("ERR …"); `where` is "@user_script:3" when known. */
  | { kind: 'error'; message: string; where: string | null };

const REMOVED: Record<string, string[]> = {
  _G: ['print', 'dofile', 'loadfile', 'rawlen', 'require', 'utf8'],
  table: ['move', 'pack', 'unpack'],
  string: ['pack', 'packsize', 'unpack'],
  math: ['maxinteger', 'mininteger', 'tointeger', 'type', 'ult'],
  coroutine: ['isyieldable'],
};

const ERR_HANDLER = `local dbg = debug
debug = nil
function __redis__err__handler(err)
  local i = dbg.getinfo(2,'nSl')
  if i and i.what == 'C' then
    i = dbg.getinfo(3,'nSl')
  end
  if type(err) ~= 'table' then
    err = {err='ERR ' .. tostring(err)}  end  if i then
    err['source'] = i.source
    err['line'] = i.currentline
  end  return err
end
`;

interface LuaTableObject {
  readonly?: boolean;
}

export class LuaVM implements ApiOwner {
  readonly L: LuaState;
  /** The running script's context; null between calls. */
  context: RunContext | null = null;
  /** redis.register_function while a library loads (functions state). */
  registering: LuaFunction | null = null;
  /** The coroutine scripts run in, reused while calls end normally. */
  private thread: LuaState | null = null;
  private threadRef = lauxlib.LUA_NOREF as number;
  private yieldedByHook = false;
  /** The real globals (the proxy's __index in the functions state). */
  private globalsRef = 0;
  /** The functions state's load-time globals. */
  private libraryApiRef = 0;

  constructor(
    readonly kind: 'eval' | 'function',
    readonly log: (level: LogLevel, message: string) => void,
  ) {
    const L = lauxlib.luaL_newstate();
    this.L = L;
    for (const [name, open] of [
      ['_G', lualib.luaopen_base],
      ['table', lualib.luaopen_table],
      ['string', lualib.luaopen_string],
      ['math', lualib.luaopen_math],
      ['coroutine', lualib.luaopen_coroutine],
      ['debug', lualib.luaopen_debug],
    ] as const) {
      lauxlib.luaL_requiref(L, to_luastring(name), open, 1);
      lua.lua_pop(L, 1);
    }
    this.adaptLibraries();
    this.registerLibrary('cjson', cjsonLib, pushCjsonFields);
    this.registerLibrary('cmsgpack', cmsgpackLib, pushCmsgpackFields);
    this.registerLibrary('bit', bitLib);
    this.registerLibrary('struct', structLib);
    pushRedisTable(L, this);
    lua.lua_setglobal(L, to_luastring('redis'));
    this.setGlobal('_VERSION', () => pushBytes(L, 'Lua 5.1'));
    this.setGlobal('pcall', () => lua.lua_pushcfunction(L, redisPcall));
    this.setGlobal('xpcall', () => lua.lua_pushcfunction(L, xpcall));
    this.setGlobal('setmetatable', () => lua.lua_pushcfunction(L, guardedSetmetatable));
    this.setGlobal('gcinfo', () => lua.lua_pushcfunction(L, gcinfo));
    this.setGlobal('tostring', () => lua.lua_pushcfunction(L, tostring));
    this.setGlobal('unpack', () => {
      lua.lua_getglobal(L, to_luastring('table'));
      lua.lua_getfield(L, -1, to_luastring('unpack'));
      lua.lua_remove(L, -2);
    });
    this.setField('coroutine', 'running', () => lua.lua_pushcfunction(L, (T: LuaState) => this.coroutineRunning(T)));
    for (const [table, names] of Object.entries(REMOVED)) {
      for (const name of names) this.setField(table, name, () => lua.lua_pushnil(L));
    }
    if (kind === 'eval') {
      this.runChunk(ERR_HANDLER, '@err_handler_def');
    } else {
      this.setGlobal('debug', () => lua.lua_pushnil(L));
    }
    this.protectGlobals();
  }

  // ——— Building the state ———

  private setField(table: string, name: string, push: () => void): void {
    const L = this.L;
    if (table === '_G') lua.lua_pushglobaltable(L);
    else lua.lua_getglobal(L, to_luastring(table));
    push();
    lua.lua_setfield(L, -2, to_luastring(name));
    lua.lua_pop(L, 1);
  }

  private setGlobal(name: string, push: () => void): void {
    this.setField('_G', name, push);
  }

  private adaptLibraries(): void {
    const add = (table: string, fns: Record<string, LuaFunction>) => {
      for (const [name, fn] of Object.entries(fns)) this.setField(table, name, () => lua.lua_pushcfunction(this.L, fn));
    };
    add('_G', baseFunctions);
    add('table', tableFunctions);
    add('string', stringFunctions);
    add('math', mathFunctions);
    this.setField('string', 'gfind', () => {
      lua.lua_getglobal(this.L, to_luastring('string'));
      lua.lua_getfield(this.L, -1, to_luastring('gmatch'));
      lua.lua_remove(this.L, -2);
    });
    this.setField('math', 'random', () => lua.lua_pushcfunction(this.L, (L: LuaState) => this.mathRandom(L)));
    this.setField('math', 'randomseed', () => lua.lua_pushcfunction(this.L, (L: LuaState) => this.mathRandomseed(L)));
  }

  private registerLibrary(name: string, fns: Record<string, LuaFunction>, fields?: (L: LuaState) => void): void {
    const L = this.L;
    lua.lua_createtable(L, 0, 0);
    for (const [key, fn] of Object.entries(fns)) {
      lua.lua_pushcfunction(L, fn);
      lua.lua_setfield(L, -2, to_luastring(key));
    }
    fields?.(L);
    lua.lua_setglobal(L, to_luastring(name));
  }

  private runChunk(code: string, name: string): void {
    if (loadChunk(this.L, code, name) !== 1) throw new Error(`scripting: ${fromLuaBytes(lua.lua_tolstring(this.L, -1))}`);
    lua.lua_call(this.L, 0, 0);
  }

  /**
   * Locks the globals as Redis does: reading an unknown name is an error,
   * writing anything (globals, library tables, their metatables, the string
   * metatable) is "Attempt to modify a readonly table". The functions state
   * then hides its globals behind an empty read-only proxy.
   */
  private protectGlobals(): void {
    const L = this.L;
    lua.lua_pushglobaltable(L);
    setErrorMetatable(L);
    protectRecursively(L, new Set());
    this.globalsRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    pushBytes(L, '');
    lua.lua_getmetatable(L, -1);
    protectRecursively(L, new Set());
    lua.lua_pop(L, 2);
    if (this.kind === 'function') this.installFunctionGlobals();
  }

  /** The functions state: globals become an empty read-only table whose metatable reads through to the real ones. */
  private installFunctionGlobals(): void {
    const L = this.L;
    // What a library sees while it loads: only a small redis table.
    lua.lua_createtable(L, 0, 1);
    pushLoadTimeRedisTable(L, this, (T: LuaState) => {
      if (!this.registering) return raise(T, 'redis.register_function can only be called on FUNCTION LOAD command');
      return this.registering(T);
    });
    setErrorMetatable(L);
    lua.lua_setfield(L, -2, to_luastring('redis'));
    setErrorMetatable(L);
    protectRecursively(L, new Set());
    this.libraryApiRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);

    lua.lua_createtable(L, 0, 0);
    lua.lua_createtable(L, 0, 1);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, this.globalsRef);
    lua.lua_setfield(L, -2, to_luastring('__index'));
    setReadonly(lua.lua_topointer(L, -1), true);
    lua.lua_setmetatable(L, -2);
    setReadonly(lua.lua_topointer(L, -1), true);
    lua.lua_rawseti(L, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
  }

  /**
   * While a library loads, its globals read through to the load-time API
   * (redis.register_function and little else); afterwards to the real globals.
   */
  private setLoading(loading: boolean): void {
    const L = this.L;
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
    lua.lua_getmetatable(L, -1);
    const mt = lua.lua_topointer(L, -1) as LuaTableObject;
    setReadonly(mt, false);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, loading ? this.libraryApiRef : this.globalsRef);
    lua.lua_setfield(L, -2, to_luastring('__index'));
    setReadonly(mt, true);
    lua.lua_pop(L, 2);
  }

  // ——— Library functions that depend on the run ———

  private mathRandom(L: LuaState): number {
    if (!this.context) return raise(L, 'math.random can only be called inside a script invocation');
    // Redis's math.random: the reference Lua code over its own generator.
    const r = this.context.random();
    switch (lua.lua_gettop(L)) {
      case 0:
        lua.lua_pushnumber(L, r);
        return 1;
      case 1: {
        const u = cInt(lauxlib.luaL_checknumber(L, 1));
        if (!(1 <= u)) lauxlib.luaL_argerror(L, 1, to_luastring('interval is empty'));
        lua.lua_pushnumber(L, Math.floor(r * u) + 1);
        return 1;
      }
      case 2: {
        const l = cInt(lauxlib.luaL_checknumber(L, 1));
        const u = cInt(lauxlib.luaL_checknumber(L, 2));
        if (!(l <= u)) lauxlib.luaL_argerror(L, 2, to_luastring('interval is empty'));
        lua.lua_pushnumber(L, Math.floor(r * (u - l + 1)) + l);
        return 1;
      }
      default:
        return raise(L, 'wrong number of arguments');
    }
  }

  private mathRandomseed(L: LuaState): number {
    if (!this.context) return raise(L, 'math.randomseed can only be called inside a script invocation');
    this.context.seed(cInt(lauxlib.luaL_checknumber(L, 1)));
    return 0;
  }

  /** The thread scripts run in is Lua's main thread as far as scripts can tell. */
  private coroutineRunning(T: LuaState): number {
    if (T === this.thread || T === this.L) {
      lua.lua_pushnil(T);
      return 1;
    }
    lua.lua_pushthread(T);
    return 1;
  }

  // ——— Compiling ———

  /** Compiles a chunk and keeps it in the registry; the reference, or the compile error's message. */
  compile(code: string, chunkname: string): number | string {
    const L = this.L;
    if (loadChunk(L, code, chunkname) !== 1) {
      const message = fromLuaBytes(lua.lua_tolstring(L, -1));
      lua.lua_pop(L, 2);
      return message;
    }
    return lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  }

  release(ref: number): void {
    lauxlib.luaL_unref(this.L, lua.LUA_REGISTRYINDEX, ref);
  }

  /**
   * Runs a library's code once (FUNCTION LOAD) with its load-time globals and
   * a time limit; `register` receives its redis.register_function calls.
   * Returns null, or the error as Redis reports it.
   */
  runLibrary(ref: number, timeoutMs: number, register: LuaFunction): string | null {
    const L = this.L;
    loadDeadline = performance.now() + timeoutMs;
    this.registering = register;
    this.setLoading(true);
    lua.lua_sethook(L, loadHook, lua.LUA_MASKCOUNT, HOOK_INTERVAL);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
    const status = lua.lua_pcall(L, 0, 0, 0);
    lua.lua_sethook(L, null, 0, 0);
    this.setLoading(false);
    this.registering = null;
    if (status === lua.LUA_OK) return null;
    const message = errorMessage(L, -1);
    lua.lua_pop(L, 1);
    return message;
  }

  // ——— Running ———

  /**
   * Calls a compiled function: EVAL scripts see KEYS and ARGV as globals,
   * functions get them as arguments.
   */
  start(context: RunContext, ref: number, keys: string[], args: string[]): Outcome {
    const L = this.L;
    if (this.thread === null) {
      this.thread = lua.lua_newthread(L);
      this.threadRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      lua.lua_sethook(this.thread, hook, lua.LUA_MASKCOUNT, HOOK_INTERVAL);
    }
    const T = this.thread!;
    this.context = context;
    lua.lua_rawgeti(T, lua.LUA_REGISTRYINDEX, ref);
    if (this.kind === 'eval') {
      lua.lua_rawgeti(T, lua.LUA_REGISTRYINDEX, this.globalsRef);
      const globals = lua.lua_topointer(T, -1) as LuaTableObject;
      setReadonly(globals, false);
      pushStringArray(T, keys);
      lua.lua_setfield(T, -2, to_luastring('KEYS', true));
      pushStringArray(T, args);
      lua.lua_setfield(T, -2, to_luastring('ARGV', true));
      setReadonly(globals, true);
      lua.lua_pop(T, 1);
      return this.resume(0);
    }
    pushStringArray(T, keys);
    pushStringArray(T, args);
    return this.resume(2);
  }

  /** Goes on with a run: from its start, or after the hook yielded. */
  resume(nargs = 0): Outcome {
    const T = this.thread!;
    this.yieldedByHook = false;
    activeVM = this;
    let status: number;
    try {
      status = lua.lua_resume(T, this.L, nargs);
    } finally {
      activeVM = null;
    }
    if (status === lua.LUA_YIELD) {
      if (this.yieldedByHook) return { kind: 'suspended' };
      // The script itself yielded outside any coroutine: Lua 5.1 refuses that.
      return this.fail({ message: 'ERR attempt to yield across metamethod/C-call boundary', where: this.location(T) });
    }
    if (status !== lua.LUA_OK) {
      const where = this.location(T);
      lua.lua_xmove(T, this.L, 1);
      const message = errorMessage(this.L, -1);
      lua.lua_pop(this.L, 1);
      return this.fail({ message, where });
    }
    const context = this.context!;
    let reply: Reply = null;
    if (lua.lua_gettop(T) > 0) {
      lua.lua_settop(T, 1);
      reply = toReply(T, context.resp);
    }
    lua.lua_settop(T, 0);
    this.context = null;
    return { kind: 'done', reply };
  }

  /** Ends a suspended run with an error (SCRIPT KILL, the redlite time limit), where it stands. */
  abort(message: string): Outcome {
    return this.fail({ message, where: this.location(this.thread!) });
  }

  /** A run that failed leaves its coroutine dead or suspended: drop it. */
  private fail(error: { message: string; where: string | null }): Outcome {
    lauxlib.luaL_unref(this.L, lua.LUA_REGISTRYINDEX, this.threadRef);
    this.thread = null;
    this.threadRef = lauxlib.LUA_NOREF;
    this.context = null;
    return { kind: 'error', ...error };
  }

  /** "@user_script:3": the innermost Lua function on the stack, as Redis's error handler finds it. */
  private location(T: LuaState): string | null {
    const ar = new lua.lua_Debug();
    for (let level = 0; level < 2; level++) {
      if (!lua.lua_getstack(T, level, ar)) return null;
      lua.lua_getinfo(T, to_luastring('Sl'), ar);
      // fengari marks JS functions (Lua's C functions) with "J".
      if (fromLuaBytes(ar.what) !== 'J') return `${fromLuaBytes(ar.source)}:${ar.currentline}`;
    }
    return null;
  }

  /** Called by the count hook. */
  onHook(T: LuaState): void {
    const context = this.context;
    if (!context) return;
    const action = context.interrupt(T === this.thread && lua.lua_isyieldable(T));
    if (action === null) return;
    if (action === 'yield') {
      this.yieldedByHook = true;
      lua.lua_yield(T, 0);
      return;
    }
    // Keep interrupting at every line so a pcall in the script cannot swallow the stop.
    lua.lua_sethook(T, hook, lua.LUA_MASKLINE | lua.LUA_MASKCOUNT, 1);
    pushErrorTable(T, action.error, false);
    lua.lua_error(T);
  }
}

/** The VM whose script is running (the hook and library functions find their state through it). */
let activeVM: LuaVM | null = null;

function hook(T: LuaState): void {
  activeVM?.onHook(T);
}

/** When the library being loaded must stop (FUNCTION LOAD's time limit). */
let loadDeadline = 0;

function loadHook(L: LuaState): void {
  if (performance.now() > loadDeadline) {
    lua.lua_sethook(L, loadHook, lua.LUA_MASKLINE, 0);
    pushErrorTable(L, 'ERR FUNCTION LOAD timeout', false);
    lua.lua_error(L);
  }
}

/** The error at idx as Redis's error handler words it: {err=…} tables keep their text, anything else is "ERR " .. tostring. */
function errorMessage(L: LuaState, idx: number): string {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TTABLE: {
      lua.lua_getfield(L, idx, to_luastring('err', true));
      const msg = lua.lua_isstring(L, -1) ? fromLuaBytes(lua.lua_tolstring(L, -1)) : 'ERR unknown error';
      lua.lua_pop(L, 1);
      return msg;
    }
    case lua.LUA_TSTRING:
      return 'ERR ' + fromLuaBytes(lua.lua_tolstring(L, idx));
    case lua.LUA_TNUMBER:
      return 'ERR ' + luaNumberToString(lua.lua_tonumber(L, idx));
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx) ? 'ERR true' : 'ERR false';
    case lua.LUA_TNIL:
      return 'ERR nil';
    default:
      return 'ERR ' + fromLuaBytes(lauxlib.luaL_typename(L, idx));
  }
}

function pushStringArray(L: LuaState, items: string[]): void {
  lua.lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushBytes(L, items[i]);
    lua.lua_rawseti(L, -2, i + 1);
  }
}

/** Marks the table at the top of the stack, every table reachable from it and their metatables read-only. */
function protectRecursively(L: LuaState, seen: Set<unknown>): void {
  const t = lua.lua_topointer(L, -1) as LuaTableObject;
  if (seen.has(t)) return;
  seen.add(t);
  setReadonly(t, true);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    if (lua.lua_type(L, -1) === lua.LUA_TTABLE) protectRecursively(L, seen);
    lua.lua_pop(L, 1);
  }
  if (lua.lua_getmetatable(L, -1)) {
    protectRecursively(L, seen);
    lua.lua_pop(L, 1);
  }
}

/** Gives the table at the top a metatable whose __index refuses unknown names. */
function setErrorMetatable(L: LuaState): void {
  lua.lua_createtable(L, 0, 1);
  lua.lua_pushcfunction(L, nonexistentGlobal);
  lua.lua_setfield(L, -2, to_luastring('__index'));
  lua.lua_setmetatable(L, -2);
}

/** The globals' __index: Redis refuses to read names that do not exist. */
function nonexistentGlobal(L: LuaState): number {
  if (!lua.lua_isstring(L, 2)) return raise(L, 'Second argument to luaProtectedTableError must be a string or number');
  return raise(L, `Script attempted to access nonexistent global variable '${fromLuaBytes(lua.lua_tolstring(L, 2))}'`);
}

/**
 * Redis's pcall: Lua's, except that an error table {err=…} (what redis.call
 * raises) is returned as its message. Yieldable, so a long pcall'd loop can
 * still be suspended.
 */
function finishPcall(L: LuaState, status: number, extra: number): number {
  if (status !== lua.LUA_OK && status !== lua.LUA_YIELD) {
    if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
      lua.lua_getfield(L, -1, to_luastring('err', true));
      if (lua.lua_isstring(L, -1)) lua.lua_replace(L, -2);
      else lua.lua_pop(L, 1);
    }
    lua.lua_pushboolean(L, 0);
    lua.lua_insert(L, -2);
    return 2;
  }
  return lua.lua_gettop(L) - extra;
}

function redisPcall(L: LuaState): number {
  // Redis's pcall checks nothing: with no arguments it ends up calling its own placeholder.
  if (lua.lua_gettop(L) === 0) {
    lua.lua_pushboolean(L, 0);
    lua.lua_pushstring(L, to_luastring('attempt to call a boolean value'));
    return 2;
  }
  lua.lua_pushboolean(L, 1);
  lua.lua_insert(L, 1);
  return yieldablePcall(L, lua.lua_gettop(L) - 2, 0, finishPcall);
}

/** xpcall(f, handler) as 5.1: no arguments for f; the handler's result is the error. */
function xpcall(L: LuaState): number {
  lauxlib.luaL_checkany(L, 2);
  lua.lua_settop(L, 2);
  lua.lua_pushboolean(L, 1);
  lua.lua_pushvalue(L, 1);
  // f, handler, true, f: the handler stays at 2, the results go above `true`.
  return yieldablePcall(L, 0, 2, (T, status, extra) => {
    if (status !== lua.LUA_OK && status !== lua.LUA_YIELD) {
      lua.lua_pushboolean(T, 0);
      lua.lua_insert(T, -2);
      return 2;
    }
    return lua.lua_gettop(T) - extra;
  }, 2);
}

/**
 * lua_pcallk with a continuation, so a protected call stays yieldable. fengari
 * forgets to record that hooks were allowed when the call began (its setoah
 * clears the bit instead of setting it), and an error recovered after a yield
 * would then turn the count hook off for good: set the bit first.
 */
function yieldablePcall(
  L: LuaState,
  nargs: number,
  errfunc: number,
  finish: (L: LuaState, status: number, extra: number) => number,
  extra = 0,
): number {
  const state = L as unknown as { allowhook: number | boolean; ci: { callstatus: number } };
  if (state.allowhook) state.ci.callstatus |= CIST_OAH;
  const status = lua.lua_pcallk(L, nargs, lua.LUA_MULTRET, errfunc, extra, finish);
  return finish(L, status, extra);
}

/** fengari's "original allowhook" call-status bit (lstate.js CIST_OAH). */
const CIST_OAH = 1;

/** setmetatable refuses read-only tables, as in Redis's patched Lua. */
function guardedSetmetatable(L: LuaState): number {
  const t = lua.lua_type(L, 2);
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  if (t !== lua.LUA_TNIL && t !== lua.LUA_TTABLE) lauxlib.luaL_argerror(L, 2, to_luastring('nil or table expected'));
  if ((lua.lua_topointer(L, 1) as LuaTableObject).readonly) ldebug.luaG_runerror(L, to_luastring('Attempt to modify a readonly table'));
  if (lauxlib.luaL_getmetafield(L, 1, to_luastring('__metatable')) !== lua.LUA_TNIL) return raise(L, 'cannot change a protected metatable');
  lua.lua_settop(L, 2);
  lua.lua_setmetatable(L, 1);
  return 1;
}

/** tostring with Lua 5.1's `%.14g` for numbers (fengari's own formats them through an unpatched path). */
function tostring(L: LuaState): number {
  lauxlib.luaL_checkany(L, 1);
  if (lua.lua_type(L, 1) === lua.LUA_TNUMBER && !lauxlib.luaL_getmetafield(L, 1, to_luastring('__tostring', true))) {
    pushBytes(L, luaNumberToString(lua.lua_tonumber(L, 1)));
  } else {
    lauxlib.luaL_tolstring(L, 1);
  }
  return 1;
}

function gcinfo(L: LuaState): number {
  lua.lua_pushnumber(L, 0);
  return 1;
}
