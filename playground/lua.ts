/**
 * The Lua editor: a script with KEYS and ARGV (split as redis-cli splits
 * arguments), Run (EVAL, or EVAL_RO), Load (SCRIPT LOAD), the scripts loaded
 * from this page (Redis cannot list them: the page keeps their source, and
 * SCRIPT EXISTS tells which the store still has), and errors that point at
 * the line of the script they name (`user_script:3`).
 */
import { splitArgs } from '../src/resp/split.js';
import { byId, clock, fill, h, storage } from './dom.js';
import { formatSegments, isErrorReply, type Wire } from './format.js';
import { Runner, raw, toBytes, utf8, type Context } from './shared.js';

const SCRIPT_KEY = 'redlite.playground.lua';
const LOADED_KEY = 'redlite.playground.scripts';

interface Loaded {
  sha: string;
  source: string;
  loadedAt: number;
}

/** Examples to start from: text, not a list of commands. */
const EXAMPLES: { title: string; script: string; keys: string; argv: string }[] = [
  {
    title: 'Rate limiter',
    script: [
      '-- At most ARGV[1] calls per ARGV[2] seconds for the key KEYS[1].',
      "local calls = redis.call('INCR', KEYS[1])",
      'if calls == 1 then',
      "  redis.call('EXPIRE', KEYS[1], ARGV[2])",
      'end',
      'if calls > tonumber(ARGV[1]) then',
      "  return redis.error_reply('rate limited: try again in ' .. redis.call('TTL', KEYS[1]) .. 's')",
      'end',
      'return calls',
    ].join('\n'),
    keys: 'ratelimit:ada',
    argv: '3 60',
  },
  {
    title: 'Compare and set',
    script: [
      '-- Sets KEYS[1] to ARGV[2] only if it holds ARGV[1]: atomic, since scripts run alone.',
      "if redis.call('GET', KEYS[1]) == ARGV[1] then",
      "  redis.call('SET', KEYS[1], ARGV[2])",
      '  return 1',
      'end',
      'return 0',
    ].join('\n'),
    keys: 'config:mode',
    argv: 'draft published',
  },
  {
    title: 'Sum a hash',
    script: [
      '-- Adds up the values of the hash KEYS[1].',
      'local total = 0',
      "for _, value in ipairs(redis.call('HVALS', KEYS[1])) do",
      '  total = total + tonumber(value)',
      'end',
      'return total',
    ].join('\n'),
    keys: 'cart:42',
    argv: '',
  },
  {
    title: 'JSON in, hash out (cjson)',
    script: [
      '-- Stores a JSON object as a hash and returns it.',
      'local user = cjson.decode(ARGV[1])',
      "redis.call('HSET', KEYS[1], 'name', user.name, 'lang', user.lang)",
      "return redis.call('HGETALL', KEYS[1])",
    ].join('\n'),
    keys: 'user:1',
    argv: '\'{"name":"Ada","lang":"en"}\'',
  },
  {
    title: 'An error on line 3',
    script: ['local a = 1', 'local b = 2', 'return a + missing_variable'].join('\n'),
    keys: '',
    argv: '',
  },
];

export function createLua(ctx: Context): { focus(): void } {
  const client = ctx.db.duplicate();
  const runner = new Runner(client, ctx.traffic);
  const editor = byId<HTMLTextAreaElement>('lua-script');
  const gutter = byId('lua-gutter');
  const keysInput = byId<HTMLInputElement>('lua-keys');
  const argvInput = byId<HTMLInputElement>('lua-argv');
  const readOnly = byId<HTMLInputElement>('lua-ro');
  const errorBox = byId('lua-error');
  const commandLine = byId('lua-command');
  const output = byId('lua-output');
  const scriptsList = byId('lua-scripts');
  const examples = byId<HTMLSelectElement>('lua-examples');
  const storeKey = `${LOADED_KEY}.${ctx.store}`;

  const saved = storage.get<{ script: string; keys: string; argv: string } | null>(SCRIPT_KEY, null);
  const first = saved ?? EXAMPLES[0];
  editor.value = first.script;
  keysInput.value = first.keys;
  argvInput.value = first.argv;
  let errorLine: number | null = null;

  examples.append(...EXAMPLES.map((ex, i) => h('option', { value: String(i) }, ex.title)));
  examples.addEventListener('change', () => {
    const ex = EXAMPLES[Number(examples.value)];
    if (!ex) return;
    editor.value = ex.script;
    keysInput.value = ex.keys;
    argvInput.value = ex.argv;
    examples.value = '';
    setError(null);
    persist();
    editor.focus();
  });

  const persist = () => storage.set(SCRIPT_KEY, { script: editor.value, keys: keysInput.value, argv: argvInput.value });

  // ——— The editor: line numbers, the error's line, Tab indents ———

  function drawGutter(): void {
    const lines = editor.value.split('\n').length;
    const nums: HTMLElement[] = [];
    for (let i = 1; i <= lines; i++) nums.push(h('span', { class: i === errorLine ? 'err' : '' }, String(i)));
    fill(gutter, ...nums.flatMap((n) => [n, '\n']));
    gutter.scrollTop = editor.scrollTop;
  }
  editor.addEventListener('input', () => {
    drawGutter();
    persist();
  });
  keysInput.addEventListener('input', persist);
  argvInput.addEventListener('input', persist);
  editor.addEventListener('scroll', () => (gutter.scrollTop = editor.scrollTop));
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    } else if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !tabEscapes) {
      // Tab indents; Esc first lets Tab leave the editor, as keyboard users expect.
      e.preventDefault();
      const { selectionStart: s, selectionEnd: end } = editor;
      editor.setRangeText('  ', s, end, 'end');
      drawGutter();
    } else if (e.key === 'Escape') {
      tabEscapes = true;
    }
    if (e.key !== 'Escape' && e.key !== 'Tab') tabEscapes = false;
  });
  let tabEscapes = false;
  editor.addEventListener('blur', () => (tabEscapes = false));

  function setError(message: string | null): void {
    const line = message ? /user_script:(\d+)/.exec(message) : null;
    errorLine = line ? Number(line[1]) : null;
    drawGutter();
    if (!message) {
      errorBox.replaceChildren();
      editor.removeAttribute('aria-invalid');
      return;
    }
    editor.setAttribute('aria-invalid', 'true');
    fill(
      errorBox,
      errorLine !== null
        ? h('button', { type: 'button', class: 'link', onclick: () => goToLine(errorLine!) }, `Line ${errorLine}`)
        : h('b', null, 'Error'),
      ': ',
      explainError(message),
    );
  }

  function goToLine(n: number): void {
    const lines = editor.value.split('\n');
    const start = lines.slice(0, n - 1).reduce((sum, l) => sum + l.length + 1, 0);
    editor.focus();
    editor.setSelectionRange(start, start + (lines[n - 1]?.length ?? 0));
    // Scroll the line into view: about one line-height per line.
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 18;
    editor.scrollTop = Math.max(0, (n - 3) * lineHeight);
  }

  /** Redis's script error, with the script's hash trimmed off. */
  const explainError = (message: string) => message.replace(/ script: [0-9a-f]{40}, on @user_script:\d+\.?$/, '');

  // ——— Running ———

  function args(): { keys: string[]; argv: string[] } | null {
    const keys = splitArgs(toBytes(keysInput.value));
    const argv = splitArgs(toBytes(argvInput.value));
    if (keys === null || argv === null) {
      setError(`Invalid argument(s) in ${keys === null ? 'KEYS' : 'ARGV'}: a quote is not closed.`);
      return null;
    }
    return { keys, argv };
  }

  function show(argv: string[], reply: Wire): void {
    const words = argv.map((a, i) => (i === 0 ? a.toUpperCase() : i === 1 && argv[0].startsWith('eval') && a.length > 40 ? '"…script…"' : quote(utf8(a) ?? a)));
    fill(commandLine, h('time', null, clock(Date.now())), ' ', h('code', null, words.join(' ')));
    const pre = h('pre', { class: 'reply' });
    const segments = formatSegments(reply);
    const last = segments[segments.length - 1];
    if (last) last.text = last.text.replace(/\n$/, '');
    for (const s of segments) pre.append(h('span', { class: `r-${s.kind}` }, utf8(s.text) ?? s.text));
    fill(output, pre);
    ctx.bus.emit('command', { argv, reply, from: 'lua' });
  }

  const quote = (s: string) => (/^[^\s"'\\]+$/.test(s) ? s : JSON.stringify(s));

  async function run(): Promise<void> {
    const a = args();
    if (!a) return;
    const argv = [readOnly.checked ? 'eval_ro' : 'eval', toBytes(editor.value), String(a.keys.length), ...a.keys, ...a.argv];
    const reply = await runner.run(...argv.map(raw));
    show(argv, reply);
    setError(isErrorReply(reply) ? reply.err : null);
  }

  async function load(): Promise<void> {
    const source = editor.value;
    const argv = ['script', 'load', toBytes(source)];
    const reply = await runner.run(...argv.map(raw));
    show(argv, reply);
    if (isErrorReply(reply)) {
      setError(reply.err);
      return;
    }
    setError(null);
    if (typeof reply === 'string') {
      const list = storage.get<Loaded[]>(storeKey, []).filter((s) => s.sha !== reply);
      list.unshift({ sha: reply, source, loadedAt: Date.now() });
      storage.set(storeKey, list.slice(0, 50));
      await renderScripts();
    }
  }

  async function evalsha(script: Loaded): Promise<void> {
    const a = args();
    if (!a) return;
    const argv = [readOnly.checked ? 'evalsha_ro' : 'evalsha', script.sha, String(a.keys.length), ...a.keys, ...a.argv];
    const reply = await runner.run(...argv.map(raw));
    show(argv, reply);
    setError(isErrorReply(reply) ? reply.err : null);
    if (isErrorReply(reply) && reply.err.startsWith('NOSCRIPT')) await renderScripts();
  }

  async function renderScripts(): Promise<void> {
    const list = storage.get<Loaded[]>(storeKey, []);
    if (list.length === 0) {
      fill(scriptsList, h('li', { class: 'empty' }, 'Scripts you load (SCRIPT LOAD) appear here, to run with EVALSHA.'));
      return;
    }
    const exists = await runner.read('script', 'exists', ...list.map((s) => s.sha));
    const flags = Array.isArray(exists) ? exists : [];
    fill(
      scriptsList,
      ...list.map((s, i) => {
        const loaded = flags[i] === 1;
        const firstLine = s.source.split('\n').find((l) => l.trim() && !l.trim().startsWith('--')) ?? s.source.split('\n')[0];
        return h(
          'li',
          { class: `script${loaded ? '' : ' gone'}` },
          h('code', { class: 'sha', title: s.sha }, s.sha.slice(0, 12)),
          h('span', { class: 'script-line', title: s.source }, firstLine),
          loaded ? null : h('span', { class: 'tag warn', title: 'SCRIPT FLUSH, or the store restarted' }, 'not in the store'),
          h('span', { class: 'script-actions' },
            loaded
              ? h('button', { type: 'button', class: 'small', onclick: () => void evalsha(s) }, 'EVALSHA')
              : h('button', { type: 'button', class: 'small', onclick: async () => {
                editor.value = s.source;
                drawGutter();
                await load();
              } }, 'Load again'),
            h('button', { type: 'button', class: 'small', onclick: () => {
              editor.value = s.source;
              drawGutter();
              persist();
              editor.focus();
            } }, 'Edit'),
            h('button', { type: 'button', class: 'small', 'aria-label': `Forget script ${s.sha.slice(0, 12)}`, onclick: () => {
              storage.set(storeKey, storage.get<Loaded[]>(storeKey, []).filter((x) => x.sha !== s.sha));
              void renderScripts();
            } }, '×'),
          ),
        );
      }),
    );
  }

  byId('lua-run').addEventListener('click', () => void run());
  byId('lua-load').addEventListener('click', () => void load());
  byId('lua-flush').addEventListener('click', async () => {
    const argv = ['script', 'flush'];
    show(argv, await runner.run(...argv));
    await renderScripts();
  });
  byId('lua-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  // Another page (or the REPL) may flush scripts: check again when the panel is shown.
  ctx.bus.on('command', ({ argv, from }) => {
    if (from !== 'lua' && /^script$/i.test(argv[0] ?? '')) void renderScripts();
  });

  drawGutter();
  fill(output, h('p', { class: 'empty' }, 'Run a script (Ctrl+Enter) to see its reply here.'));
  void renderScripts();

  return { focus: () => editor.focus() };
}
