/**
 * The edge between JS strings and the engine's byte strings (one char per byte).
 * Arguments are encoded as UTF-8; replies are decoded from UTF-8, or handed
 * over as Uint8Array for the ...Buffer methods. ASCII, the common case, passes
 * through untouched.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A command argument as the engine takes it. */
export type Arg = string | number | bigint | Uint8Array;
/** What methods accept, as ioredis does: arguments, arrays of them, or an object of field → value pairs. */
export type ArgInput = Arg | readonly Arg[] | Readonly<Record<string, Arg>>;

/** A command's argv as byte strings, arrays and objects flattened in place. */
export function toArgv(name: string, args: readonly ArgInput[]): string[] {
  if (args.every(isScalar)) {
    // The common case, sized at once.
    const argv: string[] = new Array(args.length + 1);
    argv[0] = name;
    for (let i = 0; i < args.length; i++) argv[i + 1] = argToBytes(args[i] as Arg);
    return argv;
  }
  const argv = [name];
  for (const a of args) {
    if (Array.isArray(a)) for (const item of a) argv.push(argToBytes(item));
    else if (typeof a === 'object' && !(a instanceof Uint8Array)) {
      for (const [k, v] of Object.entries(a as Record<string, Arg>)) argv.push(argToBytes(k), argToBytes(v));
    } else argv.push(argToBytes(a as Arg));
  }
  return argv;
}

const isScalar = (a: ArgInput): boolean => typeof a !== 'object' || a instanceof Uint8Array;

/** A loop, not a regex: arguments are mostly short, and this runs for every one. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function argToBytes(arg: Arg): string {
  if (typeof arg === 'string') return isAscii(arg) ? arg : arrayToBytes(encoder.encode(arg));
  if (arg instanceof Uint8Array) return arrayToBytes(arg);
  return String(arg);
}

export function bytesToString(bytes: string): string {
  return isAscii(bytes) ? bytes : decoder.decode(bytesToArray(bytes));
}

export function bytesToArray(bytes: string): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return out;
}

export function arrayToBytes(array: Uint8Array): string {
  let out = '';
  // fromCharCode takes arguments: go in chunks to stay under engines' argument limits.
  for (let i = 0; i < array.length; i += 8192) {
    out += String.fromCharCode.apply(null, array.subarray(i, i + 8192) as unknown as number[]);
  }
  return out;
}
