/**
 * A persistent store for a host: an engine whose data lives in IndexedDB
 * under the store's name, loaded on open and kept by a Persister.
 */
import type { Engine } from '../engine/engine.js';
import type { HostStore } from '../worker/host.js';
import { IdbRecordStore } from './idb-store.js';
import { Persister } from './persister.js';

export function indexedDbStore(engine: Engine, name: string): HostStore {
  let persister: Persister | null = null;
  return {
    engine,
    get persister() {
      return persister;
    },
    get epoch() {
      return persister?.epoch ?? 0;
    },
    async open(options) {
      if (options.durability === 'memory') return { keys: 0, loadMs: 0, problems: [], durability: 'memory' };
      persister = new Persister(engine, await IdbRecordStore.open(name), {
        durability: options.durability,
        flushIntervalMs: options.flushIntervalMs,
      });
      engine.persistence = persister;
      const report = await persister.load();
      return { keys: report.keys, loadMs: report.ms, problems: report.problems, durability: persister.durability };
    },
    durable: () => persister?.durable() ?? Promise.resolve(),
    flush: () => persister?.flush() ?? Promise.resolve(),
    async close() {
      await persister?.close();
      engine.close();
    },
    handOver() {
      persister?.handOver();
      engine.close();
    },
  };
}
