/**
 * What is logged about commands as they run: the slow log (SLOWLOG) and the
 * lines MONITOR clients receive. Both see a command's arguments with secrets
 * redacted, as Redis redacts them before anything logs a command.
 */
import type { Client } from './client.js';
import type { Command } from './command.js';
import type { Config } from './config.js';
import { findSetting } from './config.js';
import type { CommandObserver, Engine } from './engine.js';
import { SimpleString } from './reply.js';

const REDACTED = '(redacted)';

/** The argv as logs show it: passwords (AUTH, HELLO AUTH, sensitive CONFIG SET values) redacted. */
export function loggedArgv(cmd: Command, argv: string[]): string[] {
  switch (cmd.name) {
    case 'auth':
      return argv.map((a, i) => (i === 0 ? a : REDACTED));
    case 'hello': {
      const i = argv.findIndex((a, j) => j >= 2 && a.toLowerCase() === 'auth');
      if (i < 0) return argv;
      return argv.map((a, j) => (j === i + 1 || j === i + 2 ? REDACTED : a));
    }
    case 'config|set':
      return argv.map((a, j) => (j >= 3 && j % 2 === 1 && findSetting(argv[j - 1])?.sensitive ? REDACTED : a));
    default:
      return argv;
  }
}

// ——— SLOWLOG ———

/** Redis keeps at most this many arguments, and this many bytes of each, per entry. */
const MAX_ARGC = 32;
const MAX_STRING = 128;

export interface SlowLogEntry {
  id: number;
  /** Unix time (seconds) when the command was logged. */
  time: number;
  /** Execution time in microseconds. */
  duration: number;
  argv: string[];
  addr: string;
  name: string;
}

export class SlowLog {
  /** Newest first, as SLOWLOG GET lists them. */
  readonly entries: SlowLogEntry[] = [];
  private nextId = 0;

  constructor(private readonly config: Config) {}

  /** A command observer: logs commands at or over slowlog-log-slower-than microseconds (a blocked one once served). */
  readonly observe: CommandObserver = (client, argv, _dbId, cmd, usec, outcome) => {
    const threshold = this.config.int('slowlog-log-slower-than');
    if (threshold < 0 || usec < threshold || outcome === 'blocked' || cmd.flags.has('skip_slowlog')) return;
    this.entries.unshift({
      id: this.nextId++,
      time: Math.floor(client.engine.time / 1000),
      duration: usec,
      argv: trimArgv(loggedArgv(cmd, argv)),
      addr: client.addr,
      name: client.name,
    });
    const max = this.config.int('slowlog-max-len');
    if (this.entries.length > max) this.entries.length = max;
  };

  reset(): void {
    this.entries.length = 0;
  }
}

function trimArgv(argv: string[]): string[] {
  const kept = argv.length > MAX_ARGC ? argv.slice(0, MAX_ARGC - 1) : argv;
  const out = kept.map((a) => (a.length > MAX_STRING ? `${a.slice(0, MAX_STRING)}... (${a.length - MAX_STRING} more bytes)` : a));
  if (argv.length > MAX_ARGC) out.push(`... (${argv.length - MAX_ARGC + 1} more arguments)`);
  return out;
}

// ——— MONITOR ———

/** Each engine's MONITOR clients, and the one observer that feeds them all. */
const MONITORS = new WeakMap<Engine, { clients: Set<Client>; observe: CommandObserver }>();

/**
 * MONITOR: the client receives every command run from now on, as a status
 * line. Admin and skip_monitor commands are left out, as in Redis (scripts
 * feed their own line first: see feedMonitors). False if it already monitors.
 */
export function startMonitor(client: Client): boolean {
  const engine = client.engine;
  let registry = MONITORS.get(engine);
  if (!registry) {
    const clients = new Set<Client>();
    const observe: CommandObserver = (from, argv, dbId, cmd, _usec, outcome) => {
      if (outcome === 'unblocked' || cmd.flags.has('admin') || cmd.flags.has('skip_monitor')) return;
      feedMonitors(from, dbId, cmd, argv);
    };
    MONITORS.set(engine, (registry = { clients, observe }));
  }
  if (registry.clients.has(client)) return false;
  if (registry.clients.size === 0) engine.monitors.add(registry.observe);
  registry.clients.add(client);
  return true;
}

export function stopMonitor(client: Client): void {
  const registry = MONITORS.get(client.engine);
  if (!registry?.clients.delete(client)) return;
  if (registry.clients.size === 0) client.engine.monitors.delete(registry.observe);
}

export function isMonitor(client: Client): boolean {
  return MONITORS.get(client.engine)?.clients.has(client) ?? false;
}

/**
 * Sends one command's line to every MONITOR client. The engine's observer
 * calls it after each command; EVAL and FCALL (skip_monitor) call it as they
 * start, so the script's own commands follow their script.
 */
export function feedMonitors(from: Client, dbId: number, cmd: Command, argv: string[]): void {
  const registry = MONITORS.get(from.engine);
  if (!registry) return;
  const line = new SimpleString(monitorLine(from.engine.time, dbId, from.addr, loggedArgv(cmd, argv)));
  for (const monitor of registry.clients) {
    if (monitor.closed) stopMonitor(monitor);
    else monitor.sink.push(line);
  }
}

/**
 * A MONITOR line: `1700000000.123456 [0 127.0.0.1:1234] "set" "k" "v"`, each
 * argument quoted as Redis's sdscatrepr quotes it.
 */
export function monitorLine(timeMs: number, dbId: number, addr: string, argv: string[]): string {
  const secs = Math.floor(timeMs / 1000);
  const micros = String(Math.round((timeMs - secs * 1000) * 1000)).padStart(6, '0');
  return `${secs}.${micros} [${dbId} ${addr}] ${argv.map(quote).join(' ')}`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x07': '\\a', '\b': '\\b' };

/** sdscatrepr: printable ASCII as is, the usual escapes, other bytes as \xHH. */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    const esc = ESCAPES[c];
    if (esc !== undefined) out += esc;
    else if (code >= 0x20 && code <= 0x7e) out += c;
    else out += `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return out + '"';
}
