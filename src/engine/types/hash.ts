/**
 * The hash value: a Map field → value. A Map keeps insertion order and keeps
 * a field's place when its value changes, which is exactly the order of a
 * Redis listpack, so small hashes list their fields (HGETALL, HSCAN) in
 * Redis's order.
 *
 * `encoding()` reports what Redis would hold: a listpack until the hash
 * outgrows hash-max-listpack-entries or a field or value is longer than
 * hash-max-listpack-value, then a hashtable, never back.
 */
import type { Collection } from '../db.js';

/** hash-max-listpack-entries and hash-max-listpack-value, read once per command. */
export interface HashLimits {
  entries: number;
  value: number;
}

export class Hash implements Collection {
  readonly type = 'hash' as const;
  readonly fields = new Map<string, string>();
  private listpack = true;
  /** The fields as an array, for picking at random; dropped when fields come or go. */
  private fieldArray: string[] | null = null;

  get size(): number {
    return this.fields.size;
  }

  encoding(): string {
    return this.listpack ? 'listpack' : 'hashtable';
  }

  clone(): Hash {
    const copy = new Hash();
    for (const [f, v] of this.fields) copy.fields.set(f, v);
    copy.listpack = this.listpack;
    return copy;
  }

  get(field: string): string | undefined {
    return this.fields.get(field);
  }

  /**
   * Sets a field (hashTypeSet); true if it is new. A field or value longer
   * than the limit, or one entry too many, turns a listpack into a hashtable.
   */
  set(field: string, value: string, limits: HashLimits): boolean {
    const fields = this.fields;
    const size = fields.size;
    fields.set(field, value);
    const added = fields.size !== size;
    if (added) this.fieldArray = null;
    if (this.listpack && (fields.size > limits.entries || field.length > limits.value || value.length > limits.value)) {
      this.listpack = false;
    }
    return added;
  }

  delete(field: string): boolean {
    if (!this.fields.delete(field)) return false;
    this.fieldArray = null;
    return true;
  }

  /** A uniformly random field of a non-empty hash. */
  randomField(random: () => number): string {
    const all = this.fieldList();
    return all[Math.floor(random() * all.length)];
  }

  /** Every field as an array (shared: do not modify). */
  fieldList(): readonly string[] {
    return (this.fieldArray ??= [...this.fields.keys()]);
  }
}
