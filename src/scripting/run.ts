/**
 * One script invocation (EVAL or FCALL) as Redis's scriptRunCtx: the caller,
 * the script's own client, its flags, and the checks every redis.call goes
 * through before the engine runs the command (script.c scriptCall).
 *
 * It also times the run. Redis's rules: past busy-reply-threshold the server
 * is "busy" — other clients get BUSY, SCRIPT KILL / FUNCTION KILL may stop the
 * script unless it already wrote. redlite adds one rule of its own: a script
 * still running at the engine's `scriptTimeLimit` (an engine option; never
 * earlier than busy-reply-threshold) is stopped with an error, because an embedded store
 * has no operator to send SCRIPT KILL and must never stay frozen.
 */
import type { Client } from '../engine/client.js';
import type { Engine } from '../engine/engine.js';
import { ErrorReply, type Reply } from '../engine/reply.js';
import type { Rand48 } from './rand48.js';
import type { Interrupt, RunContext } from './vm.js';

/** Time a busy script runs before handing control back to the event loop. */
const SLICE_MS = 50;

export interface RunOptions {
  /** Redis's run name: the script's SHA1 (EVAL) or the function's name. */
  name: string;
  eval: boolean;
  /** EVAL_RO / FCALL_RO, or a no-writes script: write commands are refused. */
  readOnly: boolean;
  /** The caller's command, for FUNCTION STATS. */
  argv: string[];
  /** False inside MULTI/EXEC, where the script cannot be suspended. */
  canSuspend: boolean;
}

export class ScriptRun implements RunContext {
  resp: 2 | 3 = 2;
  /** A write command was called: SCRIPT KILL refuses (UNKILLABLE). */
  writeDirty = false;
  /** SCRIPT KILL / FUNCTION KILL asked the script to stop. */
  killRequested = false;
  /** In Redis's busy state: suspended between slices, others get BUSY. */
  busy = false;
  readonly startedAt = performance.now();
  /** The engine clock frozen for the whole run (key expiry inside scripts). */
  readonly time: number;
  private readonly busyAt: number;
  private readonly stopAt: number;
  private sliceEnd = 0;

  constructor(
    private readonly engine: Engine,
    readonly caller: Client,
    /** The script's fake client: the caller's db and RESP2 at the start. */
    readonly client: Client,
    readonly options: RunOptions,
    /** The engine's math.random generator (shared by runs, as Redis's is). */
    private readonly rand: Rand48,
  ) {
    this.time = engine.time;
    client.db = caller.db;
    client.resp = 2;
    const threshold = engine.config.int('busy-reply-threshold');
    const limit = engine.scriptTimeLimit;
    this.busyAt = threshold > 0 ? this.startedAt + threshold : Infinity;
    this.stopAt = limit > 0 ? this.startedAt + Math.max(limit, threshold) : Infinity;
  }

  get durationMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }

  /** The hook's question, every few thousand instructions. */
  interrupt(canYield: boolean): Interrupt {
    if (this.killRequested) return { error: 'ERR Script killed by user with SCRIPT KILL...' };
    const now = performance.now();
    if (now >= this.stopAt) {
      return { error: `ERR Script killed by redlite after running for ${Math.round(now - this.startedAt)} ms (scriptTimeLimit)` };
    }
    if (now < this.busyAt || !this.options.canSuspend || !canYield) return null;
    if (!this.busy) {
      this.engine.log(
        'warning',
        `Slow script detected: still in execution after ${Math.round(now - this.startedAt)} milliseconds. You can try killing the script using the ${this.options.eval ? 'SCRIPT KILL' : 'FUNCTION KILL'} command. Script name is: ${this.options.name}.`,
      );
      return 'yield';
    }
    return now >= this.sliceEnd ? 'yield' : null;
  }

  /** Starts a slice of work after a suspension. */
  beginSlice(): void {
    this.sliceEnd = performance.now() + SLICE_MS;
    this.engine.time = this.time;
  }

  /** redis.call: Redis's checks, then the command on the script's client. */
  call(argv: string[]): Reply {
    const engine = this.engine;
    const cmd = engine.lookup(argv);
    if (cmd instanceof ErrorReply) {
      return new ErrorReply(
        cmd.message.startsWith('ERR wrong number')
          ? 'ERR Wrong number of args calling Redis command from script'
          : 'ERR Unknown Redis command called from script',
      );
    }
    if (cmd.flags.has('noscript')) return new ErrorReply('ERR This Redis command is not allowed from script');
    if (this.options.readOnly && (cmd.isWrite || cmd.flags.has('may_replicate'))) {
      return new ErrorReply('ERR Write commands are not allowed from read-only scripts.');
    }
    if (cmd.isWrite) this.writeDirty = true;
    return engine.call(this.client, cmd, argv);
  }

  /** redis.acl_check_cmd: redlite has no ACL users, so any existing command is allowed. */
  aclCheck(argv: string[]): boolean | null {
    const cmd = this.engine.lookup(argv);
    return cmd instanceof ErrorReply && !cmd.message.startsWith('ERR wrong number') ? null : true;
  }

  random(): number {
    return this.rand.fraction();
  }

  seed(n: number): void {
    this.rand.seed(n);
  }
}
