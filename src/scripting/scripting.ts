/**
 * An engine's scripting: the EVAL script cache, the function libraries, the
 * two Lua states, and the script running now. The command declarations
 * (src/engine/commands/scripting.ts) call into this once fengari is loaded.
 *
 * A script that runs past busy-reply-threshold is suspended by its count hook
 * and resumed from a timer in slices: between slices the host's event loop
 * delivers other clients' commands, which the engine answers with BUSY
 * (engine.busy) unless they are allowed while busy (SCRIPT KILL, FUNCTION
 * KILL …). The caller stays blocked until the script ends; its reply then goes
 * out through engine.complete. Inside MULTI/EXEC a script cannot be suspended
 * and only the time limit stops it.
 */
import { Client } from '../engine/client.js';
import { BLOCKED, type HandlerResult } from '../engine/command.js';
import type { Engine } from '../engine/engine.js';
import { MapReply, ErrorReply, OK, SimpleString, SetReply, type Reply } from '../engine/reply.js';
import { globMatch } from '../engine/glob.js';
import { dumpFunctions, restoreFunctions } from './dump.js';
import { parseLibraryMetadata, parseShebang, readRegistration, SCRIPT_FLAGS, validName, type FunctionInfo, type Library, type ScriptFlag } from './library.js';
import { raiseErrorTable } from './redis-api.js';
import { Rand48 } from './rand48.js';
import { ScriptRun } from './run.js';
import { sha1hex } from './sha1.js';
import { LuaVM, type Outcome } from './vm.js';

interface CachedScript {
  ref: number;
  flags: Set<ScriptFlag>;
  compat: boolean;
}

/** FUNCTION LOAD's time limit for running a library's top level. */
const LOAD_TIMEOUT_MS = 500;

const NOSCRIPT = 'NOSCRIPT No matching script. Please use EVAL.';
const NOTBUSY = 'NOTBUSY No scripts in execution right now.';
const UNKILLABLE =
  'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.';
const busyError = (evalMode: boolean) =>
  new ErrorReply(`BUSY Redis is busy running a script. You can only call ${evalMode ? 'SCRIPT KILL' : 'FUNCTION KILL'} or SHUTDOWN NOSAVE.`);

/**
 * Adds a library's functions to the by-name index. Function names are
 * case-insensitive there (a library may hold two that differ only in case:
 * the first one wins, as Redis's dictAdd keeps it).
 */
function link(library: Library, functions: Map<string, FunctionInfo>): void {
  for (const f of library.functions.values()) {
    const key = f.name.toLowerCase();
    if (!functions.has(key)) functions.set(key, f);
  }
}

/** The sink of the scripts' client: a script's commands reply directly, nothing comes later. */
const NO_SINK = { reply() {}, push() {} };

export class Scripting {
  private evalVM: LuaVM | null = null;
  private functionVM: LuaVM | null = null;
  private readonly scripts = new Map<string, CachedScript>();
  readonly libraries = new Map<string, Library>();
  /** By lower-case name: function names are case-insensitive here (library names are not). */
  readonly functions = new Map<string, FunctionInfo>();
  /** The script running now (only ever seen by others while it is busy). */
  current: ScriptRun | null = null;
  /** Redis runs scripts on a client of their own, outside the client list. */
  private readonly scriptClient: Client;
  /** math.random's generator, seeded from the engine's randomness until a script seeds it. */
  private readonly rand: Rand48;

  constructor(readonly engine: Engine) {
    this.scriptClient = new Client(engine, 0, NO_SINK);
    this.scriptClient.authenticated = true;
    this.rand = new Rand48(Math.floor(engine.random() * 2 ** 32));
  }

  /** For INFO: cached EVAL scripts and loaded functions. */
  get scriptCount(): number {
    return this.scripts.size;
  }

  private vm(kind: 'eval' | 'function'): LuaVM {
    const log = (level: 'debug' | 'verbose' | 'notice' | 'warning', message: string) => this.engine.log(level, message);
    if (kind === 'eval') return (this.evalVM ??= new LuaVM('eval', log));
    return (this.functionVM ??= new LuaVM('function', log));
  }

  // ——— EVAL and SCRIPT ———

  /** Compiles and caches a script (EVAL, SCRIPT LOAD); its SHA1, or the error. */
  loadScript(body: string): string | ErrorReply {
    const sha = sha1hex(body);
    if (this.scripts.has(sha)) return sha;
    const shebang = parseShebang(body);
    if (typeof shebang === 'string') return new ErrorReply(`ERR ${shebang}`);
    // The shebang line is skipped but its newline kept, so line numbers hold.
    const code = shebang.skip ? body.slice(shebang.skip) : body;
    const ref = this.vm('eval').compile(code, '@user_script');
    if (typeof ref === 'string') return new ErrorReply(`ERR Error compiling script (new function): ${ref}`);
    this.scripts.set(sha, { ref, flags: shebang.flags, compat: shebang.compat });
    return sha;
  }

  scriptExists(sha: string): boolean {
    return this.scripts.has(sha.toLowerCase());
  }

  /** SCRIPT FLUSH: the cache and the EVAL Lua state go. */
  flushScripts(): void {
    this.scripts.clear();
    this.evalVM = null;
  }

  /** EVAL / EVALSHA (and their _RO forms) once numkeys is checked. */
  eval(caller: Client, argv: string[], bySha: boolean, readOnly: boolean, numkeys: number): HandlerResult {
    let sha: string;
    if (bySha) {
      sha = argv[1].toLowerCase();
      if (!this.scripts.has(sha)) return new ErrorReply(NOSCRIPT);
    } else {
      const loaded = this.loadScript(argv[1]);
      if (loaded instanceof ErrorReply) return loaded;
      sha = loaded;
    }
    const script = this.scripts.get(sha)!;
    if (!script.compat && readOnly && !script.flags.has('no-writes')) {
      return new ErrorReply('ERR Can not execute a script with write flag using *_ro command.');
    }
    return this.run(caller, 'eval', script.ref, argv, numkeys, {
      name: sha,
      eval: true,
      readOnly: readOnly || (!script.compat && script.flags.has('no-writes')),
    });
  }

  // ——— Functions ———

  /** FUNCTION LOAD: the library's name, or the error. */
  loadLibrary(payload: string, replace: boolean): string | ErrorReply {
    const error = this.createLibrary(payload, replace, this.libraries, this.functions);
    return typeof error === 'string' ? new ErrorReply(`ERR ${error}`) : error.name;
  }

  /**
   * Compiles a library and links it into `libraries` / `functions`; the
   * library, or the error's text. Nothing changes on error.
   */
  private createLibrary(
    payload: string,
    replace: boolean,
    libraries: Map<string, Library>,
    functions: Map<string, FunctionInfo>,
  ): Library | string {
    const md = parseLibraryMetadata(payload);
    if (typeof md === 'string') return md;
    if (!validName(md.name)) {
      return 'Library names can only contain letters, numbers, or underscores(_) and must be at least one character long';
    }
    if (md.engine.toLowerCase() !== 'lua') return `Engine '${md.engine}' not found`;
    const old = libraries.get(md.name);
    if (old && !replace) return `Library '${md.name}' already exists`;
    const vm = this.vm('function');
    const chunk = vm.compile(md.code, '@user_function');
    if (typeof chunk === 'string') return `Error compiling function: ${chunk}`;
    const library: Library = { name: md.name, code: payload, functions: new Map() };
    const failure = vm.runLibrary(chunk, LOAD_TIMEOUT_MS, (L) => {
      const r = readRegistration(L);
      const problem = !validName(r.name)
        ? 'Library names can only contain letters, numbers, or underscores(_) and must be at least one character long'
        : library.functions.has(r.name)
          ? 'Function already exists in the library'
          : null;
      if (problem) {
        vm.release(r.ref);
        return raiseErrorTable(L, problem);
      }
      library.functions.set(r.name, { name: r.name, description: r.description, flags: r.flags, ref: r.ref, library });
      return 0;
    });
    vm.release(chunk);
    const drop = () => {
      for (const f of library.functions.values()) vm.release(f.ref);
    };
    if (failure !== null) {
      drop();
      return `Error registering functions: ${failure}`;
    }
    if (library.functions.size === 0) return 'No functions registered';
    for (const f of library.functions.values()) {
      const existing = functions.get(f.name.toLowerCase());
      if (existing && existing.library !== old) {
        drop();
        return `Function ${f.name} already exists`;
      }
    }
    if (old) this.unlink(old, libraries, functions, true);
    libraries.set(library.name, library);
    link(library, functions);
    return library;
  }

  private unlink(library: Library, libraries: Map<string, Library>, functions: Map<string, FunctionInfo>, release: boolean): void {
    libraries.delete(library.name);
    for (const f of library.functions.values()) {
      const key = f.name.toLowerCase();
      if (functions.get(key) === f) functions.delete(key);
      if (release) this.functionVM?.release(f.ref);
    }
  }

  deleteLibrary(name: string): boolean {
    const library = this.libraries.get(name);
    if (!library) return false;
    this.unlink(library, this.libraries, this.functions, true);
    return true;
  }

  /** FUNCTION FLUSH: the libraries and the functions' Lua state go. */
  flushFunctions(): void {
    this.libraries.clear();
    this.functions.clear();
    this.functionVM = null;
  }

  dump(): string {
    return dumpFunctions([...this.libraries.values()].map((l) => l.code));
  }

  /** FUNCTION RESTORE with its policy; OK or the error. */
  restore(payload: string, policy: 'append' | 'replace' | 'flush'): Reply {
    const codes = restoreFunctions(payload);
    if (typeof codes === 'string') return new ErrorReply(`ERR ${codes}`);
    // Load into a scratch set first: a payload applies whole or not at all.
    const libraries = new Map<string, Library>();
    const functions = new Map<string, FunctionInfo>();
    for (const code of codes) {
      const result = this.createLibrary(code, false, libraries, functions);
      if (typeof result === 'string') {
        for (const f of functions.values()) this.functionVM?.release(f.ref);
        return new ErrorReply(`ERR ${result}`);
      }
    }
    if (policy === 'flush') {
      for (const f of this.functions.values()) this.functionVM?.release(f.ref);
      this.libraries.clear();
      this.functions.clear();
    } else {
      const replaced: Library[] = [];
      for (const name of libraries.keys()) {
        const old = this.libraries.get(name);
        if (old && policy === 'append') return this.discard(functions, `ERR Library ${name} already exists`);
        if (old) replaced.push(old);
      }
      for (const [key, f] of functions) {
        const existing = this.functions.get(key);
        if (existing && !replaced.includes(existing.library)) return this.discard(functions, `ERR Function ${f.name} already exists`);
      }
      for (const old of replaced) this.unlink(old, this.libraries, this.functions, true);
    }
    for (const [name, library] of libraries) {
      this.libraries.set(name, library);
      link(library, this.functions);
    }
    return OK;
  }

  private discard(functions: Map<string, FunctionInfo>, message: string): ErrorReply {
    for (const f of functions.values()) this.functionVM?.release(f.ref);
    return new ErrorReply(message);
  }

  /** FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]. */
  list(pattern: string | null, withCode: boolean): Reply {
    const out: Reply[] = [];
    for (const library of this.libraries.values()) {
      if (pattern !== null && !globMatch(pattern, library.name, true)) continue;
      const functions: Reply[] = [];
      for (const f of library.functions.values()) {
        const flags = SCRIPT_FLAGS.filter((flag) => f.flags.has(flag)).map((flag) => new SimpleString(flag));
        functions.push(new MapReply(['name', f.name, 'description', f.description, 'flags', new SetReply(flags)]));
      }
      const entries: Reply[] = ['library_name', library.name, 'engine', 'LUA', 'functions', functions];
      if (withCode) entries.push('library_code', library.code);
      out.push(new MapReply(entries));
    }
    return out;
  }

  /** FCALL / FCALL_RO once the function and numkeys are checked. */
  fcall(caller: Client, argv: string[], fn: FunctionInfo, readOnly: boolean, numkeys: number): HandlerResult {
    if (readOnly && !fn.flags.has('no-writes')) return new ErrorReply('ERR Can not execute a script with write flag using *_ro command.');
    return this.run(caller, 'function', fn.ref, argv, numkeys, { name: fn.name, eval: false, readOnly: readOnly || fn.flags.has('no-writes') });
  }

  stats(): Reply {
    const run = this.current;
    const running = run
      ? new MapReply(['name', run.options.name, 'command', run.options.argv, 'duration_ms', run.durationMs])
      : null;
    const lua = new MapReply(['libraries_count', this.libraries.size, 'functions_count', this.functions.size]);
    return new MapReply(['running_script', running, 'engines', new MapReply(['LUA', lua])]);
  }

  // ——— Running and killing ———

  private run(
    caller: Client,
    kind: 'eval' | 'function',
    ref: number,
    argv: string[],
    numkeys: number,
    options: { name: string; eval: boolean; readOnly: boolean },
  ): HandlerResult {
    // The script's commands propagate their own effects; the EVAL / FCALL itself nothing.
    this.engine.rewriteEffects();
    const vm = this.vm(kind);
    const run = new ScriptRun(this.engine, caller, this.scriptClient, { ...options, argv, canSuspend: this.engine.nesting === 0 }, this.rand);
    this.current = run;
    const outcome = vm.start(run, ref, argv.slice(3, 3 + numkeys), argv.slice(3 + numkeys));
    return this.settle(run, vm, outcome);
  }

  /** What follows a slice of a script: suspension (busy), or its reply. */
  private settle(run: ScriptRun, vm: LuaVM, outcome: Outcome): HandlerResult {
    const engine = this.engine;
    if (outcome.kind === 'suspended') {
      if (!run.busy) {
        run.busy = true;
        engine.busy = busyError(run.options.eval);
        const cmd = engine.lookup(run.options.argv);
        // The caller waits like a blocked client (hosts stop reading its commands), on no key.
        run.caller.blocked = { db: run.caller.db, keys: [], cmd, argv: run.options.argv, timeoutReply: null, timer: null };
      }
      setTimeout(() => this.resume(run, vm), 0);
      return BLOCKED;
    }
    this.current = null;
    const reply =
      outcome.kind === 'done'
        ? outcome.reply
        : new ErrorReply(outcome.where ? `${outcome.message} script: ${run.options.name}, on ${outcome.where}.` : outcome.message);
    if (!run.busy) return reply;
    engine.busy = null;
    run.caller.blocked = null;
    engine.commandStats(run.options.argv[0].toLowerCase()).calls++;
    engine.complete(run.caller, reply);
    return BLOCKED;
  }

  private resume(run: ScriptRun, vm: LuaVM): void {
    run.beginSlice();
    const outcome = run.killRequested ? vm.abort('ERR Script killed by user with SCRIPT KILL...') : vm.resume();
    this.settle(run, vm, outcome);
  }

  /** SCRIPT KILL (evalKill) and FUNCTION KILL. */
  kill(evalKill: boolean): Reply {
    const run = this.current;
    if (!run || !run.busy) return new ErrorReply(NOTBUSY);
    if (run.writeDirty) return new ErrorReply(UNKILLABLE);
    if (evalKill !== run.options.eval) return busyError(run.options.eval);
    run.killRequested = true;
    return OK;
  }

  /** FUNCTION STATS refuses while an EVAL script is busy. */
  get busyWithEval(): boolean {
    return this.current !== null && this.current.options.eval;
  }
}
