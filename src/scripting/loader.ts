/**
 * Loads the scripting runtime (fengari and everything built on it) on the
 * first command that needs it, through a dynamic import, so an app that never
 * scripts never downloads or starts it. The engine stays synchronous: hosts
 * await `engine.prepare(argv)`, which reaches `prepareScripting` through the
 * declarations of the commands that compile Lua (EVAL, SCRIPT LOAD, FUNCTION
 * LOAD / RESTORE). Commands that only need existing scripts find none before
 * the runtime is loaded, and answer as Redis does for an empty cache.
 */
import type { Engine } from '../engine/engine.js';
import { ErrorReply } from '../engine/reply.js';
import type { Scripting } from './scripting.js';

type Runtime = typeof import('./scripting.js');

let runtime: Runtime | null = null;
let loading: Promise<void> | null = null;
let failure: string | null = null;
const states = new WeakMap<Engine, Scripting>();

/** A promise while the runtime loads (it never rejects), null once it is loaded or failed to. */
export function prepareScripting(): Promise<void> | null {
  if (runtime || failure) return null;
  loading ??= importOutsideNode().then(
    (m) => {
      runtime = m;
    },
    (e: unknown) => {
      failure = e instanceof Error ? e.message : String(e);
    },
  );
  return loading;
}

/**
 * fengari picks its Node or browser code by `typeof process` as its modules
 * evaluate. A bundler's partial `process` stand-in (an object with `env` only)
 * would send it down the Node paths (fs, os), so outside Node that stand-in is
 * hidden while the runtime loads.
 */
async function importOutsideNode(): Promise<Runtime> {
  const g = globalThis as { process?: { versions?: { node?: string } } };
  const standIn = g.process && !g.process.versions?.node ? g.process : undefined;
  if (standIn) delete g.process;
  try {
    return await import('./scripting.js');
  } finally {
    if (standIn) g.process = standIn;
  }
}

/** The engine's scripting if the runtime is loaded, else null (no script can exist yet). */
export function loadedScripting(engine: Engine): Scripting | null {
  if (!runtime) return null;
  let s = states.get(engine);
  if (!s) states.set(engine, (s = new runtime.Scripting(engine)));
  return s;
}

/** The engine's scripting, for commands that compile Lua; an error if the host did not prepare it. */
export function scripting(engine: Engine): Scripting {
  const s = loadedScripting(engine);
  if (s) return s;
  throw new ErrorReply(
    failure
      ? `ERR the scripting runtime failed to load: ${failure}`
      : 'ERR the scripting runtime is not loaded: the host must await engine.prepare(argv) before execute',
  );
}
