/**
 * The status bar: the store's name, this tab's role (leader or follower),
 * durability and last save, keys and memory, connected clients; export and
 * import buttons. Figures come from INFO; what only the client knows comes
 * through StoreStatus, each member optional: an item whose source is absent
 * is not shown at all (never a made-up value), and appears without moving the
 * others once the client provides it.
 */
import { byId, debounce, fill, h } from './dom.js';
import { Runner, wireText, type Context } from './shared.js';

/**
 * What the status bar reads from the client beyond commands, each member
 * optional so the bar shows only what the client offers: RedliteClient has
 * `role` and the 'role' event (tabs), `ready` (persistence: the durability
 * mode), `export()` / `import()` / `exportCommands()` (RDB interchange).
 */
export interface StoreStatus {
  /** 'leader' when this tab's worker runs the store, 'follower' when it forwards to the tab that does. */
  readonly role?: 'leader' | 'follower';
  /** Resolves once the store has loaded, with its durability mode. */
  readonly ready?: Promise<{ durability: string }>;
  /** Tells when the role changes (the leader tab closed, or this one stepped down). */
  on?(event: 'role', listener: (role: 'leader' | 'follower') => void): unknown;
  /** The store as an RDB file (Redis 7.0's dump format). */
  export?(): Promise<Uint8Array>;
  /** Replaces the store's data with an RDB file's; `onProgress` hears the fraction done. */
  import?(file: Blob, onProgress?: (fraction: number) => void): Promise<{ keys: number }>;
  /** The commands that rebuild the store, as RESP (for `redis-cli --pipe`). */
  exportCommands?(): Promise<Uint8Array>;
}

/** INFO's `key:value` lines as a map. */
export function parseInfo(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) map.set(line.slice(0, i), line.slice(i + 1));
  }
  return map;
}

export function createStatus(ctx: Context, source: StoreStatus): { refresh(): void } {
  const runner = new Runner(ctx.db.duplicate(), ctx.traffic);
  const role = byId('st-role');
  const durability = byId('st-durability');
  const keys = byId('st-keys');
  const memory = byId('st-memory');
  const clients = byId('st-clients');
  const exportButton = byId<HTMLButtonElement>('st-export');
  const importButton = byId<HTMLButtonElement>('st-import');
  const importFile = byId<HTMLInputElement>('st-import-file');
  const message = byId('st-message');
  fill(byId('st-store'), h('span', { class: 'label-long' }, 'store '), h('b', null, ctx.store));

  // ——— Role ———
  const hasRole = 'role' in source && source.ready !== undefined;
  role.hidden = !hasRole;
  const showRole = (r: 'leader' | 'follower') => {
    fill(role, h('span', { class: `dot ${r}` }), r);
    role.title =
      r === 'leader'
        ? 'This tab runs the store; other tabs of this origin forward their commands to it.'
        : 'Another tab runs the store; this tab forwards its commands to it, and takes over if that tab closes.';
  };
  if (hasRole) {
    role.textContent = '…';
    void source.ready!.then(
      () => showRole(source.role!),
      () => (role.textContent = 'not open'),
    );
    source.on?.('role', (r) => {
      showRole(r);
      refresh();
    });
  }

  // ——— Export / import ———
  const exportCommandsButton = byId<HTMLButtonElement>('st-export-resp');
  const missing = 'The client does not offer this.';
  exportButton.disabled = !source.export;
  exportCommandsButton.disabled = !source.exportCommands;
  importButton.disabled = !source.import;
  if (!source.export) exportButton.title = missing;
  if (!source.exportCommands) exportCommandsButton.title = missing;
  if (!source.import) importButton.title = missing;

  function download(bytes: Uint8Array, name: string): void {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  const size = (n: number) => (n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB`);

  exportButton.addEventListener('click', async () => {
    try {
      const bytes = await source.export!();
      download(bytes, `${ctx.store}.rdb`);
      message.textContent = `Exported ${ctx.store}.rdb (${size(bytes.length)}): redis-server loads it as dump.rdb.`;
    } catch (error) {
      message.textContent = `Export failed: ${(error as Error).message}`;
    }
  });
  exportCommandsButton.addEventListener('click', async () => {
    try {
      const bytes = await source.exportCommands!();
      download(bytes, `${ctx.store}.resp`);
      message.textContent = `Exported ${ctx.store}.resp (${size(bytes.length)}): redis-cli --pipe < ${ctx.store}.resp loads it into Redis.`;
    } catch (error) {
      message.textContent = `Export failed: ${(error as Error).message}`;
    }
  });
  importButton.addEventListener('click', () => importFile.click());
  importFile.addEventListener('change', async () => {
    const file = importFile.files?.[0];
    importFile.value = '';
    if (!file || !source.import) return;
    importButton.disabled = true;
    try {
      message.textContent = `Importing ${file.name}…`;
      const { keys } = await source.import(file, (f) => (message.textContent = `Importing ${file.name}… ${Math.round(f * 100)}%`));
      message.textContent = `Imported ${file.name}: ${keys} key${keys === 1 ? '' : 's'} (the store's previous contents were replaced).`;
      ctx.bus.emit('reload', undefined);
      refresh();
    } catch (error) {
      message.textContent = `Import failed: ${(error as Error).message}`;
    } finally {
      importButton.disabled = false;
    }
  });

  // ——— Figures from INFO ———
  let loading = false;
  let again = false;
  async function load(): Promise<void> {
    // One INFO at a time; a refresh asked for meanwhile runs after it.
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      const reply = await runner.read('info', 'everything');
      const info = parseInfo(wireText(reply));
      // Keys: every database's, from INFO keyspace.
      let total = 0;
      const perDb: string[] = [];
      for (const [name, value] of info) {
        const m = /^db(\d+)$/.exec(name);
        const n = m ? Number(/keys=(\d+)/.exec(value)?.[1] ?? 0) : 0;
        if (m) {
          total += n;
          perDb.push(`${name}: ${n}`);
        }
      }
      fill(keys, h('b', null, String(total)), total === 1 ? ' key' : ' keys');
      keys.title = perDb.length ? perDb.join(', ') : 'no keys';
      const used = Number(info.get('used_memory') ?? 0);
      if (used > 0) {
        fill(memory, h('b', null, info.get('used_memory_human') ?? `${used}B`), ' memory');
        memory.title = `used_memory: ${used} bytes (INFO memory)`;
      }
      // A store that does not measure its memory (INFO memory says 0) gets no figure rather than a false one.
      memory.hidden = used === 0;
      const connected = info.get('connected_clients');
      fill(clients, h('b', null, connected ?? '—'), connected === '1' ? ' client' : ' clients');
      clients.title = 'Connections to the store, from every tab (CLIENT LIST)';
      const mode = info.get('redlite_durability') ?? (source.ready ? (await source.ready.catch(() => null))?.durability : undefined);
      if (mode) {
        const lastSave = Number(info.get('rdb_last_save_time') ?? 0);
        const saved = mode === 'memory' ? 'not saved' : lastSave > 0 ? `saved ${new Date(lastSave * 1000).toLocaleTimeString()}` : 'not saved yet';
        fill(durability, h('b', null, mode), h('span', { class: 'label-long' }, ` · ${saved}`));
        durability.title =
          mode === 'strict'
            ? 'strict: a write is acknowledged once it is committed to IndexedDB. "saved" is the last snapshot (LASTSAVE); writes since are in the log.'
            : mode === 'relaxed'
              ? 'relaxed: writes are acknowledged at once and committed to IndexedDB in batches, and when the page hides.'
              : 'memory: nothing is stored; the data lives as long as a tab keeps the store open.';
      } else durability.hidden = true;
    } finally {
      loading = false;
      if (again) {
        again = false;
        void load();
      }
    }
  }

  const refresh = debounce(() => void load(), 250);
  ctx.bus.on('keyspace', refresh);
  ctx.bus.on('command', refresh);
  setInterval(() => document.visibilityState === 'visible' && void load(), 5000);
  void load();

  return { refresh };
}
