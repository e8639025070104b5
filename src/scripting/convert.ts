/**
 * Replies into Lua values and back, as Redis 7.0's script_lua.c converts them.
 *
 * Into Lua (what redis.call returns), by the script client's protocol:
 *   integer → number; bulk → string; nil bulk / nil array → false (RESP2) or
 *   nil (RESP3); array → table; status → {ok=…}; error → {err=…}; RESP3 map →
 *   {map={…}}, set → {set={k=true…}}, double → {double=n}, boolean → boolean,
 *   big number → {big_number=…}, verbatim → {verbatim_string={string=…, format=…}}.
 *
 * Out of Lua (what a script returns): number → integer (truncated), string →
 * bulk, table → {err}/{ok}/{double}/{big_number}/{verbatim_string}/{map}/{set}
 * or an array up to the first nil, true → 1 and false → nil (RESP2; booleans
 * under RESP3), anything else → nil.
 */
import { lua, type LuaState } from 'fengari';
import { formatDouble } from '../engine/number.js';
import {
  BigNumberReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  NullArray,
  PushReply,
  SetReply,
  SimpleString,
  VerbatimReply,
  type Reply,
} from '../engine/reply.js';
import { fromLuaBytes, pushBytes, toLuaBytes } from './bytes.js';
import { doubleToInt64 } from './cformat.js';

const REPLY_STACK_LIMIT = 1000;
const K_OK = toLuaBytes('ok');
const K_ERR = toLuaBytes('err');
const K_DOUBLE = toLuaBytes('double');
const K_BIG = toLuaBytes('big_number');
const K_VERBATIM = toLuaBytes('verbatim_string');
const K_STRING = toLuaBytes('string');
const K_FORMAT = toLuaBytes('format');
const K_MAP = toLuaBytes('map');
const K_SET = toLuaBytes('set');
const K_IGNORE_STATS = toLuaBytes('ignore_error_stats_update');

/**
 * Redis's luaPushErrorBuff: "-CODE msg" keeps its code, a message without
 * the leading '-' gets "ERR"; no CR/LF at either end of the message.
 */
export function normalizeError(buffer: string): string {
  let code = 'ERR';
  let msg = buffer;
  if (buffer.charCodeAt(0) === 45) {
    const space = buffer.indexOf(' ');
    if (space < 0) msg = buffer.slice(1);
    else {
      code = buffer.slice(1, space);
      msg = buffer.slice(space + 1);
    }
  }
  let start = 0;
  let end = msg.length;
  while (start < end && (msg[start] === '\r' || msg[start] === '\n')) start++;
  while (end > start && (msg[end - 1] === '\r' || msg[end - 1] === '\n')) end--;
  return `${code} ${msg.slice(start, end)}`;
}

/** Pushes {err=message} (already normalised), marked as counted as Redis does for command errors. */
export function pushErrorTable(L: LuaState, message: string, commandError: boolean): void {
  lua.lua_createtable(L, 0, 2);
  lua.lua_pushstring(L, K_ERR);
  pushBytes(L, message);
  lua.lua_rawset(L, -3);
  if (commandError) {
    lua.lua_pushstring(L, K_IGNORE_STATS);
    lua.lua_pushboolean(L, 1);
    lua.lua_rawset(L, -3);
  }
}

function pushSingleField(L: LuaState, key: Uint8Array, push: () => void): void {
  lua.lua_createtable(L, 0, 1);
  lua.lua_pushstring(L, key);
  push();
  lua.lua_rawset(L, -3);
}

function pushArray(L: LuaState, items: Reply[], resp: 2 | 3): void {
  lua.lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushReply(L, items[i], resp);
    lua.lua_rawseti(L, -2, i + 1);
  }
}

/** Pushes a command's reply as the script client (protocol `resp`) would read it. */
export function pushReply(L: LuaState, reply: Reply, resp: 2 | 3): void {
  if (typeof reply === 'string') return pushBytes(L, reply);
  if (typeof reply === 'number') return lua.lua_pushnumber(L, reply);
  if (reply === null || reply instanceof NullArray) return resp === 2 ? lua.lua_pushboolean(L, 0) : lua.lua_pushnil(L);
  if (Array.isArray(reply)) return pushArray(L, reply, resp);
  if (typeof reply === 'bigint') return lua.lua_pushnumber(L, Number(reply));
  if (typeof reply === 'boolean') return resp === 2 ? lua.lua_pushnumber(L, reply ? 1 : 0) : lua.lua_pushboolean(L, reply ? 1 : 0);
  if (reply instanceof SimpleString) return pushSingleField(L, K_OK, () => pushBytes(L, reply.value));
  if (reply instanceof ErrorReply) return pushErrorTable(L, normalizeError('-' + reply.message), true);
  if (reply instanceof MapReply) {
    if (resp === 2) return pushArray(L, reply.entries, resp);
    return pushSingleField(L, K_MAP, () => {
      const e = reply.entries;
      lua.lua_createtable(L, 0, e.length / 2);
      for (let i = 0; i < e.length; i += 2) {
        pushReply(L, e[i], resp);
        pushReply(L, e[i + 1], resp);
        lua.lua_rawset(L, -3);
      }
    });
  }
  if (reply instanceof SetReply) {
    if (resp === 2) return pushArray(L, reply.items, resp);
    return pushSingleField(L, K_SET, () => {
      lua.lua_createtable(L, 0, reply.items.length);
      for (const item of reply.items) {
        pushReply(L, item, resp);
        lua.lua_pushboolean(L, 1);
        lua.lua_rawset(L, -3);
      }
    });
  }
  if (reply instanceof DoubleReply) {
    if (resp === 2) return pushBytes(L, formatDouble(reply.value));
    return pushSingleField(L, K_DOUBLE, () => lua.lua_pushnumber(L, reply.value));
  }
  if (reply instanceof BigNumberReply) {
    if (resp === 2) return pushBytes(L, reply.digits);
    return pushSingleField(L, K_BIG, () => pushBytes(L, reply.digits));
  }
  if (reply instanceof VerbatimReply) {
    if (resp === 2) return pushBytes(L, reply.text);
    return pushSingleField(L, K_VERBATIM, () => {
      lua.lua_createtable(L, 0, 2);
      lua.lua_pushstring(L, K_STRING);
      pushBytes(L, reply.text);
      lua.lua_rawset(L, -3);
      lua.lua_pushstring(L, K_FORMAT);
      pushBytes(L, reply.format);
      lua.lua_rawset(L, -3);
    });
  }
  if (reply instanceof PushReply) return pushArray(L, reply.items, resp);
}

/** CR and LF become spaces in status, error and big number lines. */
function oneLine(s: string): string {
  return s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s : s.replace(/[\r\n]/g, ' ');
}

/** C's (long long) cast of a Lua number, as an integer reply. */
function int64Reply(n: number): number | bigint {
  if (Number.isSafeInteger(n)) return n;
  const big = doubleToInt64(n);
  return big >= -(2n ** 53n) && big <= 2n ** 53n ? Number(big) : big;
}

/** rawget of a string key on the table at idx; leaves the value on the stack. */
function rawField(L: LuaState, idx: number, key: Uint8Array): number {
  lua.lua_pushstring(L, key);
  return lua.lua_rawget(L, idx < 0 ? idx - 1 : idx);
}

/** The reply for the Lua value at the top of the stack (which stays there); `resp` is the script client's. */
export function toReply(L: LuaState, resp: 2 | 3): Reply {
  switch (lua.lua_type(L, -1)) {
    case lua.LUA_TSTRING:
      return fromLuaBytes(lua.lua_tolstring(L, -1));
    case lua.LUA_TBOOLEAN: {
      const b = lua.lua_toboolean(L, -1);
      return resp === 2 ? (b ? 1 : null) : b;
    }
    case lua.LUA_TNUMBER:
      return int64Reply(lua.lua_tonumber(L, -1));
    case lua.LUA_TTABLE:
      // A table nested too deep (or in itself) ends in an error, as when Redis reaches Lua's C stack
      // limit (8000 slots); redlite stops earlier, where JS recursion is still safe.
      if (lua.lua_gettop(L) + 4 > REPLY_STACK_LIMIT || !lua.lua_checkstack(L, 4)) return new ErrorReply('ERR reached lua stack limit');
      return tableReply(L, resp);
    default:
      return null;
  }
}

function tableReply(L: LuaState, resp: 2 | 3): Reply {
  if (rawField(L, -1, K_ERR) === lua.LUA_TSTRING) {
    lua.lua_pop(L, 1);
    lua.lua_getfield(L, -1, K_ERR);
    const msg = lua.lua_isstring(L, -1) ? fromLuaBytes(lua.lua_tolstring(L, -1)) : '';
    lua.lua_pop(L, 1);
    return new ErrorReply(oneLine(msg));
  }
  lua.lua_pop(L, 1);
  if (rawField(L, -1, K_OK) === lua.LUA_TSTRING) {
    const s = fromLuaBytes(lua.lua_tolstring(L, -1));
    lua.lua_pop(L, 1);
    return new SimpleString(oneLine(s));
  }
  lua.lua_pop(L, 1);
  if (rawField(L, -1, K_DOUBLE) === lua.LUA_TNUMBER) {
    const d = lua.lua_tonumber(L, -1);
    lua.lua_pop(L, 1);
    return new DoubleReply(d);
  }
  lua.lua_pop(L, 1);
  if (rawField(L, -1, K_BIG) === lua.LUA_TSTRING) {
    const s = fromLuaBytes(lua.lua_tolstring(L, -1));
    lua.lua_pop(L, 1);
    return new BigNumberReply(oneLine(s));
  }
  lua.lua_pop(L, 1);
  if (rawField(L, -1, K_VERBATIM) === lua.LUA_TTABLE) {
    const format = rawField(L, -1, K_FORMAT) === lua.LUA_TSTRING ? fromLuaBytes(lua.lua_tolstring(L, -1)) : null;
    lua.lua_pop(L, 1);
    const text = rawField(L, -1, K_STRING) === lua.LUA_TSTRING ? fromLuaBytes(lua.lua_tolstring(L, -1)) : null;
    lua.lua_pop(L, 2);
    if (format !== null && text !== null) return new VerbatimReply(text, format);
  } else {
    lua.lua_pop(L, 1);
  }
  if (rawField(L, -1, K_MAP) === lua.LUA_TTABLE) {
    const entries: Reply[] = [];
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      lua.lua_pushvalue(L, -2);
      entries.push(toReply(L, resp));
      lua.lua_pop(L, 1);
      entries.push(toReply(L, resp));
      lua.lua_pop(L, 1);
    }
    lua.lua_pop(L, 1);
    return new MapReply(entries);
  }
  lua.lua_pop(L, 1);
  if (rawField(L, -1, K_SET) === lua.LUA_TTABLE) {
    const items: Reply[] = [];
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      lua.lua_pop(L, 1);
      items.push(toReply(L, resp));
    }
    lua.lua_pop(L, 1);
    return new SetReply(items);
  }
  lua.lua_pop(L, 1);
  const items: Reply[] = [];
  for (let j = 1; ; j++) {
    if (lua.lua_rawgeti(L, -1, j) === lua.LUA_TNIL) {
      lua.lua_pop(L, 1);
      break;
    }
    items.push(toReply(L, resp));
    lua.lua_pop(L, 1);
  }
  return items;
}
