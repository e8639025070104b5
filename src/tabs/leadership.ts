/**
 * The page's part in leading a shared store: the page, not its worker, holds
 * the store's Web Lock. A page about to be frozen or put in the back/forward
 * cache hears `freeze` / `pagehide` and lets go at once — its worker may be
 * frozen before a message reaches it, and a frozen holder of the lock would
 * stall every other tab. The worker is then told to stop; if it hears late,
 * the store's epochs keep it from storing anything (idb-store.ts).
 */
import type { Leadership } from '../worker/protocol.js';
import { leaderLock } from './protocol.js';

export interface Campaign {
  /** Asks for the lock (again); on getting it, the worker leads. */
  run(): void;
  /** Lets go of the lock, or withdraws the request for it, at once. */
  stop(): void;
}

export function campaign(store: string, worker: Leadership): Campaign {
  let request: AbortController | null = null;
  let release: (() => void) | null = null;
  const stop = () => {
    request?.abort();
    request = null;
    if (!release) return;
    release();
    release = null;
    worker.stepDown();
  };
  return {
    run() {
      if (request) return;
      const { signal } = (request = new AbortController());
      navigator.locks
        .request(leaderLock(store), { signal }, () => {
          // Withdrawn while the lock was being granted: let it go again.
          if (signal.aborted) return;
          return new Promise<void>((resolve) => {
            release = resolve;
            // A store that cannot be opened cannot be led: give another tab the chance.
            worker.lead().catch(stop);
          });
        })
        .catch(() => {}); // withdrawn: an AbortError
    },
    stop,
  };
}
