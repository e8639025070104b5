/**
 * The view of one key in the key browser: its type, TTL, encoding, memory
 * and length, its value in a view for its type (strings with JSON formatted,
 * list, hash and sorted-set tables, sets, stream entries), and edits — each
 * edit is a command, shown under the view and in the command log.
 */
import { splitArgs } from '../src/resp/split.js';
import { append, byId, duration, fill, h } from './dom.js';
import type { Catalog } from './commands.js';
import { formatReply, isErrorReply, isStatusReply, type Wire } from './format.js';
import { arrayToBytes } from '../src/client/bytes.js';
import { Runner, raw, show, toBytes, utf8, type Context } from './shared.js';

/** Type badges, as the tree and the view show them. */
export const BADGE: Record<string, string> = { string: 'STR', list: 'LIST', hash: 'HASH', set: 'SET', zset: 'ZSET', stream: 'STREAM' };

/** Elements shown per page in a list, sorted set or stream. */
const PAGE = 100;

export interface KeyView {
  /** Shows a key (null: none selected). */
  show(key: string | null): Promise<void>;
  /** Resolves when the view on screen has loaded. */
  readonly ready: Promise<void>;
  /** The key changed elsewhere: reload, or offer to when an edit is in progress. */
  changed(): void;
  /** Arms (or confirms) the Delete button. */
  askDelete(): void;
  /** Runs a command for the person, shows it under the view and in the log. */
  perform(argv: (string | number | Uint8Array)[], label?: string): Promise<Wire>;
}

export function createKeyView(ctx: Context, runner: Runner, events: { deleted(): void; renamed(key: string): void }): KeyView {
  const view = byId('key-view');
  const lastCommand = byId('keys-lastcmd');
  let current: string | null = null;
  /** Set while a form has unsaved input: live changes then ask before reloading. */
  let editing = false;
  let token = 0;
  let ready: Promise<void> = Promise.resolve();
  let catalog: Catalog | null = null;
  void ctx.catalog.then((c) => (catalog = c));

  async function perform(argv: (string | number | Uint8Array)[], label = ''): Promise<Wire> {
    const reply = await runner.run(...argv);
    const bytes = argv.map((a) => (a instanceof Uint8Array ? arrayToBytes(a) : toBytes(String(a))));
    const container = catalog?.lookup([bytes[0]])?.doc.subcommands.length;
    const words = bytes.map((b, i) => {
      const text = i === 0 || (i === 1 && container) ? b.toUpperCase() : show(b).text;
      return i > 0 && !/^[^\s"'\\]+$/.test(text) ? JSON.stringify(text) : text;
    });
    fill(
      lastCommand,
      label ? `${label} ` : '',
      h('code', null, words.join(' ')),
      ' → ',
      h('span', { class: isErrorReply(reply) ? 'r-error' : 'r-ok' }, formatReply(reply).trim().split('\n').join(' ')),
    );
    ctx.bus.emit('command', { argv: bytes, reply, from: 'keys' });
    return reply;
  }

  function showKey(key: string | null): Promise<void> {
    current = key;
    ready = render(++token);
    return ready;
  }

  async function render(mine: number): Promise<void> {
    editing = false;
    const key = current;
    if (key === null) {
      fill(view, h('p', { class: 'empty' }, 'Select a key to see its value.'));
      return;
    }
    const k = raw(key);
    const [type, pttl, encoding, memory] = await Promise.all([
      runner.read('type', k),
      runner.read('pttl', k),
      runner.read('object', 'encoding', k),
      runner.read('memory', 'usage', k),
    ]);
    if (mine !== token) return;
    const t = isStatusReply(type) ? type.ok : 'none';
    const name = show(key);
    const title = h('h3', { class: `key-name${name.binary ? ' binary' : ''}`, title: name.text }, name.text);
    if (t === 'none') {
      fill(view, h('div', { class: 'key-head' }, title), h('p', { class: 'empty' }, 'This key does not exist (any more).'));
      return;
    }
    const expiresAt = typeof pttl === 'number' && pttl >= 0 ? Date.now() + pttl : null;
    const content = h('div', { class: 'key-content' });
    const length = h('span', null, '…');
    const fresh = h(
      'div',
      { class: 'key-view-inner' },
      h('div', { class: 'key-head' }, h('span', { class: `badge t-${t}` }, BADGE[t] ?? t.toUpperCase()), title),
      h(
        'dl',
        { class: 'key-meta' },
        meta('TTL', expiresAt === null ? 'none' : h('span', { 'data-expires': String(expiresAt) }, duration(expiresAt - Date.now()))),
        meta('encoding', typeof encoding === 'string' ? encoding : '—'),
        meta('memory', typeof memory === 'number' ? `${memory} B` : '—'),
        meta('length', length),
      ),
      actions(k, expiresAt !== null),
      content,
    );
    const views: Record<string, (k: Uint8Array, into: HTMLElement, length: HTMLElement) => Promise<void>> = {
      string: stringView,
      list: listView,
      hash: hashView,
      set: setView,
      zset: zsetView,
      stream: streamView,
    };
    const draw = views[t];
    if (draw) await draw(k, content, length);
    else content.append(h('p', { class: 'empty' }, `No viewer for ${t} values; the REPL reads them.`));
    if (mine !== token) return;
    // The user began typing in the view on screen while this one was read: keep their input.
    if (editing) return offerReload();
    // Swap in one go, keeping the scroll position: no flash of an empty view.
    const scroll = view.scrollTop;
    fill(view, fresh);
    view.scrollTop = scroll;
  }

  const meta = (label: string, value: Node | string) => h('div', null, h('dt', null, label), h('dd', null, value));

  let armed: ReturnType<typeof setTimeout> | undefined;

  function actions(k: Uint8Array, hasTtl: boolean): HTMLElement {
    const ttl = h('input', { type: 'number', min: '1', step: '1', placeholder: 'seconds', 'aria-label': 'TTL in seconds', class: 'narrow' });
    const rename = h('input', { type: 'text', placeholder: 'new name', 'aria-label': 'New key name' });
    const del = h('button', { type: 'button', class: 'delete danger', onclick: () => askDelete() }, 'Delete');
    const persist = h('button', { type: 'button', onclick: async () => {
      await perform(['persist', k]);
      void showKey(current);
    } }, 'Persist');
    persist.disabled = !hasTtl;
    return h(
      'div',
      { class: 'key-actions' },
      h('form', { class: 'inline', onsubmit: async (e: Event) => {
        e.preventDefault();
        if (!ttl.value) return ttl.focus();
        await perform(['expire', k, ttl.value]);
        void showKey(current);
      } }, ttl, h('button', { type: 'submit' }, 'Expire')),
      persist,
      h('form', { class: 'inline', onsubmit: async (e: Event) => {
        e.preventDefault();
        if (!rename.value) return rename.focus();
        const reply = await perform(['renamenx', k, rename.value]);
        if (reply === 1) {
          events.renamed(toBytes(rename.value));
          void showKey(toBytes(rename.value));
        } else if (reply === 0) lastCommand.append(h('span', { class: 'r-error' }, ' — a key with that name exists'));
      } }, rename, h('button', { type: 'submit' }, 'Rename')),
      del,
    );
  }

  /** First press arms the Delete button for 4 s; the second deletes. */
  function askDelete(): void {
    const del = view.querySelector<HTMLButtonElement>('.delete');
    if (!del || current === null) return;
    if (!armed) {
      del.textContent = 'Confirm delete';
      del.classList.add('armed');
      del.focus();
      armed = setTimeout(() => {
        armed = undefined;
        del.textContent = 'Delete';
        del.classList.remove('armed');
      }, 4000);
      return;
    }
    clearTimeout(armed);
    armed = undefined;
    const key = current;
    void perform(['del', raw(key)]).then(() => {
      events.deleted();
      void showKey(null);
    });
  }

  function changed(): void {
    if (editing) offerReload();
    else void showKey(current);
  }

  /** While the user edits, a change from elsewhere is offered, not forced on them. */
  function offerReload(): void {
    if (view.querySelector('.changed')) return;
    view.prepend(h('div', { class: 'changed', role: 'status' }, 'This key changed elsewhere. ', h('button', { type: 'button', onclick: () => void showKey(current) }, 'Reload it')));
  }

  // ——— Pieces ———

  function valueCell(bytes: string): HTMLElement {
    const { text, binary } = show(bytes);
    return h('span', { class: `value${binary ? ' binary' : ''}` }, text);
  }

  /** A table row whose value can be edited in place and which can be deleted. */
  function editableRow(cells: (Node | string)[], value: string, onSave: ((text: string) => Promise<unknown>) | null, onDelete: () => Promise<unknown>, what: string): HTMLTableRowElement {
    const valueTd = h('td', { class: 'v' }, valueCell(value));
    const row = h('tr', null, ...cells.map((c) => h('td', null, c)), valueTd);
    const buttons = h('td', { class: 'actions' });
    if (onSave && utf8(value) !== null) {
      buttons.append(
        h('button', { type: 'button', class: 'small', 'aria-label': `Edit ${what}`, onclick: () => {
          const text = utf8(value)!;
          editing = true;
          const field = h('textarea', { class: 'edit', rows: String(Math.min(6, text.split('\n').length)), 'aria-label': `New value of ${what}` });
          field.value = text;
          field.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              editing = false;
              void onSave(field.value).then(() => showKey(current));
            } else if (e.key === 'Escape') {
              e.preventDefault();
              editing = false;
              fill(valueTd, valueCell(value));
            }
          });
          fill(valueTd, field, h('div', { class: 'edit-help' }, 'Enter saves · Shift+Enter adds a line · Esc cancels'));
          field.focus();
        } }, 'Edit'),
      );
    }
    buttons.append(h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete ${what}`, onclick: async () => {
      await onDelete();
      void showKey(current);
    } }, 'Del'));
    row.append(buttons);
    return row;
  }

  function table(headers: string[], rows: HTMLElement[]): HTMLElement {
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        null,
        h('thead', null, h('tr', null, ...headers.map((x) => h('th', { scope: 'col' }, x)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'actions')))),
        h('tbody', null, ...rows),
      ),
    );
  }

  /** A form under a view that adds elements; each button is a command. */
  function addForm(fields: { label: string; wide?: boolean }[], buttons: { label: string; run: (values: string[]) => Promise<unknown> }[]): HTMLElement {
    const inputs = fields.map((f) => h('input', { type: 'text', placeholder: f.label, 'aria-label': f.label, class: f.wide ? 'wide' : '' }));
    const form = h('form', { class: 'add-form', onsubmit: (e: Event) => e.preventDefault() }, ...inputs);
    buttons.forEach((b, i) =>
      form.append(
        h('button', { type: i === 0 ? 'submit' : 'button', onclick: async () => {
          const empty = inputs.find((inp) => inp.value === '');
          if (empty) return empty.focus();
          await b.run(inputs.map((inp) => inp.value));
          editing = false;
          void showKey(current);
        } }, b.label),
      ),
    );
    form.addEventListener('input', () => (editing = inputs.some((inp) => inp.value !== '')));
    return form;
  }

  // ——— A view per type ———

  async function stringView(k: Uint8Array, into: HTMLElement, length: HTMLElement): Promise<void> {
    const [len, value] = await Promise.all([runner.read('strlen', k), runner.read('getrange', k, 0, 256 * 1024 - 1)]);
    length.textContent = `${len} bytes`;
    const bytes = typeof value === 'string' ? value : '';
    const partial = typeof len === 'number' && len > bytes.length;
    const text = utf8(bytes);
    if (text === null) {
      append(into, 
        h('pre', { class: 'string-value binary' }, show(bytes).text),
        h('p', { class: 'empty' }, 'Binary value: shown escaped, as redis-cli prints it. Edit it in the REPL (SETRANGE, or SET with "\\xHH" escapes).'),
      );
      return;
    }
    let json: unknown;
    try {
      json = /^\s*[[{]/.test(text) ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const area = h('textarea', { class: 'string-edit', rows: '6', 'aria-label': 'Value', spellcheck: 'false' });
    area.value = text;
    area.addEventListener('input', () => (editing = true));
    const save = h('button', { type: 'submit' }, 'Save (SET … KEEPTTL)');
    save.disabled = partial;
    const form = h(
      'form',
      { class: 'string-form', onsubmit: async (e: Event) => {
        e.preventDefault();
        editing = false;
        await perform(['set', k, area.value, 'keepttl']);
        void showKey(current);
      } },
      area,
      h('div', { class: 'row-actions' }, save, partial ? h('span', { class: 'empty' }, `Showing the first 256 KB of ${len} bytes: edit it in the REPL.`) : null),
    );
    if (json === undefined) {
      append(into, form);
      return;
    }
    const pretty = h('pre', { class: 'json', tabindex: '0', 'aria-label': 'Value as formatted JSON' }, ...highlightJson(JSON.stringify(json, null, 2)));
    let asJson = true;
    const toggle = h('button', { type: 'button' }, 'Edit text');
    const sync = () => {
      toggle.textContent = asJson ? 'Edit text' : 'Show formatted JSON';
      pretty.hidden = !asJson;
      form.hidden = asJson;
    };
    toggle.addEventListener('click', () => {
      asJson = !asJson;
      sync();
      (asJson ? pretty : area).focus();
    });
    sync();
    append(into, h('div', { class: 'view-tools' }, h('span', { class: 'tag' }, 'JSON'), toggle), pretty, form);
  }

  async function listView(k: Uint8Array, into: HTMLElement, length: HTMLElement): Promise<void> {
    let count = PAGE;
    const body = h('div');
    const draw = async () => {
      const [len, items] = await Promise.all([runner.read('llen', k), runner.read('lrange', k, 0, count - 1)]);
      length.textContent = `${len} elements`;
      const rows = (Array.isArray(items) ? (items as string[]) : []).map((v, i) =>
        editableRow(
          [String(i)],
          v,
          (text) => perform(['lset', k, i, text]),
          async () => {
            // Redis has no "remove at index": mark the element, then remove the mark.
            const mark = `__redlite_playground_deleted_${Date.now()}__`;
            await perform(['lset', k, i, mark]);
            await perform(['lrem', k, 1, mark]);
          },
          `element ${i}`,
        ),
      );
      const more = typeof len === 'number' && len > count;
      fill(
        body,
        table(['index', 'element'], rows),
        more ? h('button', { type: 'button', class: 'more', onclick: () => {
          count += PAGE;
          void draw();
        } }, `Show ${Math.min(PAGE, (len as number) - count)} more`) : null,
      );
    };
    await draw();
    append(into, 
      body,
      addForm([{ label: 'element', wide: true }], [
        { label: 'RPUSH', run: ([v]) => perform(['rpush', k, v]) },
        { label: 'LPUSH', run: ([v]) => perform(['lpush', k, v]) },
      ]),
    );
  }

  async function hashView(k: Uint8Array, into: HTMLElement, length: HTMLElement): Promise<void> {
    const len = await runner.read('hlen', k);
    length.textContent = `${len} fields`;
    const pairs: [string, string][] = [];
    let cursor = '0';
    do {
      const reply = await runner.read('hscan', k, cursor, 'count', 200);
      if (!Array.isArray(reply)) break;
      cursor = String(reply[0]);
      const flat = reply[1] as string[];
      for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
    } while (cursor !== '0' && pairs.length < 500);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const rows = pairs.map(([f, v]) =>
      editableRow([valueCell(f)], v, (text) => perform(['hset', k, raw(f), text]), () => perform(['hdel', k, raw(f)]), `field ${show(f).text}`),
    );
    append(into, 
      table(['field', 'value'], rows),
      cursor !== '0' ? h('p', { class: 'empty' }, `Showing ${pairs.length} of ${len} fields.`) : null,
      addForm([{ label: 'field' }, { label: 'value', wide: true }], [{ label: 'HSET', run: ([f, v]) => perform(['hset', k, f, v]) }]),
    );
  }

  async function setView(k: Uint8Array, into: HTMLElement, length: HTMLElement): Promise<void> {
    const len = await runner.read('scard', k);
    length.textContent = `${len} members`;
    const members: string[] = [];
    let cursor = '0';
    do {
      const reply = await runner.read('sscan', k, cursor, 'count', 200);
      if (!Array.isArray(reply)) break;
      cursor = String(reply[0]);
      members.push(...(reply[1] as string[]));
    } while (cursor !== '0' && members.length < 500);
    members.sort();
    const rows = members.map((m) => editableRow([], m, null, () => perform(['srem', k, raw(m)]), `member ${show(m).text}`));
    append(into, 
      table(['member'], rows),
      cursor !== '0' ? h('p', { class: 'empty' }, `Showing ${members.length} of ${len} members.`) : null,
      addForm([{ label: 'member', wide: true }], [{ label: 'SADD', run: ([m]) => perform(['sadd', k, m]) }]),
    );
  }

  async function zsetView(k: Uint8Array, into: HTMLElement, length: HTMLElement): Promise<void> {
    const [len, flat] = await Promise.all([runner.read('zcard', k), runner.read('zrange', k, 0, PAGE - 1, 'withscores')]);
    length.textContent = `${len} members`;
    const list = Array.isArray(flat) ? (flat as string[]) : [];
    const rows: HTMLTableRowElement[] = [];
    for (let i = 0; i < list.length; i += 2) {
      const member = list[i];
      rows.push(
        editableRow([String(i / 2), valueCell(member)], list[i + 1], (score) => perform(['zadd', k, score, raw(member)]), () => perform(['zrem', k, raw(member)]), `member ${show(member).text}`),
      );
    }
    append(into, 
      table(['rank', 'member', 'score'], rows),
      typeof len === 'number' && len > PAGE ? h('p', { class: 'empty' }, `Showing the lowest ${PAGE} of ${len}.`) : null,
      addForm([{ label: 'score' }, { label: 'member', wide: true }], [{ label: 'ZADD', run: ([s, m]) => perform(['zadd', k, s, m]) }]),
    );
  }

  async function streamView(k: Uint8Array, into: HTMLElement, length: HTMLElement): Promise<void> {
    const [len, entries, groups] = await Promise.all([
      runner.read('xlen', k),
      runner.read('xrevrange', k, '+', '-', 'count', PAGE),
      runner.read('xinfo', 'groups', k),
    ]);
    length.textContent = `${len} entries`;
    const rows = (Array.isArray(entries) ? (entries as [string, string[]][]) : []).map(([id, fields]) => {
      const dl = h('dl', { class: 'fields' });
      for (let i = 0; i < fields.length; i += 2) dl.append(h('div', null, h('dt', null, show(fields[i]).text), h('dd', null, valueCell(fields[i + 1]))));
      return h(
        'tr',
        null,
        h('td', { class: 'mono' }, id),
        h('td', null, dl),
        h('td', { class: 'actions' }, h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete entry ${id}`, onclick: async () => {
          await perform(['xdel', k, id]);
          void showKey(current);
        } }, 'Del')),
      );
    });
    const groupCount = Array.isArray(groups) ? groups.length : 0;
    append(into, 
      h('p', { class: 'empty' }, `Newest first${typeof len === 'number' && len > PAGE ? ` (the last ${PAGE} of ${len})` : ''} · ${groupCount} consumer group${groupCount === 1 ? '' : 's'}`),
      table(['id', 'fields'], rows),
      addForm([{ label: 'field value [field value …]', wide: true }], [
        { label: 'XADD *', run: async ([text]) => {
          const args = splitArgs(toBytes(text));
          if (!args || args.length === 0 || args.length % 2) {
            fill(lastCommand, h('span', { class: 'r-error' }, 'XADD takes field value pairs, e.g. temp 21 hum 40'));
            return;
          }
          await perform(['xadd', k, '*', ...args.map(raw)]);
        } },
      ]),
    );
  }

  return {
    show: showKey,
    get ready() {
      return ready;
    },
    changed,
    askDelete,
    perform,
  };
}

/** JSON text in coloured spans (keys, strings, numbers, literals). */
export function highlightJson(text: string): Node[] {
  const out: Node[] = [];
  const re = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    const cls = m[1] ? (m[2] ? 'j-key' : 'j-string') : m[3] ? 'j-number' : 'j-literal';
    out.push(h('span', { class: cls }, m[1] ?? m[3] ?? m[4]));
    if (m[2]) out.push(document.createTextNode(m[2]));
    last = m.index + m[0].length;
  }
  out.push(document.createTextNode(text.slice(last)));
  return out;
}
