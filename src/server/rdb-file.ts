/**
 * redlite-server's persistence: an RDB file at dir/dbfilename, loaded at
 * start and rewritten by SAVE, BGSAVE and SHUTDOWN SAVE. The snapshot is
 * encoded at once (a consistent point in time, as Redis's fork gives) and
 * written to a temporary file renamed over the old one, so a crash never
 * leaves a half-written file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine, PersistenceHost } from '../engine/engine.js';
import { encodeRdb, loadRdb } from '../persistence/rdb/file.js';

export class RdbFile implements PersistenceHost {
  private running: Promise<void> | null = null;
  private lastStatus: 'ok' | 'err' = 'ok';
  private dirtyAtSave: number;
  lastSave = Date.now();

  constructor(
    private readonly engine: Engine,
    readonly file: string,
  ) {
    this.dirtyAtSave = engine.dirty;
  }

  get snapshotInProgress(): boolean {
    return this.running !== null;
  }

  /** Loads the file into the engine if there is one; returns how many keys it held. */
  load(): number {
    if (!fs.existsSync(this.file)) return 0;
    const keys = loadRdb(this.engine, new Uint8Array(fs.readFileSync(this.file)));
    this.dirtyAtSave = this.engine.dirty;
    return keys;
  }

  snapshot(): Promise<void> {
    if (this.running) return this.running;
    const bytes = this.encode();
    const temp = this.tempFile();
    this.running = fs.promises
      .writeFile(temp, bytes)
      .then(() => fs.promises.rename(temp, this.file))
      .then(
        () => this.saved(),
        (e: unknown) => this.failed(e),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Writes the file before returning (SHUTDOWN SAVE, where the process exits next); false if it failed (logged). */
  saveNow(): boolean {
    const temp = this.tempFile();
    try {
      fs.writeFileSync(temp, this.encode());
      fs.renameSync(temp, this.file);
      this.saved();
      return true;
    } catch (e) {
      this.lastStatus = 'err';
      this.engine.log('warning', `Error saving DB on disk: ${(e as Error).message}`);
      return false;
    }
  }

  info(): Record<string, string | number> {
    return {
      rdb_changes_since_last_save: this.engine.dirty - this.dirtyAtSave,
      rdb_bgsave_in_progress: this.running ? 1 : 0,
      rdb_last_save_time: Math.floor(this.lastSave / 1000),
      rdb_last_bgsave_status: this.lastStatus,
      aof_enabled: 0,
    };
  }

  private encode(): Uint8Array {
    this.dirtyAtSave = this.engine.dirty;
    return encodeRdb(this.engine);
  }

  private tempFile(): string {
    return path.join(path.dirname(this.file), `temp-${process.pid}.rdb`);
  }

  private saved(): void {
    this.lastStatus = 'ok';
    this.lastSave = Date.now();
    this.engine.log('notice', 'DB saved on disk');
  }

  private failed(e: unknown): never {
    this.lastStatus = 'err';
    throw e instanceof Error ? e : new Error(String(e));
  }
}
