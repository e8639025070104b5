/**
 * The settings CONFIG GET / SET know, declared once as a table. Each is honoured
 * by the engine or a host (or, for a few that only make sense in a server
 * process, accepted and reported so clients and test harnesses that set them work).
 */
import { formatNotifyFlags, parseNotifyFlags } from './notify.js';
import { ErrorReply } from './reply.js';

type Kind =
  | { type: 'int'; min: number; max: number }
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
}

const int = (min: number, max: number): Kind => ({ type: 'int', min, max });
const bool: Kind = { type: 'bool' };
const str: Kind = { type: 'string' };
const INT_MAX = 2147483647;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

/** Memory sizes accept unit suffixes (1kb, 5mb, 1gb) as in redis.conf. */
function parseMemory(v: string): number | null {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(v);
  if (!m) return null;
  const unit: Record<string, number> = { b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1 << 20, g: 1e9, gb: 1 << 30 };
  return Number(m[1]) * (m[2] ? unit[m[2].toLowerCase()] : 1);
}
const memory = (min: number): Kind => ({
  type: 'custom',
  parse(v) {
    const n = parseMemory(v);
    if (n === null || n < min) throw new Error('argument must be a memory value');
    return n;
  },
  format: (v) => String(v),
});

export const SETTINGS: Setting[] = [
  { name: 'databases', kind: int(1, INT_MAX), default: 16, immutable: true },
  { name: 'port', kind: int(0, 65535), default: 6379 },
  { name: 'bind', kind: str, default: '127.0.0.1' },
  { name: 'requirepass', kind: str, default: '' },
  { name: 'hz', kind: int(1, 500), default: 10 },
  { name: 'notify-keyspace-events', kind: { type: 'custom', parse(v) {
    const f = parseNotifyFlags(v);
    if (f === null) throw new Error('Invalid event class character. Use \'Ag$lshzxeKEtmdn\'.');
    return f;
  }, format: (v) => formatNotifyFlags(v as number) }, default: 0 },
  { name: 'maxmemory', kind: memory(0), default: 0 },
  { name: 'maxmemory-policy', kind: { type: 'enum', values: ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'] }, default: 'noeviction' },
  { name: 'maxclients', kind: int(1, INT_MAX), default: 10000 },
  { name: 'timeout', kind: int(0, INT_MAX), default: 0 },
  { name: 'proto-max-bulk-len', kind: memory(1024 * 1024), default: 512 * 1024 * 1024 },
  { name: 'client-query-buffer-limit', kind: memory(1024 * 1024), default: 1024 * 1024 * 1024 },
  { name: 'busy-reply-threshold', alias: 'lua-time-limit', kind: int(0, LONG_MAX), default: 5000 },
  { name: 'hash-max-listpack-entries', alias: 'hash-max-ziplist-entries', kind: int(0, LONG_MAX), default: 128 },
  { name: 'hash-max-listpack-value', alias: 'hash-max-ziplist-value', kind: int(0, LONG_MAX), default: 64 },
  { name: 'set-max-intset-entries', kind: int(0, LONG_MAX), default: 512 },
  { name: 'zset-max-listpack-entries', alias: 'zset-max-ziplist-entries', kind: int(0, LONG_MAX), default: 128 },
  { name: 'zset-max-listpack-value', alias: 'zset-max-ziplist-value', kind: int(0, LONG_MAX), default: 64 },
  { name: 'list-max-listpack-size', alias: 'list-max-ziplist-size', kind: int(-5, INT_MAX), default: -2 },
  { name: 'list-compress-depth', kind: int(0, INT_MAX), default: 0 },
  { name: 'stream-node-max-bytes', kind: memory(0), default: 4096 },
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
  { name: 'appendfsync', kind: { type: 'enum', values: ['always', 'everysec', 'no'] }, default: 'everysec' },
  { name: 'save', kind: str, default: '' },
  { name: 'dir', kind: str, default: '.' },
  { name: 'dbfilename', kind: str, default: 'dump.rdb' },
  { name: 'loglevel', kind: { type: 'enum', values: ['debug', 'verbose', 'notice', 'warning', 'nothing'] }, default: 'notice' },
];

const BY_NAME = new Map<string, Setting>();
for (const s of SETTINGS) {
  BY_NAME.set(s.name, s);
  if (s.alias) BY_NAME.set(s.alias, s);
}

export function findSetting(name: string): Setting | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Parses a value for a setting; throws an Error whose message Redis would show. */
export function parseSetting(s: Setting, v: string): unknown {
  const k = s.kind;
  switch (k.type) {
    case 'int': {
      const n = parseMemory(v) ?? (/^-\d+$/.test(v) ? Number(v) : null);
      if (n === null || !Number.isInteger(n)) throw new Error('argument couldn\'t be parsed into an integer');
      if (n < k.min || n > k.max) throw new Error(`argument must be between ${k.min} and ${k.max} inclusive`);
      return n;
    }
    case 'bool':
      if (/^yes$/i.test(v)) return true;
      if (/^no$/i.test(v)) return false;
      throw new Error('argument must be \'yes\' or \'no\'');
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

  /** CONFIG SET of several pairs at once: all apply or none (Redis 7 semantics). */
  setMany(pairs: [string, string][]): void {
    const parsed: [Setting, unknown][] = [];
    const seen = new Set<string>();
    for (const [name, v] of pairs) {
      const s = findSetting(name);
      if (!s || s.immutable) {
        const why = s ? 'can\'t set immutable config' : 'Unknown option or number of arguments for CONFIG SET';
        throw new ErrorReply(`ERR ${why} - '${name}'`);
      }
      if (seen.has(s.name)) throw new ErrorReply(`ERR CONFIG SET failed (possibly related to argument '${name}') - duplicate parameter`);
      seen.add(s.name);
      try {
        parsed.push([s, parseSetting(s, v)]);
      } catch (e) {
        throw new ErrorReply(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${(e as Error).message}`);
      }
    }
    for (const [s, v] of parsed) {
      this.values.set(s.name, v);
      this.onChange?.(s.name, v);
    }
  }

  /** Every (name, value) whose name or alias matches the predicate, aliases reported too. */
  entries(matches: (name: string) => boolean): [string, string][] {
    const out: [string, string][] = [];
    for (const s of SETTINGS) {
      const value = formatSetting(s, this.values.get(s.name));
      if (matches(s.name)) out.push([s.name, value]);
      if (s.alias && matches(s.alias)) out.push([s.alias, value]);
    }
    return out;
  }
}
