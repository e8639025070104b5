/**
 * Reaches into a store's IndexedDB database (`redlite:<store>`) with the raw
 * API, from a page of the origin, the way damage from outside the library
 * would: to list what is stored and to corrupt one record.
 */
import type { Page } from '@playwright/test';

export type ObjectStoreName = 'meta' | 'log' | 'snapshot';
/** A record's key: a log sequence number, or a snapshot's [generation, chunk index]. */
export type RecordKey = number | [number, number];

/** A way to damage a stored record. */
export type Damage =
  /** Inverts the byte in the middle of the record (bit rot: the checksum must catch it). */
  | { flipMiddleByte: true }
  /** Drops the last `bytes` bytes (a write cut short). */
  | { truncateBy: number };

type RawAction = { list: true } | { damage: Damage; key: RecordKey };

/** The keys of an object store, in order, with the size of each record in bytes. */
export function storedRecords(page: Page, store: string, objectStore: ObjectStoreName): Promise<{ key: RecordKey; bytes: number }[]> {
  return raw(page, store, objectStore, { list: true }) as Promise<{ key: RecordKey; bytes: number }[]>;
}

/** Rewrites one record of an object store with `damage` applied; resolves with its length before. */
export function damageRecord(page: Page, store: string, objectStore: ObjectStoreName, key: RecordKey, damage: Damage): Promise<number> {
  return raw(page, store, objectStore, { damage, key }) as Promise<number>;
}

/** Runs one action in the page, in one transaction on the object store. */
function raw(page: Page, store: string, objectStore: ObjectStoreName, action: RawAction): Promise<unknown> {
  return page.evaluate(
    async ([database, objectStore, action]) => {
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open(database));
      try {
        const tx = db.transaction(objectStore, 'list' in action ? 'readonly' : 'readwrite');
        const committed = new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error);
        });
        const records = tx.objectStore(objectStore);
        let result: unknown;
        if ('list' in action) {
          const keys = await done(records.getAllKeys());
          const values = (await done(records.getAll())) as Uint8Array[];
          result = keys.map((key, i) => ({ key, bytes: values[i].length }));
        } else {
          const record = (await done(records.get(action.key))) as Uint8Array | undefined;
          if (!record) throw new Error(`no record ${JSON.stringify(action.key)} in ${objectStore}`);
          const { damage } = action;
          const damaged = 'truncateBy' in damage ? record.slice(0, record.length - damage.truncateBy) : record.slice();
          if ('flipMiddleByte' in damage) damaged[damaged.length >> 1] ^= 0xff;
          await done(records.put(damaged, action.key));
          result = record.length;
        }
        await committed;
        return result;
      } finally {
        db.close();
      }
    },
    [`redlite:${store}`, objectStore, action] as const,
  );
}
