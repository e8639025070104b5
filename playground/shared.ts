/**
 * What the panels share: the page's clients, the command catalog, an event
 * bus, byte ↔ text helpers, and the record of the page's own background
 * commands (so the command log can hide them).
 */
import type { RedliteClient } from '../src/client/client.js';
import { argToBytes, bytesToArray, type Arg } from '../src/client/bytes.js';
import type { Catalog } from './commands.js';
import { isErrorReply, repr, type Wire } from './format.js';

// ——— Bytes and text ———

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A JS string as the byte string the store keeps (UTF-8). */
export const toBytes = (text: string): string => argToBytes(text);

/** A byte string as text: its UTF-8 reading, or null when it is not valid UTF-8. */
export function utf8(bytes: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(bytes)) return bytes;
  try {
    return strictUtf8.decode(bytesToArray(bytes));
  } catch {
    return null;
  }
}

/** A byte string for display: its text when it is UTF-8 without control characters, else quoted as redis-cli would. */
export function show(bytes: string): { text: string; binary: boolean } {
  const text = utf8(bytes);
  // eslint-disable-next-line no-control-regex
  if (text !== null && !/[\x00-\x08\x0b-\x1f\x7f]/.test(text)) return { text, binary: false };
  return { text: repr(bytes), binary: true };
}

/** An argument for sendRaw that keeps a byte string's bytes. */
export const raw = (bytes: string): Uint8Array => bytesToArray(bytes);

// ——— The page's own background commands ———

/**
 * The page's background commands (the key browser's SCANs, the status bar's
 * INFO …) as MONITOR will print their arguments, so the command log can tell
 * them from what the person ran. Each noted command hides one matching line
 * that arrives within a few seconds; a command MONITOR never shows (admin
 * commands, or one run before MONITOR started) is forgotten then, so it cannot
 * hide a later command typed by the person.
 */
export class Traffic {
  /** Arguments as MONITOR quotes them → when each copy was sent. */
  private readonly pending = new Map<string, number[]>();
  private size = 0;

  constructor(
    private readonly ttlMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes a command about to be sent (argv as byte strings). */
  note(argv: readonly string[]): void {
    const line = argv.map(repr).join(' ');
    const times = this.pending.get(line);
    if (times) times.push(this.now());
    else this.pending.set(line, [this.now()]);
    if (++this.size > 1000) this.prune();
  }

  /** Whether a MONITOR line's arguments are one of the page's own commands (claims it). */
  claim(args: string): boolean {
    const times = this.pending.get(args);
    if (!times) return false;
    const fresh = this.now() - this.ttlMs;
    while (times.length && times[0] < fresh) {
      times.shift();
      this.size--;
    }
    const found = times.length > 0;
    if (found) {
      times.shift();
      this.size--;
    }
    if (times.length === 0) this.pending.delete(args);
    return found;
  }

  private prune(): void {
    const fresh = this.now() - this.ttlMs;
    for (const [line, times] of this.pending) {
      const kept = times.filter((t) => t >= fresh);
      this.size -= times.length - kept.length;
      if (kept.length) this.pending.set(line, kept);
      else this.pending.delete(line);
    }
  }
}

/** An error reply, thrown by Runner.call. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/**
 * A connection of the page's with two ways to send: `read` for background
 * commands (noted in Traffic, hidden from the command log) and `run` for what
 * a person asked for (shown). Both resolve with wire values.
 */
export class Runner {
  constructor(
    readonly client: RedliteClient,
    private readonly traffic: Traffic,
  ) {}

  /** A background command; error replies resolve as { err }. */
  read(...argv: Arg[]): Promise<Wire> {
    this.traffic.note(argv.map(argToBytes));
    return this.client.sendRaw(argv);
  }

  /** A command a person asked for; error replies resolve as { err }. */
  run(...argv: Arg[]): Promise<Wire> {
    return this.client.sendRaw(argv);
  }

  /** As read(), rejecting on an error reply. */
  async query(...argv: Arg[]): Promise<Wire> {
    const reply = await this.read(...argv);
    if (isErrorReply(reply)) throw new CommandError(reply.err);
    return reply;
  }
}

// ——— Events between panels ———

export interface BusEvents {
  /** A command the person ran (REPL, Lua editor, key browser edits), with its reply. */
  command: { argv: string[]; reply: Wire; from: 'repl' | 'lua' | 'keys' | 'pubsub' };
  /** The REPL's connection selected another database. */
  db: number;
  /** A MONITOR line, parsed. */
  monitor: MonitorLine;
  /** Something changed the keyspace; the status bar refreshes its counts. */
  keyspace: void;
  /** The store's data was replaced (RDB import): every panel reloads. */
  reload: void;
}

export interface MonitorLine {
  /** ms since the epoch. */
  time: number;
  db: number;
  addr: string;
  /** The arguments as MONITOR quotes them: `"set" "k" "v"`. */
  args: string;
  /** The command name, lower case. */
  name: string;
}

export class Bus {
  private readonly listeners = new Map<keyof BusEvents, Set<(value: never) => void>>();

  on<E extends keyof BusEvents>(event: E, listener: (value: BusEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  emit<E extends keyof BusEvents>(event: E, value: BusEvents[E]): void {
    this.listeners.get(event)?.forEach((l) => (l as (value: BusEvents[E]) => void)(value));
  }
}

/** Everything a panel is given. */
export interface Context {
  /** The page's client, as window.db. */
  db: RedliteClient;
  /** The store's name. */
  store: string;
  catalog: Promise<Catalog>;
  traffic: Traffic;
  bus: Bus;
}

/** `(error) ERR …` as a message without the prefix. */
export function errorText(reply: Wire): string | null {
  return isErrorReply(reply) ? reply.err : null;
}

/** A wire value as text, for replies known to be strings or statuses. */
export function wireText(reply: Wire): string {
  if (typeof reply === 'string') return reply;
  if (typeof reply === 'number' || typeof reply === 'bigint') return String(reply);
  if (reply && typeof reply === 'object' && !Array.isArray(reply)) return 'ok' in reply ? reply.ok : reply.err;
  return '';
}
