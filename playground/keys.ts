/**
 * The key browser: SCAN with a pattern (and type) filter, keys grouped by
 * their `:` prefixes, type and TTL badges, a view for each type with editing,
 * and live updates from keyspace notifications (`__keyevent@<db>__:*`), which
 * reach every tab of the store.
 *
 * Reads go through a connection of its own and are hidden from the command
 * log; edits are shown there, and under the view, as the commands they ran.
 */
import { globMatch } from '../src/engine/glob.js';
import { byId, debounce, duration, fill, h, perFrame } from './dom.js';
import { isErrorReply, isStatusReply, type Wire } from './format.js';
import { BADGE, createKeyView } from './key-view.js';
import { Runner, raw, show, toBytes, wireText, type Context } from './shared.js';

/** Keys listed at most; a narrower pattern shows the rest. */
const LIMIT = 2000;
const TYPES = ['string', 'list', 'hash', 'set', 'zset', 'stream'] as const;

interface KeyInfo {
  /** The key's bytes. */
  key: string;
  type: string;
  /** When it expires (ms since the epoch), or null. */
  expiresAt: number | null;
}

interface Folder {
  /** `user:` — the prefix, separator included. */
  path: string;
  label: string;
  folders: Map<string, Folder>;
  keys: KeyInfo[];
  count: number;
}

export interface KeyBrowser {
  refresh(): Promise<void>;
  /** Opens a key in the view. */
  select(key: string): void;
  /** Resolves once live updates listen and the first scan is done. */
  started: Promise<void>;
}

export function createKeyBrowser(ctx: Context): KeyBrowser {
  const client = ctx.db.duplicate();
  const runner = new Runner(client, ctx.traffic);

  const tree = byId<HTMLUListElement>('keys-tree');
  const summary = byId('keys-summary');
  const patternInput = byId<HTMLInputElement>('keys-pattern');
  const typeSelect = byId<HTMLSelectElement>('keys-type');
  const dbSelect = byId<HTMLSelectElement>('keys-db');
  const liveToggle = byId<HTMLInputElement>('keys-live');

  let db = 0;
  let pattern = '*';
  let typeFilter = '';
  const keys = new Map<string, KeyInfo>();
  let truncated = false;
  let selected: string | null = null;
  /** Folders the person opened (or closed), by path; others follow the default. */
  const expanded = new Map<string, boolean>();
  let scanning: Promise<void> | null = null;
  let rescanAgain = false;

  const view = createKeyView(ctx, runner, {
    deleted: () => {
      selected = null;
      tree.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    },
    renamed: (key) => {
      selected = key;
    },
  });

  // ——— Controls ———

  for (const t of TYPES) typeSelect.append(h('option', { value: t }, t));
  void runner.read('config', 'get', 'databases').then((reply) => {
    const n = Array.isArray(reply) ? Number(reply[1]) || 16 : 16;
    fill(dbSelect, ...Array.from({ length: n }, (_, i) => h('option', { value: String(i) }, `db${i}`)));
    dbSelect.value = String(db);
  });
  byId('keys-filter').addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilter();
  });
  patternInput.addEventListener('input', debounce(applyFilter, 300));
  typeSelect.addEventListener('change', applyFilter);
  dbSelect.addEventListener('change', () => void useDb(Number(dbSelect.value)));
  byId('keys-refresh').addEventListener('click', () => void refresh());
  liveToggle.addEventListener('change', () => void setLive(liveToggle.checked));

  function applyFilter(): void {
    const next = patternInput.value.trim() || '*';
    if (next === pattern && typeSelect.value === typeFilter) return;
    pattern = next;
    typeFilter = typeSelect.value;
    void refresh();
  }

  async function useDb(n: number): Promise<void> {
    if (n === db) return;
    db = n;
    dbSelect.value = String(n);
    await runner.read('select', n);
    selected = null;
    void view.show(null);
    if (liveToggle.checked) await subscribe();
    await refresh();
  }
  // The key browser follows the REPL's SELECT.
  ctx.bus.on('db', (n) => void useDb(n));

  // ——— Scanning ———

  function refresh(): Promise<void> {
    if (scanning) {
      rescanAgain = true;
      return scanning;
    }
    scanning = scan().finally(() => {
      scanning = null;
      if (rescanAgain) {
        rescanAgain = false;
        void refresh();
      }
    });
    return scanning;
  }

  async function scan(): Promise<void> {
    summary.textContent = 'Scanning…';
    const found: string[] = [];
    let cursor = '0';
    const typeArgs = typeFilter ? ['type', typeFilter] : [];
    do {
      const reply = await runner.read('scan', cursor, 'match', toBytes(pattern), 'count', 1000, ...typeArgs);
      if (!Array.isArray(reply)) {
        summary.textContent = `SCAN failed: ${wireText(reply)}`;
        return;
      }
      cursor = String(reply[0]);
      for (const k of reply[1] as string[]) found.push(k);
    } while (cursor !== '0' && found.length < LIMIT);
    truncated = cursor !== '0';
    const infos = await describe(found.slice(0, LIMIT));
    keys.clear();
    for (const info of infos) if (info) keys.set(info.key, info);
    render();
    if (selected !== null && !keys.has(selected)) void view.show(selected);
  }

  /** TYPE and PTTL of each key, in one batch. */
  async function describe(list: string[]): Promise<(KeyInfo | null)[]> {
    const now = Date.now();
    const replies = await Promise.all(list.flatMap((k) => [runner.read('type', raw(k)), runner.read('pttl', raw(k))]));
    return list.map((key, i) => {
      const type = replies[2 * i];
      const pttl = replies[2 * i + 1];
      const t = isStatusReply(type) ? type.ok : 'none';
      if (t === 'none') return null;
      return { key, type: t, expiresAt: typeof pttl === 'number' && pttl >= 0 ? now + pttl : null };
    });
  }

  // ——— The tree ———

  function buildTree(): Folder {
    const root: Folder = { path: '', label: '', folders: new Map(), keys: [], count: 0 };
    const sorted = [...keys.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const info of sorted) {
      const parts = show(info.key).text.split(':');
      let folder = root;
      root.count++;
      let path = '';
      for (let i = 0; i < parts.length - 1; i++) {
        path += parts[i] + ':';
        let next = folder.folders.get(parts[i]);
        if (!next) folder.folders.set(parts[i], (next = { path, label: parts[i] + ':', folders: new Map(), keys: [], count: 0 }));
        next.count++;
        folder = next;
      }
      folder.keys.push(info);
    }
    return root;
  }

  const isOpen = (folder: Folder) => expanded.get(folder.path) ?? keys.size <= 40;

  const render = perFrame(() => {
    const root = buildTree();
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.node;
    const walk = (folder: Folder, level: number, into: Element) => {
      for (const sub of folder.folders.values()) {
        const open = isOpen(sub);
        const li = h(
          'li',
          {
            role: 'treeitem',
            'aria-expanded': String(open),
            'aria-level': String(level),
            'aria-label': `${sub.path} — ${sub.count} key${sub.count === 1 ? '' : 's'}`,
            tabindex: '-1',
            'data-node': `f:${sub.path}`,
            class: 'folder',
          },
          h(
            'span',
            { class: 'row', style: `--level:${level}` },
            h('span', { class: 'twisty', 'aria-hidden': 'true' }, open ? '▾' : '▸'),
            h('span', { class: 'name' }, sub.label),
            h('span', { class: 'count' }, String(sub.count)),
          ),
        );
        if (open) {
          const group = h('ul', { role: 'group' });
          walk(sub, level + 1, group);
          li.append(group);
        }
        into.append(li);
      }
      for (const info of folder.keys) into.append(leaf(info, level, folder.path));
    };
    const fragment = document.createDocumentFragment();
    const holder = h('div');
    walk(root, 1, holder);
    fragment.append(...holder.childNodes);
    tree.replaceChildren(fragment);
    const n = keys.size;
    summary.textContent =
      n === 0
        ? pattern === '*' && !typeFilter
          ? `No keys in db${db}. Add one in the REPL: SET greeting hello`
          : `No keys match ${pattern}${typeFilter ? ` of type ${typeFilter}` : ''} in db${db}.`
        : `${n}${truncated ? '+' : ''} key${n === 1 ? '' : 's'}${pattern !== '*' ? ` matching ${pattern}` : ''}${typeFilter ? ` (${typeFilter})` : ''} in db${db}${truncated ? ` — the first ${LIMIT}; narrow the pattern to see others` : ''}`;
    // Keep one item in the tab order (roving tabindex): the focused or selected one if still there.
    const all = [...tree.querySelectorAll<HTMLElement>('[role=treeitem]')];
    const keep = all.find((el) => el.dataset.node === focused) ?? all.find((el) => el.dataset.node === `k:${selected}`) ?? all[0];
    if (keep) {
      keep.tabIndex = 0;
      if (focused && keep.dataset.node === focused) keep.focus({ preventScroll: true });
    }
    tickTtls();
  });

  function leaf(info: KeyInfo, level: number, prefix: string): HTMLElement {
    const { text, binary } = show(info.key);
    const rest = text.startsWith(prefix) ? text.slice(prefix.length) : text;
    return h(
      'li',
      {
        role: 'treeitem',
        'aria-level': String(level),
        'aria-selected': String(info.key === selected),
        tabindex: '-1',
        'data-node': `k:${info.key}`,
        class: 'key',
        title: text,
        'aria-label': `${text}, ${info.type}${info.expiresAt === null ? '' : ', expires'}`,
      },
      h(
        'span',
        { class: 'row', style: `--level:${level}` },
        h('span', { class: `badge t-${info.type}` }, BADGE[info.type] ?? info.type.toUpperCase()),
        h('span', { class: `name${binary ? ' binary' : ''}` }, binary ? text : rest),
        h('span', { class: 'ttl', 'data-expires': info.expiresAt === null ? '' : String(info.expiresAt) }),
      ),
    );
  }

  /** TTL badges count down. */
  function tickTtls(): void {
    const now = Date.now();
    for (const el of document.querySelectorAll<HTMLElement>('#panel-keys [data-expires]')) {
      const at = el.dataset.expires;
      el.textContent = at ? duration(Number(at) - now) : '';
      el.classList.toggle('on', Boolean(at));
    }
  }
  setInterval(tickTtls, 1000);

  // Tree keyboard: ↑ ↓ move, → opens / goes in, ← closes / goes up, Enter or Space opens a key, Delete deletes it.
  tree.addEventListener('keydown', (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    if (!item) return;
    const visible = [...tree.querySelectorAll<HTMLElement>('[role=treeitem]')];
    const i = visible.indexOf(item);
    const move = (to: HTMLElement | null | undefined) => {
      if (!to) return;
      item.tabIndex = -1;
      to.tabIndex = 0;
      to.focus();
    };
    const node = item.dataset.node!;
    const isFolder = node.startsWith('f:');
    switch (e.key) {
      case 'ArrowDown':
        move(visible[i + 1]);
        break;
      case 'ArrowUp':
        move(visible[i - 1]);
        break;
      case 'Home':
        move(visible[0]);
        break;
      case 'End':
        move(visible[visible.length - 1]);
        break;
      case 'ArrowRight':
        if (isFolder && item.getAttribute('aria-expanded') === 'false') toggle(node.slice(2), true);
        else if (isFolder) move(visible[i + 1]);
        break;
      case 'ArrowLeft':
        if (isFolder && item.getAttribute('aria-expanded') === 'true') toggle(node.slice(2), false);
        else move(item.parentElement?.closest<HTMLElement>('[role=treeitem]'));
        break;
      case 'Enter':
      case ' ':
        if (isFolder) toggle(node.slice(2), item.getAttribute('aria-expanded') !== 'true');
        else select(node.slice(2));
        break;
      case 'Delete':
        if (!isFolder) {
          select(node.slice(2));
          void view.ready.then(() => view.askDelete());
        }
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  tree.addEventListener('click', (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    if (!item) return;
    const node = item.dataset.node!;
    for (const el of tree.querySelectorAll<HTMLElement>('[tabindex="0"]')) el.tabIndex = -1;
    item.tabIndex = 0;
    item.focus({ preventScroll: true });
    if (node.startsWith('f:')) toggle(node.slice(2), item.getAttribute('aria-expanded') !== 'true');
    else select(node.slice(2));
  });

  function toggle(path: string, open: boolean): void {
    expanded.set(path, open);
    render();
  }

  function select(key: string): void {
    selected = key;
    for (const el of tree.querySelectorAll<HTMLElement>('[aria-selected]')) el.setAttribute('aria-selected', String(el.dataset.node === `k:${key}`));
    void view.show(key);
  }

  // ——— Live updates ———

  let unsubscribe: (() => Promise<void>) | null = null;
  /** notify-keyspace-events before the page changed it, to put back when live updates stop. */
  let previousFlags: string | null = null;
  const pending = new Map<string, string>();

  async function setLive(on: boolean): Promise<void> {
    if (on) {
      const reply = await runner.read('config', 'get', 'notify-keyspace-events');
      const flags = Array.isArray(reply) ? String(reply[1] ?? '') : '';
      const hasAll = flags.includes('A') || [...'g$lshzxet'].every((c) => flags.includes(c));
      if (!flags.includes('E') || !hasAll) {
        previousFlags = flags;
        const next = flags + (flags.includes('E') ? '' : 'E') + (hasAll ? '' : 'A');
        await view.perform(['config', 'set', 'notify-keyspace-events', next], 'Live updates turned on keyspace notifications:');
      }
      await subscribe();
    } else {
      await unsubscribe?.();
      unsubscribe = null;
      // Other tabs may still be listening: the notifications stay on.
      if (previousFlags !== null) {
        fill(
          byId('keys-lastcmd'),
          'Live updates off. Keyspace notifications stay on for other tabs; ',
          h('code', null, `CONFIG SET notify-keyspace-events ${JSON.stringify(previousFlags)}`),
          ' puts them back as they were.',
        );
      }
    }
  }

  async function subscribe(): Promise<void> {
    await unsubscribe?.();
    const channel = `__keyevent@${db}__:*`;
    ctx.traffic.note(['psubscribe', channel]);
    unsubscribe = await client.psubscribe(channel, (message, ch) => {
      pending.set(toBytes(message), ch.slice(ch.indexOf('__:') + 3));
      applyEvents();
    });
  }

  const GONE = new Set(['del', 'expired', 'evicted', 'rename_from', 'move_from']);
  const applyEvents = debounce(async () => {
    // Events that arrive during a scan wait for it: the scan may have passed their keys already.
    while (scanning) await scanning;
    const batch = [...pending];
    pending.clear();
    const changed: string[] = [];
    for (const [key, event] of batch) {
      if (GONE.has(event)) keys.delete(key);
      else if (pattern === '*' || globMatch(toBytes(pattern), key)) changed.push(key);
    }
    const infos = await describe(changed);
    changed.forEach((key, i) => {
      const info = infos[i];
      if (!info || (typeFilter && info.type !== typeFilter)) keys.delete(key);
      else if (keys.has(key) || keys.size < LIMIT) keys.set(key, info);
    });
    render();
    ctx.bus.emit('keyspace', undefined);
    if (selected !== null && batch.some(([k]) => k === selected)) view.changed();
  }, 60);

  // FLUSHDB, FLUSHALL and SWAPDB send no keyspace events: watch for them in the command log.
  const rescanSoon = debounce(() => void refresh(), 100);
  ctx.bus.on('monitor', (line) => {
    if (line.name === 'flushall' || line.name === 'swapdb' || (line.name === 'flushdb' && line.db === db)) rescanSoon();
  });
  ctx.bus.on('command', ({ argv, reply }: { argv: string[]; reply: Wire }) => {
    if (isErrorReply(reply)) return;
    const name = (argv[0] ?? '').toLowerCase();
    if (['flushall', 'flushdb', 'swapdb'].includes(name) || !liveToggle.checked) rescanSoon();
  });

  ctx.bus.on('reload', () => void refresh());

  // ——— Start ———

  void view.show(null);
  // Listen first, then scan: a key written in between is then seen by one or the other.
  const started = (liveToggle.checked ? setLive(true) : Promise.resolve()).then(() => refresh());

  return { refresh, select, started };
}
