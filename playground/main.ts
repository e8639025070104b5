/**
 * The playground: a REPL, a key browser, a Pub/Sub panel, a Lua editor and a
 * live command log over one redlite store, with a status bar. The page's
 * client is window.db, for the devtools console.
 *
 *   ?store=name        opens another store (default "playground")
 *   ?durability=mode   strict (default), relaxed or memory, for a store this page opens first
 */
import { createClient } from '../src/index.js';
import { decode } from '../src/client/decode.js';
import { addCommandInfo, Catalog, parseCommandDocs } from './commands.js';
import { byId, storage } from './dom.js';
import { createKeyBrowser } from './keys.js';
import { createLog } from './log.js';
import { createLua } from './lua.js';
import { createPubSub } from './pubsub.js';
import { createRepl } from './repl.js';
import { Bus, Runner, Traffic, type Context } from './shared.js';
import { createStatus } from './status.js';

const params = new URLSearchParams(location.search);
const store = params.get('store') || 'playground';
const durability = params.get('durability');
const db = createClient({
  name: store,
  ...(durability === 'strict' || durability === 'relaxed' || durability === 'memory' ? { durability } : {}),
});
Object.assign(window, { db });

const traffic = new Traffic();
const bus = new Bus();

/** Everything the page knows about commands comes from the store: COMMAND DOCS and COMMAND INFO. */
async function loadCatalog(): Promise<Catalog> {
  const runner = new Runner(db, traffic);
  const [docs, info] = await Promise.all([runner.query('command', 'docs'), runner.query('command', 'info')]);
  const commands = parseCommandDocs(decode(docs, 'string'));
  addCommandInfo(commands, decode(info, 'string'));
  return new Catalog(commands);
}

const ctx: Context = { db, store, catalog: loadCatalog(), traffic, bus };

// The log starts first, so it sees the other panels' first commands.
const log = createLog(ctx);
const repl = createRepl(ctx);
const keys = createKeyBrowser(ctx);
const pubsub = createPubSub(ctx);
const lua = createLua(ctx);
createStatus(ctx, db);

// A store that cannot open (storage blocked or full, damaged data) says so where people look.
db.ready.then(
  (report) => {
    if (report.problems.length) repl.notice(`The store opened, but skipped damaged data: ${report.problems.join('; ')}`, 'error');
  },
  (error: Error) => repl.notice(`The store could not open: ${error.message}. Commands will fail until the page is reloaded.`, 'error'),
);
ctx.catalog.catch((error: Error) => repl.notice(`Could not read the command table (COMMAND DOCS): ${error.message}. Completion and HELP are off.`, 'error'));

// ——— Panels: tabs on narrow screens; the REPL beside the chosen panel on wide ones ———

type Panel = 'repl' | 'keys' | 'pubsub' | 'lua' | 'log';
const PANELS: Panel[] = ['repl', 'keys', 'pubsub', 'lua', 'log'];
const focusPanel: Record<Panel, () => void> = {
  repl: () => repl.focus(),
  keys: () => (document.querySelector<HTMLElement>('#keys-tree [tabindex="0"]') ?? byId('keys-pattern')).focus(),
  pubsub: () => pubsub.focus(),
  lua: () => lua.focus(),
  log: () => log.focus(),
};
const main = document.querySelector<HTMLElement>('main.panels')!;
const wide = matchMedia('(min-width: 960px)');
let selected: Panel = storage.get<Panel>('redlite.playground.panel', 'keys');
if (!PANELS.includes(selected)) selected = 'keys';

function select(panel: Panel, focus = false): void {
  selected = panel;
  if (panel !== 'repl') main.dataset.right = panel;
  main.dataset.selected = panel;
  // On a wide screen the REPL is always shown: its tab is hidden, and the tab list chooses the right-hand panel.
  const current = wide.matches && panel === 'repl' ? main.dataset.right! : panel;
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
    const on = tab.dataset.panel === current;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  storage.set('redlite.playground.panel', panel);
  if (focus) focusPanel[panel]();
}

const tablist = document.querySelector<HTMLElement>('[role=tablist]')!;
tablist.addEventListener('click', (e) => {
  const tab = (e.target as HTMLElement).closest<HTMLButtonElement>('[role=tab]');
  if (tab) select(tab.dataset.panel as Panel);
});
tablist.addEventListener('keydown', (e) => {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role=tab]')].filter((t) => t.offsetParent !== null);
  const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
  const to = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[tabs.length - 1] : null;
  if (!to) return;
  e.preventDefault();
  select(to.dataset.panel as Panel);
  to.focus();
});
wide.addEventListener('change', () => select(selected));
select(selected);

// ——— Keyboard ———

const typing = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement | null)?.isContentEditable;
const shortcuts = byId<HTMLDialogElement>('shortcuts');
document.addEventListener('keydown', (e) => {
  if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-5]$/.test(e.code)) {
    e.preventDefault();
    select(PANELS[Number(e.code.slice(5)) - 1], true);
  } else if (!typing(document.activeElement) && !e.ctrlKey && !e.metaKey && !e.altKey) {
    if (e.key === '/') {
      e.preventDefault();
      select('repl', true);
    } else if (e.key === '?') {
      e.preventDefault();
      shortcuts.showModal();
    }
  }
});
byId('shortcuts-open').addEventListener('click', () => shortcuts.showModal());

// ——— Theme: the system's, or the one chosen ———

type Theme = 'auto' | 'light' | 'dark';
const themeButton = byId('theme');
function applyTheme(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  themeButton.setAttribute('aria-label', `Theme: ${theme === 'auto' ? 'follows the system' : theme}. Change theme`);
  themeButton.title = `Theme: ${theme === 'auto' ? 'follows the system' : theme}`;
  themeButton.textContent = theme === 'auto' ? '◐' : theme === 'light' ? '☀' : '☾';
  storage.set('redlite.playground.theme', theme);
}
let theme = storage.get<Theme>('redlite.playground.theme', 'auto');
applyTheme(theme);
themeButton.addEventListener('click', () => {
  theme = theme === 'auto' ? 'light' : theme === 'light' ? 'dark' : 'auto';
  applyTheme(theme);
});

Object.assign(window, { playground: { repl, keys } });

// Ready: the command table is read, the key browser listens. (Tests wait for this; people see the page fill in.)
Promise.all([ctx.catalog, keys.started]).then(
  () => (document.body.dataset.ready = 'true'),
  () => (document.body.dataset.ready = 'false'),
);
