/**
 * Stores by name, shared by every client of this page (or process) that opens
 * the same name, and shut down when the last of them closes.
 */
import type { HostApi } from '../worker/protocol.js';
import type { HostHandle } from './client.js';

export interface OpenStore {
  host: HostApi;
  shutdown(): void;
}

export function storeRegistry(open: (name: string) => OpenStore): (name: string) => HostHandle {
  const stores = new Map<string, OpenStore & { refs: number }>();
  const handle = (name: string): HostHandle => {
    let store = stores.get(name);
    if (!store) stores.set(name, (store = { ...open(name), refs: 0 }));
    store.refs++;
    let released = false;
    return {
      host: store.host,
      release() {
        if (released) return;
        released = true;
        if (--store.refs === 0) {
          stores.delete(name);
          store.shutdown();
        }
      },
      duplicate: () => handle(name),
    };
  };
  return handle;
}
