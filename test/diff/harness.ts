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
import { MapReply, SetReply, type Reply } from '../../src/engine/reply.js';
import { encodeReply } from '../../src/resp/encode.js';
import { splitArgs } from '../../src/resp/split.js';
import { listen } from '../../src/server/server.js';
import { startRedis } from '../redis-server.js';
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
  Array.isArray(r) ? `array of ${r.length}` : typeof r === 'string' ? 'bulk' : r;

/** Remaining time in ms can differ by a few ms between two servers: round to seconds. */
export const roughMs: Normalizer = (r) => (typeof r === 'number' && r > 0 ? Math.round(r / 1000) : r);

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
  randomkey: shapeOnly,
  srandmember: shapeOnly,
  spop: shapeOnly,
  hrandfield: shapeOnly,
  zrandmember: shapeOnly,
  pttl: roughMs,
  pexpiretime: roughMs,
};

export interface Mismatch {
  index: number;
  command: string[];
  redis: string;
  redlite: string;
}

/** A redis-server and a redlite-server side by side, one connection to each. */
export class DiffTarget {
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
   * null. Each command is an argv or a redis-cli style line.
   */
  async firstMismatch(commands: (string | string[])[]): Promise<Mismatch | null> {
    await this.both(['FLUSHALL']);
    for (let i = 0; i < commands.length; i++) {
      const c = commands[i];
      const argv = typeof c === 'string' ? parseLine(c) : c;
      const { redis, redlite } = await this.both(argv);
      if (redis !== redlite) return { index: i, command: argv, redis, redlite };
    }
    return null;
  }

  /** Runs hand-written commands; throws a readable error at the first mismatch. */
  async run(commands: (string | string[])[]): Promise<void> {
    const m = await this.firstMismatch(commands);
    if (m) throw new Error(describe(m, commands.map((c) => (typeof c === 'string' ? parseLine(c) : c)).slice(0, m.index + 1)));
  }

  /**
   * Random sequences from a generator, with a fixed seed. On a mismatch the
   * sequence is shrunk to the shortest prefix-and-subset that still differs.
   */
  async fuzz(options: { seed: number; sequences: number; length: number; gen: (rng: Rng) => string[] }): Promise<void> {
    const rng = new Rng(options.seed);
    for (let s = 0; s < options.sequences; s++) {
      const seq = Array.from({ length: options.length }, () => options.gen(rng));
      const m = await this.firstMismatch(seq);
      if (!m) continue;
      const shortest = await this.shrink(seq.slice(0, m.index + 1));
      const final = (await this.firstMismatch(shortest))!;
      throw new Error(`seed ${options.seed}, sequence ${s}: ${describe(final, shortest)}`);
    }
  }

  /** Drops commands one at a time while the last command still mismatches. */
  private async shrink(seq: string[][]): Promise<string[][]> {
    let current = seq;
    for (let i = current.length - 2; i >= 0; i--) {
      const candidate = [...current.slice(0, i), ...current.slice(i + 1)];
      const m = await this.firstMismatch(candidate);
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

/** A small seeded PRNG (mulberry32) with helpers for generators. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}
