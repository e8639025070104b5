/**
 * The settings CONFIG GET / SET know, declared once as a table with Redis 7.0's
 * names, aliases, defaults, bounds and parse errors. Each is honoured by the
 * engine or a host (or, for a few that only make sense in a server process,
 * accepted and reported so clients and test harnesses that set them work).
 */
import { parseInt64 } from './number.js';
import { formatNotifyFlags, parseNotifyFlags } from './notify.js';
import { ErrorReply } from './reply.js';

type Kind =
  /** An integer in [min, max]; `memory` also takes unit suffixes (1kb, 5mb); `clamp` then narrows it further. */
  | { type: 'int'; min: bigint; max: bigint; memory?: boolean; clamp?: [number, number] }
  | { type: 'bool' }
  | { type: 'string' }
  | { type: 'enum'; values: string[] }
  | { type: 'custom'; parse(v: string): unknown; format(v: unknown): string };

export interface Setting {
  name: string;
  alias?: string;
  kind: Kind;
  default: unknown;
  /** Settable only at start-up (CONFIG SET refuses it as Redis does). */
  immutable?: boolean;
  /** Its value is a secret: redacted from MONITOR and SLOWLOG. */
  sensitive?: boolean;
}

const int = (min: number | bigint, max: number | bigint): Kind => ({ type: 'int', min: BigInt(min), max: BigInt(max) });
const memory = (min: number | bigint, max: number | bigint): Kind => ({ ...int(min, max), memory: true } as Kind);
const bool: Kind = { type: 'bool' };
const str: Kind = { type: 'string' };
const enumOf = (...values: string[]): Kind => ({ type: 'enum', values });
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const UINT_MAX = 4294967295;
const LONG_MAX = 2n ** 63n - 1n;
const ULLONG_MAX = 2n ** 64n - 1n;

/** Redis's memtoull: digits with an optional b / k / kb / m / mb / g / gb suffix (any case). */
function parseMemory(v: string): bigint | null {
  const m = /^(\d*)(b|k|kb|m|mb|g|gb)?$/i.exec(v);
  if (!m) return null;
  const unit: Record<string, bigint> = { b: 1n, k: 1000n, kb: 1024n, m: 1000000n, mb: 1n << 20n, g: 1000000000n, gb: 1n << 30n };
  return BigInt(m[1] || 0) * (m[2] ? unit[m[2].toLowerCase()] : 1n);
}

/** `save`: pairs of "seconds changes", seconds ≥ 1 and changes ≥ 0; "" turns saving off. */
const saveParams: Kind = {
  type: 'custom',
  parse(v) {
    const words = v === '' ? [] : v.split(' ');
    const ok = words.length % 2 === 0 && words.every((w, i) => /^-?\d+$/.test(w) && Number(w) >= (i % 2 === 0 ? 1 : 0));
    if (!ok) throw new Error('Invalid save parameters');
    return words.map(Number);
  },
  format: (v) => (v as number[]).join(' '),
};

const notifyEvents: Kind = {
  type: 'custom',
  parse(v) {
    const f = parseNotifyFlags(v);
    if (f === null) throw new Error("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
    return f;
  },
  format: (v) => formatNotifyFlags(v as number),
};

export const SETTINGS: Setting[] = [
  { name: 'databases', kind: int(1, INT_MAX), default: 16, immutable: true },
  // redlite-server never forks into the background.
  { name: 'daemonize', kind: bool, default: false, immutable: true },
  { name: 'port', kind: int(0, 65535), default: 6379 },
  { name: 'bind', kind: str, default: '127.0.0.1' },
  { name: 'requirepass', kind: str, default: '', sensitive: true },
  // Redis takes any hz and runs within [1, 500].
  { name: 'hz', kind: { type: 'int', min: 0n, max: BigInt(INT_MAX), clamp: [1, 500] }, default: 10 },
  { name: 'notify-keyspace-events', kind: notifyEvents, default: 0 },
  { name: 'maxmemory', kind: memory(0, ULLONG_MAX), default: 0 },
  { name: 'maxmemory-policy', kind: enumOf('volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'), default: 'noeviction' },
  { name: 'maxclients', kind: int(1, UINT_MAX), default: 10000 },
  { name: 'timeout', kind: int(0, INT_MAX), default: 0 },
  { name: 'tcp-keepalive', kind: int(0, INT_MAX), default: 300 },
  { name: 'proto-max-bulk-len', kind: memory(1024 * 1024, LONG_MAX), default: 512 * 1024 * 1024 },
  { name: 'client-query-buffer-limit', kind: memory(1024 * 1024, LONG_MAX), default: 1024 * 1024 * 1024 },
  { name: 'busy-reply-threshold', alias: 'lua-time-limit', kind: int(0, LONG_MAX), default: 5000 },
  { name: 'hash-max-listpack-entries', alias: 'hash-max-ziplist-entries', kind: int(0, LONG_MAX), default: 512 },
  { name: 'hash-max-listpack-value', alias: 'hash-max-ziplist-value', kind: memory(0, LONG_MAX), default: 64 },
  { name: 'set-max-intset-entries', kind: int(0, LONG_MAX), default: 512 },
  { name: 'zset-max-listpack-entries', alias: 'zset-max-ziplist-entries', kind: int(0, LONG_MAX), default: 128 },
  { name: 'zset-max-listpack-value', alias: 'zset-max-ziplist-value', kind: memory(0, LONG_MAX), default: 64 },
  { name: 'list-max-listpack-size', alias: 'list-max-ziplist-size', kind: int(INT_MIN, INT_MAX), default: -2 },
  { name: 'list-compress-depth', kind: int(0, INT_MAX), default: 0 },
  { name: 'stream-node-max-bytes', kind: memory(0, LONG_MAX), default: 4096 },
  { name: 'hll-sparse-max-bytes', kind: memory(0, LONG_MAX), default: 3000 },
  { name: 'stream-node-max-entries', kind: int(0, LONG_MAX), default: 100 },
  { name: 'lazyfree-lazy-user-del', kind: bool, default: false },
  { name: 'lazyfree-lazy-user-flush', kind: bool, default: false },
  { name: 'lfu-log-factor', kind: int(0, INT_MAX), default: 10 },
  { name: 'lfu-decay-time', kind: int(0, INT_MAX), default: 1 },
  { name: 'slowlog-log-slower-than', kind: int(-1, LONG_MAX), default: 10000 },
  { name: 'slowlog-max-len', kind: int(0, LONG_MAX), default: 128 },
  { name: 'latency-tracking', kind: bool, default: true },
  { name: 'activedefrag', kind: bool, default: false },
  { name: 'appendonly', kind: bool, default: false },
  { name: 'appendfsync', kind: enumOf('everysec', 'always', 'no'), default: 'everysec' },
  { name: 'save', kind: saveParams, default: [] },
  { name: 'dir', kind: str, default: '.' },
  { name: 'dbfilename', kind: str, default: 'dump.rdb' },
  { name: 'loglevel', kind: enumOf('debug', 'verbose', 'notice', 'warning'), default: 'notice' },
];

const BY_NAME = new Map<string, Setting>();
for (const s of SETTINGS) {
  BY_NAME.set(s.name, s);
  if (s.alias) BY_NAME.set(s.alias, s);
}

/** A setting by name or alias, any case. */
export function findSetting(name: string): Setting | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Parses a value for a setting; throws an Error whose message Redis would show. */
export function parseSetting(s: Setting, v: string): unknown {
  const k = s.kind;
  switch (k.type) {
    case 'int': {
      const n = k.memory ? parseMemory(v) : parseInt64(v);
      if (n === null) throw new Error(k.memory ? 'argument must be a memory value' : "argument couldn't be parsed into an integer");
      if (n < k.min || n > k.max) throw new Error(`argument must be between ${k.min} and ${k.max} inclusive`);
      return k.clamp ? Math.min(Math.max(Number(n), k.clamp[0]), k.clamp[1]) : Number(n);
    }
    case 'bool': {
      const lower = v.toLowerCase();
      if (lower === 'yes') return true;
      if (lower === 'no') return false;
      throw new Error("argument must be 'yes' or 'no'");
    }
    case 'string':
      return v;
    case 'enum': {
      const lower = v.toLowerCase();
      if (!k.values.includes(lower)) throw new Error(`argument(s) must be one of the following: ${k.values.join(', ')}`);
      return lower;
    }
    case 'custom':
      return k.parse(v);
  }
}

export function formatSetting(s: Setting, v: unknown): string {
  const k = s.kind;
  if (k.type === 'bool') return v ? 'yes' : 'no';
  if (k.type === 'custom') return k.format(v);
  return String(v);
}

/** The live values, by canonical name. Hosts read and may watch them. */
export class Config {
  private readonly values = new Map<string, unknown>();
  /** Called after a successful CONFIG SET of a setting. */
  onChange: ((name: string, value: unknown) => void) | null = null;

  constructor(initial: Record<string, string | number | boolean> = {}) {
    for (const s of SETTINGS) this.values.set(s.name, s.default);
    for (const [name, v] of Object.entries(initial)) {
      const s = findSetting(name);
      if (!s) throw new Error(`unknown setting ${name}`);
      this.values.set(s.name, typeof v === 'string' ? parseSetting(s, v) : v);
    }
  }

  get(name: string): unknown {
    return this.values.get(name);
  }
  int(name: string): number {
    return this.values.get(name) as number;
  }
  get requirepass(): string {
    return this.values.get('requirepass') as string;
  }

  /** A setting's value as CONFIG GET prints it. */
  format(s: Setting): string {
    return formatSetting(s, this.values.get(s.name));
  }

  /**
   * CONFIG SET of several pairs at once: all apply or none (Redis 7 semantics).
   * Names are checked first (unknown, immutable, repeated), then values; the
   * first problem found is the error, worded as Redis words it.
   */
  setMany(pairs: [string, string][]): void {
    const settings: Setting[] = [];
    for (const [name] of pairs) {
      const s = findSetting(name);
      if (!s) throw new ErrorReply(`ERR Unknown option or number of arguments for CONFIG SET - '${name}'`);
      if (s.immutable) throw setFailed(name, "can't set immutable config");
      if (settings.includes(s)) throw setFailed(name, 'duplicate parameter');
      settings.push(s);
    }
    const parsed = settings.map((s, i) => {
      try {
        return parseSetting(s, pairs[i][1]);
      } catch (e) {
        throw setFailed(s.name, (e as Error).message);
      }
    });
    settings.forEach((s, i) => {
      this.values.set(s.name, parsed[i]);
      this.onChange?.(s.name, parsed[i]);
    });
  }

  /** Every (name, value) whose name or alias matches the predicate, aliases reported too. */
  entries(matches: (name: string) => boolean): [string, string][] {
    const out: [string, string][] = [];
    for (const s of SETTINGS) {
      if (matches(s.name)) out.push([s.name, this.format(s)]);
      if (s.alias && matches(s.alias)) out.push([s.alias, this.format(s)]);
    }
    return out;
  }
}

function setFailed(name: string, why: string): ErrorReply {
  return new ErrorReply(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`);
}
