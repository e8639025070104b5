/**
 * Compares what writes propagate (principle 4: effects) with what a real
 * redis-server sends its replicas. On the Redis side a connection registers
 * as a replica (SYNC) and reads the replication stream; on ours the engine's
 * effect listener records each batch. Both become the same list of lines,
 * "<db> <argv…>", with MULTI / EXEC around a command that propagated several
 * commands (as Redis 7.0 wraps them), and without the stream's housekeeping
 * (PING, REPLCONF, the probe's own PUBLISH) or the FLUSHALL that starts each
 * harness run.
 *
 *   const probe = await PropagationProbe.attach(t);
 *   await t.run([...]);
 *   expect(await probe.take()).toEqual(...) // or probe.compare()
 */
import net from 'node:net';
import type { Effect } from '../../src/engine/engine.js';
import { ReplyReader } from '../../src/resp/reply-reader.js';
import type { DiffTarget } from './harness.js';

const HOUSEKEEPING = new Set(['ping', 'replconf', 'flushall', 'publish']);
/** How long the replication stream may lag behind the replies. */
const SETTLE_MS = 100;
/** Absolute times in ms computed by each server from its own clock may differ this much. */
const CLOCK_SLACK_MS = 2000;

export class PropagationProbe {
  private redisLines: string[] = [];
  private redliteLines: string[] = [];
  private redisDb = -1;
  private seenPublish = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly detach: () => void,
  ) {}

  static async attach(t: DiffTarget): Promise<PropagationProbe> {
    await t.redis.command(['CONFIG', 'SET', 'repl-diskless-sync-delay', '0']);
    const socket = net.connect(t.redisPort, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const listener = (batch: Effect[]) => probe.recordBatch(batch);
    t.engine.effectListeners.add(listener);
    const probe: PropagationProbe = new PropagationProbe(socket, () => t.engine.effectListeners.delete(listener));
    await probe.startSync();
    // The master starts streaming on an acknowledgement it may not be ready
    // for yet (Redis replicas ack every second): ack until a PUBLISH, which
    // Redis propagates, comes through.
    while (!probe.seenPublish) {
      socket.write('REPLCONF ACK 0\r\n');
      await t.redis.command(['PUBLISH', 'propagation-probe', 'ready']);
      await new Promise((r) => setTimeout(r, 20));
    }
    probe.redisLines = [];
    return probe;
  }

  /** Sends SYNC and resolves once the snapshot has been skipped; commands follow. */
  private startSync(): Promise<void> {
    const reader = new ReplyReader();
    let pending = '';
    let snapshotDone = false;
    return new Promise((resolve) => {
      this.socket.on('data', (chunk) => {
        if (snapshotDone) {
          reader.push(chunk);
          for (let r = reader.next(); r; r = reader.next()) this.recordRedis(r.value as string[]);
          return;
        }
        pending += chunk.toString('latin1');
        if (pending === '+OK\r\n') {
          // REPLCONF is acknowledged: SYNC may only follow once that reply is out.
          pending = '';
          this.socket.write('SYNC\r\n');
          return;
        }
        const rest = skipSnapshot(pending);
        if (rest === null) return;
        snapshotDone = true;
        reader.push(rest);
        for (let r = reader.next(); r; r = reader.next()) this.recordRedis(r.value as string[]);
        resolve();
      });
      this.socket.write('REPLCONF capa eof\r\n');
    });
  }

  private recordRedis(argv: string[]): void {
    const name = argv[0].toLowerCase();
    if (name === 'publish') this.seenPublish = true;
    if (name === 'select') {
      this.redisDb = Number(argv[1]);
      return;
    }
    if (HOUSEKEEPING.has(name)) return;
    this.redisLines.push(name === 'multi' || name === 'exec' ? name.toUpperCase() : `${this.redisDb} ${argv.join(' ')}`);
  }

  private recordBatch(batch: Effect[]): void {
    const effects = batch.filter((e) => !HOUSEKEEPING.has(e.argv[0].toLowerCase()));
    if (effects.length > 1) this.redliteLines.push('MULTI');
    for (const e of effects) this.redliteLines.push(`${e.db} ${e.argv.join(' ')}`);
    if (effects.length > 1) this.redliteLines.push('EXEC');
  }

  /** Both sides' propagation since the last call, once the replication stream has caught up. */
  async take(): Promise<{ redis: string[]; redlite: string[] }> {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const redis = this.redisLines;
    const redlite = this.redliteLines.map((line, i) => alignTimes(line, redis[i]));
    this.redisLines = [];
    this.redliteLines = [];
    return { redis, redlite };
  }

  close(): void {
    this.detach();
    this.socket.destroy();
  }
}

/**
 * The bytes after the snapshot a master sends first (after the newlines it
 * may send while preparing it): `$<len>\r\n<len bytes>`
 * or, diskless, `$EOF:<40-byte mark>\r\n…<mark>`. Null until it has all arrived.
 */
function skipSnapshot(data: string): string | null {
  let i = 0;
  while (data[i] === '\n') i++;
  const eol = data.indexOf('\r\n', i);
  if (eol < 0) return null;
  const header = data.slice(i + 1, eol);
  if (header.startsWith('EOF:')) {
    const mark = header.slice(4);
    const end = data.indexOf(mark, eol + 2);
    return end < 0 ? null : data.slice(end + mark.length);
  }
  const end = eol + 2 + Number(header);
  return data.length < end ? null : data.slice(end);
}

/**
 * Absolute times (PXAT, PEXPIREAT …) each server computed from its own clock:
 * where our line has a 13-digit number within a few seconds of Redis's at the
 * same place, take Redis's, so the lines compare equal.
 */
function alignTimes(ours: string, theirs: string | undefined): string {
  if (theirs === undefined) return ours;
  const a = ours.split(' ');
  const b = theirs.split(' ');
  if (a.length !== b.length) return ours;
  for (let i = 0; i < a.length; i++) {
    if (/^\d{13}$/.test(a[i]) && /^\d{13}$/.test(b[i]) && Math.abs(Number(a[i]) - Number(b[i])) <= CLOCK_SLACK_MS) a[i] = b[i];
  }
  return a.join(' ');
}
