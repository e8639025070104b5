/**
 * A write refused because another tab has opened the store to write since
 * this one did (see the epochs in idb-store.ts): this tab no longer leads.
 */
export class SupersededError extends Error {
  override readonly name = 'SupersededError';
  constructor() {
    super('another tab leads the store now');
  }
}
