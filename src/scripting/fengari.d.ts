/**
 * The parts of fengari (Lua 5.3 in JS) that redlite uses. fengari ships no
 * types; its C-like API takes a `lua_State` and stack indices, and strings are
 * Uint8Arrays of bytes ("luastrings").
 */
declare module 'fengari' {
  /** A Lua thread (lua_State); opaque to redlite except where lua51.ts patches fengari. */
  export type LuaState = { readonly __luaState: unique symbol };
  export type LuaFunction = (L: LuaState) => number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Api = Record<string, any>;
  export const lua: Api;
  export const lauxlib: Api;
  export const lualib: Api;
  export function to_luastring(s: string, cache?: boolean): Uint8Array;
}

/** fengari's internal modules, patched in place by lua51.ts to give Redis's Lua 5.1 semantics. */
declare module 'fengari/src/lobject.js' {
  const m: Record<string, any>;
  export default m;
}
declare module 'fengari/src/lvm.js' {
  const m: Record<string, any>;
  export default m;
}
declare module 'fengari/src/ltable.js' {
  const m: Record<string, any>;
  export default m;
}
declare module 'fengari/src/ldebug.js' {
  const m: Record<string, any>;
  export default m;
}
declare module 'fengari/src/lstring.js' {
  const m: Record<string, any>;
  export default m;
}
