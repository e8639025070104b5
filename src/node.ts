/**
 * redlite in Node: the same client as in the browser, with the engine in
 * process (no worker), so tests and server-side code share one API.
 */
import { RedliteClient } from './client/client.js';
import { storeRegistry } from './client/stores.js';
import { Engine, type EngineOptions } from './engine/engine.js';
import { createHost, memoryStore } from './worker/host.js';
import type { ClientOptions } from './index.js';

/** In Node the store lives in memory (redlite-server keeps RDB files; see src/server). */
const openHandle = storeRegistry(() => {
  const host = createHost(memoryStore(new Engine()));
  return { host, shutdown: () => void host.close() };
});

export function createClient(options: ClientOptions = {}): RedliteClient {
  const name = options.name ?? 'default';
  return new RedliteClient(openHandle(name), { name, durability: 'memory' });
}

export { RedliteClient, Engine, type EngineOptions, type ClientOptions };
export { ReplyError, ConnectionClosedError } from './client/errors.js';
export { listen } from './server/server.js';
export type { Pipeline, PipelineResult } from './client/pipeline.js';
export type { ScanOptions, MessageListener, PatternListener } from './client/client.js';
