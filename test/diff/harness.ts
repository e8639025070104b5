/**
 * The differential harness: the same commands go to a real redis-server and to
 * redlite-server, and the replies must match byte for byte — except where Redis
 * leaves the order unspecified (SMEMBERS, KEYS …) or the answer is random or
 * time-dependent, where both replies are normalised the same way first.
 *
 *   const t = await DiffTarget.start();
 *   await t.run(['SET k v', 'GET k']);              // hand-written, one line per command
 *   await t.fuzz({ seed, sequences, length, gen }); // random sequences, shrunk on failure
 */
import type net from 'node:net';
import { Engine } from '../../src/engine/engine.js';
import { MapReply, SetReply, VerbatimReply, type Reply } from '../../src/engine/reply.js';
import { encodeReply } from '../../src/resp/encode.js';
import { splitArgs } from '../../src/resp/split.js';
import { listen } from '../../src/server/server.js';
import { startRedis } from '../redis-server.js';
import { Rng } from '../rng.js';
import { RespConnection } from './connection.js';

/** How to compare one command's reply when bytes alone would be unfair. */
export type Normalizer = (reply: Reply, argv: string[]) => Reply;

const sortItems = (items: Reply[]): Reply[] =>
  [...items].sort((a, b) => (encodeReply(a, 3) < encodeReply(b, 3) ? -1 : encodeReply(a, 3) > encodeReply(b, 3) ? 1 : 0));

/** Sorts an array (or set) reply: for commands whose order Redis leaves open. */
export const unordered: Normalizer = (r) =>
  Array.isArray(r) ? sortItems(r) : r instanceof SetReply ? new SetReply(sortItems(r.items)) : r;

/** Sorts a flat [field, value, …] reply (or a map) by pairs. */
export const unorderedPairs: Normalizer = (r) => {
  const flat = Array.isArray(r) ? r : r instanceof MapReply ? r.entries : null;
  if (!flat) return r;
  const pairs: Reply[][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  const sorted = sortItems(pairs as Reply[]).flat() as Reply[];
  return r instanceof MapReply ? new MapReply(sorted) : sorted;
};

/** For random replies: compare only the shape (type and length). */
export const shapeOnly: Normalizer = (r) =>
  Array.isArray(r) ? `array of ${r.length}` : r instanceof SetReply ? `set of ${r.items.length}` : typeof r === 'string' ? 'bulk' : r;

/** One SCAN-family step ([cursor, elements]) with its elements in any order; `pairs` keeps field/value pairs together. */
const scanElements =
  (pairs: boolean): Normalizer =>
  (r, argv) =>
    Array.isArray(r) && r.length === 2 && Array.isArray(r[1]) ? [r[0], (pairs ? unorderedPairs : unordered)(r[1], argv)] : r;

/** Remaining time in ms can differ by a few ms between two servers: round to seconds. */
export const roughMs: Normalizer = (r) => (typeof r === 'number' && r > 0 ? Math.round(r / 1000) : r);

/** A map (or flat pair array) with one key's value replaced: HELLO's connection id. */
function replaceValue(r: Reply, key: string, value: Reply): Reply {
  const flat = Array.isArray(r) ? r : r instanceof MapReply ? r.entries : null;
  if (!flat) return r;
  const out = flat.map((v, i) => (i % 2 === 1 && flat[i - 1] === key ? value : v));
  return r instanceof MapReply ? new MapReply(out) : out;
}

/** CLIENT LIST / INFO fields that differ between two servers: ids, addresses, ages, buffer sizes. */
const CLIENT_VOLATILE_FIELDS = /\b(id|addr|laddr|fd|age|idle|qbuf|qbuf-free|argv-mem|multi-mem|rbs|rbp|obl|oll|omem|tot-mem)=\S*/g;
function clientDetails(r: Reply): Reply {
  const text = typeof r === 'string' ? r : r instanceof VerbatimReply ? r.text : null;
  return text === null ? r : text.replace(CLIENT_VOLATILE_FIELDS, '$1=*');
}

/**
 * Normalisers by command name. Group files of tests add to this as they cover
 * more commands; a command absent here is compared byte for byte.
 */
export const NORMALIZE: Record<string, Normalizer> = {
  keys: unordered,
  smembers: unordered,
  sunion: unordered,
  sinter: unordered,
  sdiff: unordered,
  hkeys: unordered,
  hvals: unordered,
  hgetall: unorderedPairs,
  sscan: scanElements(false),
  hscan: scanElements(true),
  zscan: scanElements(true),
  randomkey: shapeOnly,
  srandmember: shapeOnly,
  spop: shapeOnly,
  hrandfield: shapeOnly,
  zrandmember: shapeOnly,
  pttl: roughMs,
  pexpiretime: roughMs,
  expiretime: roughMs,
  // Redis's idle clock ticks on its own: a key touched a moment ago may read 0 or 1 second.
  object: (r, argv) => (/^idletime$/i.test(argv[1] ?? '') && r === 1 ? 0 : r),
  time: shapeOnly,
  hello: (r) => replaceValue(r, 'id', 0),
  client: (r, argv) => (/^id$/i.test(argv[1] ?? '') ? typeof r : /^(list|info)$/i.test(argv[1] ?? '') ? clientDetails(r) : r),
  config: (r, argv) => (/^get$/i.test(argv[1] ?? '') ? unorderedPairs(r, argv) : r),
  // PUBSUB CHANNELS / SHARDCHANNELS list a hash table's keys.
  pubsub: (r, argv) => (/^(shard)?channels$/i.test(argv[1] ?? '') ? unordered(r, argv) : r),
};

export interface Mismatch {
  index: number;
  command: string[];
  redis: string;
  redlite: string;
}

export interface RunOptions {
  /** notify-keyspace-events flags to run with, comparing the events each command publishes. */
  events?: string;
}

/**
 * What a subscriber received until a message on `fence`, which `main`
 * publishes now: the server delivers in order, so that is everything so far.
 */
async function eventsUntil(subscriber: RespConnection, main: RespConnection, fence: string): Promise<string[]> {
  await main.command(['PUBLISH', fence, '']);
  const events: string[] = [];
  for (;;) {
    const [, , channel, message] = (await subscriber.read(2000)).value as Reply[];
    if (channel === fence) return events;
    events.push(`${channel as string} ${message as string}`);
  }
}

/** A redis-server and a redlite-server side by side, one connection to each. */
export class DiffTarget {
  private subscribers: { redis: RespConnection; redlite: RespConnection } | null = null;
  private fences = 0;

  private constructor(
    readonly redis: RespConnection,
    readonly redlite: RespConnection,
    readonly redisPort: number,
    readonly redlitePort: number,
    readonly engine: Engine,
    private readonly stopAll: () => Promise<void>,
  ) {}

  static async start(): Promise<DiffTarget> {
    const redis = await startRedis();
    const engine = new Engine();
    const server: net.Server = await listen(engine, { port: 0 });
    const port = (server.address() as net.AddressInfo).port;
    const a = await RespConnection.open(redis.port);
    const b = await RespConnection.open(port);
    return new DiffTarget(a, b, redis.port, port, engine, async () => {
      a.close();
      b.close();
      engine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.stop();
    });
  }

  /** A second pair of connections (for blocking, WATCH, pub/sub). */
  async connectPair(): Promise<{ redis: RespConnection; redlite: RespConnection }> {
    return { redis: await RespConnection.open(this.redisPort), redlite: await RespConnection.open(this.redlitePort) };
  }

  async stop(): Promise<void> {
    this.subscribers?.redis.close();
    this.subscribers?.redlite.close();
    await this.stopAll();
  }

  /** Sends one command to both; returns the two replies as compared (normalised if needed). */
  async both(argv: string[]): Promise<{ redis: string; redlite: string }> {
    const [a, b] = await Promise.all([this.redis.command(argv), this.redlite.command(argv)]);
    const normalize = NORMALIZE[argv[0].toLowerCase()];
    if (!normalize) return { redis: a.raw, redlite: b.raw };
    return { redis: encodeReply(normalize(a.value, argv), 3), redlite: encodeReply(normalize(b.value, argv), 3) };
  }

  /**
   * Runs commands on both (after FLUSHALL) and returns the first mismatch, or
   * null. Each command is an argv or a redis-cli style line. With `events`
   * (notify-keyspace-events flags), the keyspace events published after each
   * command must match too.
   */
  async firstMismatch(commands: (string | string[])[], options: RunOptions = {}): Promise<Mismatch | null> {
    await this.both(['FLUSHALL']);
    if (options.events !== undefined) await this.setEvents(options.events);
    try {
      for (let i = 0; i < commands.length; i++) {
        const c = commands[i];
        const argv = typeof c === 'string' ? parseLine(c) : c;
        let { redis, redlite } = await this.both(argv);
        if (options.events !== undefined) {
          const [a, b] = await this.keyspaceEvents();
          [redis, redlite] = [[redis, ...a].join('\n'), [redlite, ...b].join('\n')];
        }
        if (redis !== redlite) return { index: i, command: argv, redis, redlite };
      }
      return null;
    } finally {
      if (options.events !== undefined) await this.setEvents('');
    }
  }

  /** Sets notify-keyspace-events on both and drops the events published so far. */
  private async setEvents(flags: string): Promise<void> {
    this.subscribers ??= await this.subscribe();
    await this.both(['CONFIG', 'SET', 'notify-keyspace-events', flags]);
    await this.keyspaceEvents();
  }

  private async subscribe(): Promise<{ redis: RespConnection; redlite: RespConnection }> {
    const pair = await this.connectPair();
    await Promise.all([pair.redis.command(['PSUBSCRIBE', '__key*__:*']), pair.redlite.command(['PSUBSCRIBE', '__key*__:*'])]);
    return pair;
  }

  /** The keyspace events each subscriber received since the last call, as "channel message" lines. */
  private keyspaceEvents(): Promise<[string[], string[]]> {
    const fence = `__keyfence__:${this.fences++}`;
    const { redis, redlite } = this.subscribers!;
    return Promise.all([eventsUntil(redis, this.redis, fence), eventsUntil(redlite, this.redlite, fence)]);
  }

  /** As run(), with both connections in RESP3 (back to RESP2 afterwards). */
  async runResp3(commands: (string | string[])[]): Promise<void> {
    try {
      await this.run(['HELLO 3', ...commands]);
    } finally {
      await this.both(['HELLO', '2']);
    }
  }

  /** As run(), comparing raw bytes with no normalisation: for orders Redis fixes (listpacks, intsets). */
  async runExact(commands: string[]): Promise<void> {
    await this.both(['FLUSHALL']);
    for (const line of commands) {
      const argv = parseLine(line);
      const [a, b] = await Promise.all([this.redis.command(argv), this.redlite.command(argv)]);
      if (a.raw !== b.raw) throw new Error(`${line}\n  redis:   ${show(a.raw)}\n  redlite: ${show(b.raw)}`);
    }
  }

  /** Runs hand-written commands; throws a readable error at the first mismatch. */
  async run(commands: (string | string[])[], options: RunOptions = {}): Promise<void> {
    const m = await this.firstMismatch(commands, options);
    if (m) throw new Error(describe(m, commands.map((c) => (typeof c === 'string' ? parseLine(c) : c)).slice(0, m.index + 1)));
  }

  /**
   * Random sequences from a generator, with a fixed seed. On a mismatch the
   * sequence is shrunk to the shortest prefix-and-subset that still differs.
   */
  async fuzz(options: RunOptions & { seed: number; sequences: number; length: number; gen: (rng: Rng) => string[] }): Promise<void> {
    const rng = new Rng(options.seed);
    for (let s = 0; s < options.sequences; s++) {
      const seq = Array.from({ length: options.length }, () => options.gen(rng));
      const m = await this.firstMismatch(seq, options);
      if (!m) continue;
      const shortest = await this.shrink(seq.slice(0, m.index + 1), options);
      const final = (await this.firstMismatch(shortest, options))!;
      throw new Error(`seed ${options.seed}, sequence ${s}: ${describe(final, shortest)}`);
    }
  }

  /** Drops commands one at a time while the last command still mismatches. */
  private async shrink(seq: string[][], options: RunOptions): Promise<string[][]> {
    let current = seq;
    for (let i = current.length - 2; i >= 0; i--) {
      const candidate = [...current.slice(0, i), ...current.slice(i + 1)];
      const m = await this.firstMismatch(candidate, options);
      if (m && m.index === candidate.length - 1) current = candidate;
    }
    return current;
  }
}

export function parseLine(line: string): string[] {
  const argv = splitArgs(line);
  if (!argv || argv.length === 0) throw new Error(`bad test command: ${line}`);
  return argv;
}

const show = (s: string) => JSON.stringify(s);
function describe(m: Mismatch, sequence: string[][]): string {
  const lines = sequence.map((argv) => '  ' + argv.map((a) => (/^[\x21-\x7e]+$/.test(a) && !/["'\\]/.test(a) ? a : show(a))).join(' '));
  return `replies differ at command ${m.index + 1}:\n${lines.join('\n')}\n  redis:   ${show(m.redis)}\n  redlite: ${show(m.redlite)}`;
}

export { Rng };
