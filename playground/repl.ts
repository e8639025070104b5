/**
 * The REPL: redis-cli in the page. Lines are split as redis-cli splits them
 * (splitArgs), replies printed as redis-cli prints them (format.ts, with a
 * raw-mode toggle), history is kept across reloads, Tab completes command
 * names, subcommands, options and key names, and a hint shows what is left to
 * type — all read from the store's COMMAND DOCS. The REPL has its own
 * connection, so SELECT, MULTI, SUBSCRIBE and MONITOR behave as in redis-cli.
 */
import { splitArgs } from '../src/resp/split.js';
import type { RedliteClient } from '../src/client/client.js';
import { commandSyntax, type Catalog, type CommandDoc } from './commands.js';
import { byId, fill, h, storage } from './dom.js';
import { formatSegments, isErrorReply, isStatusReply, type OutputMode, type Wire } from './format.js';
import { Runner, raw, show, toBytes, utf8, type Context } from './shared.js';

const HISTORY_KEY = 'redlite.playground.history';
const RAW_KEY = 'redlite.playground.raw';
const HISTORY_MAX = 500;
const OUTPUT_MAX = 400;
const IDLE_HINT = 'Enter runs · Shift+Enter adds a line · Tab completes · ↑ ↓ history · HELP <command> · Ctrl+L clears';

type Mode = 'normal' | 'subscribed' | 'monitor';

export interface Repl {
  /** Runs a command line (or several) as if typed. */
  run(text: string): Promise<void>;
  focus(): void;
  /** Prints a message from the page (not a reply) in the output. */
  notice(text: string, kind?: 'note' | 'error'): void;
}

export function createRepl(ctx: Context): Repl {
  const client: RedliteClient = ctx.db.duplicate();
  const quiet = new Runner(client, ctx.traffic);
  let catalog: Catalog | null = null;
  void ctx.catalog.then((c) => {
    catalog = c;
    updateHint();
  });

  // ——— State ———
  let db = 0;
  let tx = false;
  let mode: Mode = 'normal';
  let connectionId: number | null = null;
  let waiting = false;
  let queue: Promise<void> = Promise.resolve();
  const history: string[] = storage.get<string[]>(HISTORY_KEY, []);
  let historyIndex = history.length;
  let draft = '';
  let rawMode = storage.get<boolean>(RAW_KEY, false);
  void quiet.read('client', 'id').then((id) => (connectionId = typeof id === 'number' ? id : null));

  // ——— Markup ———
  const output = byId('repl-output');
  const input = byId<HTMLTextAreaElement>('repl-input');
  const prompt = byId('repl-prompt');
  const ghostTyped = byId('repl-ghost-typed');
  const ghostHint = byId('repl-ghost-hint');
  const hintLine = byId('repl-hint');
  const list = byId<HTMLUListElement>('repl-completions');
  const rawToggle = byId<HTMLInputElement>('repl-raw');
  const busy = byId('repl-busy');
  rawToggle.checked = rawMode;
  rawToggle.addEventListener('change', () => {
    rawMode = rawToggle.checked;
    storage.set(RAW_KEY, rawMode);
    input.focus();
  });
  byId('repl-clear').addEventListener('click', () => {
    output.replaceChildren();
    input.focus();
  });
  byId('repl-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });

  const promptText = () => `${ctx.store}${db ? `[${db}]` : ''}${tx ? '(TX)' : ''}>`;
  const setPrompt = () => (prompt.textContent = promptText());
  setPrompt();

  // ——— Output ———

  function addEntry(...children: (Node | null)[]): HTMLElement {
    const stick = output.scrollHeight - output.scrollTop - output.clientHeight < 40;
    const entry = h('div', { class: 'entry' }, ...children);
    output.append(entry);
    while (output.childElementCount > OUTPUT_MAX) output.firstElementChild!.remove();
    if (stick) output.scrollTop = output.scrollHeight;
    return entry;
  }

  function echo(line: string): HTMLElement {
    return h('div', { class: 'echo' }, h('span', { class: 'prompt' }, promptText()), ' ', line);
  }

  /** A reply, typed and coloured, as redis-cli prints it. */
  function replyBlock(wire: Wire, outputMode: OutputMode = rawMode ? 'raw' : 'tty'): HTMLElement {
    const pre = h('pre', { class: 'reply' });
    const segments = formatSegments(wire, outputMode);
    const last = segments[segments.length - 1];
    if (last) last.text = last.text.replace(/\n$/, '');
    for (const s of segments) {
      if (s.text === '') continue;
      const text = s.kind === 'string' || s.kind === 'status' || s.kind === 'error' ? decodeForDisplay(s.text, outputMode) : s.text;
      pre.append(h('span', { class: `r-${s.kind}` }, text));
    }
    if (pre.childNodes.length === 0) pre.append(h('span', { class: 'r-text' }, '\u200b'));
    return pre;
  }

  /** Raw mode prints bytes as they are: show them as UTF-8 text, or escaped when they are not. */
  function decodeForDisplay(bytes: string, outputMode: OutputMode): string {
    if (outputMode === 'tty') return utf8(bytes) ?? bytes;
    return utf8(bytes) ?? show(bytes).text;
  }

  const note = (text: string, kind: 'note' | 'error' = 'note') => h('div', { class: `note note-${kind}` }, text);

  // ——— Running commands ———

  function submit(): void {
    const text = input.value;
    closeList();
    if (text.trim() === '') {
      addEntry(echo(''));
      return;
    }
    remember(text);
    input.value = '';
    resize();
    updateHint();
    void run(text);
  }

  function run(text: string): Promise<void> {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    queue = queue.then(async () => {
      for (const line of lines) await runLine(line);
    });
    return queue;
  }

  async function runLine(line: string): Promise<void> {
    const argv = splitArgs(toBytes(line));
    if (argv === null) {
      addEntry(
        echo(line),
        h('pre', { class: 'reply' }, h('span', { class: 'r-error' }, 'Invalid argument(s)')),
        note('A quote is not closed, or a closing quote is followed by something other than a space. Quote with "double quotes" (\\n, \\xHH escapes) or \'single quotes\'.'));
      return;
    }
    if (argv.length === 0) return;
    // redis-cli's repeat prefix: `3 INCR n` runs INCR three times.
    let times = 1;
    if (/^[1-9][0-9]{0,5}$/.test(argv[0]) && argv.length > 1) {
      times = Number(argv.shift());
    }
    const name = (utf8(argv[0]) ?? argv[0]).toLowerCase();
    if (local(name, argv, line)) return;
    const entry = addEntry(echo(line));
    for (let i = 0; i < times; i++) await send(argv, entry, name);
  }

  /** Commands the REPL answers itself, as redis-cli does. */
  function local(name: string, argv: string[], line: string): boolean {
    if (name === 'help' || name === '?') {
      addEntry(echo(line), help(argv.slice(1).map((a) => utf8(a) ?? a)));
      return true;
    }
    if (name === 'clear' && argv.length === 1) {
      output.replaceChildren();
      return true;
    }
    if ((name === 'quit' || name === 'exit') && argv.length === 1) {
      addEntry(echo(line), note('This REPL stays open: the store lives as long as a tab uses it. Ctrl+L clears the screen.'));
      return true;
    }
    return false;
  }

  async function send(argv: string[], entry: HTMLElement, name: string): Promise<void> {
    const subscribing = /^[ps]?(un)?subscribe$/.test(name);
    if (subscribing && mode === 'normal' && /^[ps]?subscribe$/.test(name)) {
      entry.append(h('div', { class: 'note' }, 'Reading messages... (press Ctrl+C to quit)'));
    }
    setWaiting(true);
    collecting = subscribing;
    confirmations = [];
    let reply: Wire;
    try {
      reply = await client.sendRaw(argv.map(raw));
    } catch (error) {
      setWaiting(false);
      entry.append(
        h('pre', { class: 'reply' }, h('span', { class: 'r-error' }, `(error) ${(error as Error).message}`)),
        note('The connection to the store failed: reload the page to open it again.', 'error'),
      );
      return;
    }
    setWaiting(false);
    if (subscribing && !isErrorReply(reply)) {
      // Confirmations for all but the last name come as pushes, which may arrive after the reply:
      // wait for them (one per name), then print them in the order the server sent them.
      const expected = argv.length > 1 ? argv.length - 1 : 0;
      const deadline = Date.now() + (expected ? 500 : 60);
      while (confirmations.length + 1 < expected || (!expected && Date.now() < deadline)) {
        if (Date.now() >= deadline) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const all = [...confirmations, reply];
      confirmations = [];
      collecting = false;
      const count = (w: Wire) => (Array.isArray(w) && typeof w[2] === 'number' ? w[2] : 0);
      all.sort((a, b) => (name.includes('unsubscribe') ? count(b) - count(a) : count(a) - count(b)));
      all.forEach((w) => entry.append(replyBlock(w)));
    } else entry.append(replyBlock(reply));
    collecting = false;
    const extra = explain(name, argv, reply);
    if (extra) entry.append(await extra);
    track(name, argv, reply);
    ctx.bus.emit('command', { argv, reply, from: 'repl' });
    const out = output;
    if (out.scrollHeight - out.scrollTop - out.clientHeight < 200) out.scrollTop = out.scrollHeight;
  }

  /** Follows what redis-cli's prompt shows: the database, a transaction, subscribe and monitor modes. */
  function track(name: string, argv: string[], reply: Wire): void {
    const ok = !isErrorReply(reply);
    if (name === 'select' && ok) {
      db = Number(argv[1]);
      ctx.bus.emit('db', db);
    } else if (name === 'multi' && ok) tx = true;
    else if ((name === 'exec' || name === 'discard') && (ok || /EXECABORT|without MULTI/.test(isErrorReply(reply) ? reply.err : ''))) tx = false;
    else if (name === 'reset' && ok) {
      db = 0;
      tx = false;
      mode = 'normal';
      ctx.bus.emit('db', 0);
    } else if (/^[ps]?subscribe$/.test(name) && ok) mode = 'subscribed';
    else if (/^[ps]?unsubscribe$/.test(name) && Array.isArray(reply) && reply[2] === 0) mode = 'normal';
    else if (name === 'monitor' && ok) mode = 'monitor';
    setPrompt();
  }

  /** A line of explanation under some errors: what to type instead. */
  function explain(name: string, argv: string[], reply: Wire): Promise<HTMLElement> | HTMLElement | null {
    if (!isErrorReply(reply)) return null;
    const err = reply.err;
    if (err.startsWith('ERR unknown command')) {
      const ideas = catalog?.suggest(name) ?? [];
      return note(ideas.length ? `Did you mean ${ideas.map((s) => s.toUpperCase()).join(', ')}? HELP <command> shows its syntax.` : 'HELP @<group> lists the commands of a group (@string, @list, @hash …).');
    }
    if (err.startsWith('ERR unknown subcommand') || err.startsWith('ERR wrong number of arguments') || err.startsWith('ERR syntax error')) {
      const found = catalog?.lookup(argv.map((a) => utf8(a) ?? a));
      if (found) return note(`Usage: ${found.doc.display} ${commandSyntax(found.doc)}`);
    }
    if (err.startsWith('WRONGTYPE') && catalog) {
      const doc = catalog.lookup([name])?.doc;
      const keyIndex = doc?.args.findIndex((a) => a.type === 'key') ?? -1;
      const key = keyIndex >= 0 ? argv[keyIndex + 1] : undefined;
      if (doc && key !== undefined) {
        return quiet.read('type', raw(key)).then((type) =>
          note(`"${show(key).text}" holds a ${isStatusReply(type) ? type.ok : 'value'}; ${doc.display} works on ${doc.group.replace('-', ' ')} values. TYPE tells a key's type.`),
        );
      }
    }
    if (err.startsWith('NOSCRIPT')) return note('Load the script first with SCRIPT LOAD, or run it with EVAL.');
    if (mode === 'subscribed' && err.includes('allowed in this context')) return note('This connection is in subscribe mode: press Ctrl+C to leave it.');
    if (err.startsWith('EXECABORT')) return note('A command was refused while queueing, so the transaction was discarded.');
    return null;
  }

  // Messages, subscription confirmations and MONITOR lines.
  let collecting = false;
  let confirmations: Wire[] = [];
  client.on('push', (wire) => {
    const kind = Array.isArray(wire) && typeof wire[0] === 'string' ? wire[0].toLowerCase() : '';
    if (collecting && /^[ps]?(un)?subscribe$/.test(kind)) confirmations.push(wire);
    else if (isStatusReply(wire)) addEntry(h('pre', { class: 'reply monitor-line' }, utf8(wire.ok) ?? wire.ok));
    else addEntry(replyBlock(wire));
  });

  function setWaiting(on: boolean): void {
    waiting = on;
    // Shown only when a reply takes a moment (BLPOP …), so quick commands do not flicker.
    if (on) setTimeout(() => waiting && busy.classList.add('on'), 300);
    else busy.classList.remove('on');
  }

  /** Ctrl+C: leaves subscribe or monitor mode, unblocks a waiting command, or clears the line. */
  async function interrupt(): Promise<void> {
    if (waiting && connectionId !== null) {
      addEntry(note('^C — CLIENT UNBLOCK sent for this connection'));
      await new Runner(ctx.db, ctx.traffic).run('client', 'unblock', connectionId);
      return;
    }
    if (mode !== 'normal') {
      const was = mode;
      await quiet.read('reset');
      if (db !== 0) await quiet.read('select', db);
      mode = 'normal';
      tx = false;
      setPrompt();
      addEntry(note(`^C — left ${was === 'monitor' ? 'MONITOR' : 'subscribe'} mode (RESET)`));
      return;
    }
    input.value = '';
    resize();
    updateHint();
  }

  // ——— HELP ———

  function help(topic: string[]): HTMLElement {
    const block = h('div', { class: 'help' });
    if (topic.length === 0) {
      block.append(
        h('pre', null, [
          'redlite — Redis 7.0 in your browser. Type commands as in redis-cli:',
          '      "help @<group>" to get a list of commands in <group>',
          '      "help <command>" for help on <command>',
          '      "help <Tab>" completes command names; Tab completes arguments too',
          '      "clear" (or Ctrl+L) clears the screen',
          '',
          'Several lines run one after another; "3 INCR n" runs a command three times.',
          'Ctrl+C leaves subscribe and MONITOR modes and cancels a blocked command.',
          catalog ? `Groups: ${catalog.groups().map((g) => '@' + g).join(' ')}` : '',
        ].join('\n')),
      );
      return block;
    }
    if (!catalog) {
      block.append(note('The command table is still loading: try again in a moment.'));
      return block;
    }
    if (topic[0].startsWith('@')) {
      const docs = catalog.inGroup(topic[0].slice(1));
      if (docs.length === 0) {
        block.append(note(`No group named ${topic[0]}. Groups: ${catalog.groups().map((g) => '@' + g).join(' ')}`, 'error'));
      } else docs.forEach((d) => block.append(helpEntry(d, false)));
      return block;
    }
    const doc = catalog.get(topic.join(' '));
    if (!doc) {
      const ideas = catalog.suggest(topic[0]);
      block.append(note(`No command named "${topic.join(' ')}".${ideas.length ? ` Did you mean ${ideas.map((s) => s.toUpperCase()).join(', ')}?` : ''}`, 'error'));
      return block;
    }
    block.append(helpEntry(doc, true));
    if (doc.subcommands.length && topic.length === 1) doc.subcommands.forEach((s) => block.append(helpEntry(s, true)));
    return block;
  }

  function helpEntry(doc: CommandDoc, withGroup: boolean): HTMLElement {
    const label = (text: string) => h('span', { class: 'help-label' }, text);
    const flags = doc.flags.filter((f) => ['write', 'readonly', 'blocking', 'pubsub', 'noscript', 'fast'].includes(f));
    return h(
      'pre',
      { class: 'help-entry' },
      h('b', null, doc.display), ' ', h('span', { class: 'help-args' }, commandSyntax(doc)), '\n',
      label('summary:'), ` ${doc.summary}\n`,
      label('since:'), ` ${doc.since}\n`,
      withGroup ? h('span', null, label('group:'), ` ${doc.group}\n`) : null,
      doc.complexity ? h('span', null, label('complexity:'), ` ${doc.complexity}\n`) : null,
      flags.length ? h('span', null, label('flags:'), ` ${flags.join(', ')}`) : null,
    );
  }

  // ——— History ———

  function remember(text: string): void {
    if (history[history.length - 1] !== text) history.push(text);
    if (history.length > HISTORY_MAX) history.splice(0, history.length - HISTORY_MAX);
    storage.set(HISTORY_KEY, history);
    historyIndex = history.length;
    draft = '';
  }

  function recall(step: -1 | 1): void {
    if (history.length === 0) return;
    if (historyIndex === history.length) draft = input.value;
    const next = Math.min(history.length, Math.max(0, historyIndex + step));
    if (next === historyIndex) return;
    historyIndex = next;
    input.value = next === history.length ? draft : history[next];
    resize();
    input.setSelectionRange(input.value.length, input.value.length);
    updateHint();
  }

  // ——— Hints ———

  /** The line the caret is on, up to the caret. */
  function lineBeforeCaret(): string {
    const before = input.value.slice(0, input.selectionStart);
    return before.slice(before.lastIndexOf('\n') + 1);
  }

  /** The words of a partial line (unbalanced quotes tolerated), and whether the last is still being typed. */
  function wordsOf(line: string): { words: string[]; partial: boolean } {
    let argv = splitArgs(toBytes(line));
    if (argv === null) argv = splitArgs(toBytes(line + (line.split('"').length % 2 === 0 ? '"' : "'"))) ?? [];
    const words = argv.map((a) => utf8(a) ?? a);
    if (words.length > 1 && /^[1-9][0-9]*$/.test(words[0])) words.shift();
    return { words, partial: line !== '' && !/\s$/.test(line) };
  }

  function updateHint(): void {
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const { words, partial } = wordsOf(lineBeforeCaret());
    const hint = catalog && words.length ? catalog.hint(words, partial) : undefined;
    ghostTyped.textContent = input.value;
    ghostHint.textContent = hint && atEnd && hint.text ? `${partial ? ' ' : ''}${hint.text}` : '';
    if (hint) {
      fill(hintLine, h('b', null, hint.doc.display), ' ', h('span', { class: 'help-args' }, commandSyntax(hint.doc)), h('span', { class: 'hint-summary' }, ` — ${hint.doc.summary}`));
    } else if (words.length && catalog && !['help', '?', 'clear', 'quit', 'exit'].includes(words[0].toLowerCase())) {
      hintLine.textContent = partial ? `${IDLE_HINT}` : `Unknown command "${words[0]}" — HELP lists the groups of commands`;
    } else hintLine.textContent = IDLE_HINT;
  }

  function resize(): void {
    const lines = input.value.split('\n').length;
    input.rows = Math.min(8, Math.max(1, lines));
  }

  // ——— Completion ———

  let items: string[] = [];
  let active = -1;
  /** Where the word being completed starts and what it was. */
  let wordStart = 0;
  let cycling = false;

  function closeList(): void {
    list.hidden = true;
    list.replaceChildren();
    items = [];
    active = -1;
    cycling = false;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function showList(): void {
    fill(list, ...items.map((item, i) => h('li', { id: `repl-option-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false', onmousedown: (e: Event) => {
      e.preventDefault();
      accept(i);
    } }, item)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `repl-option-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function replaceWord(text: string, finished: boolean): void {
    const end = input.selectionStart;
    const value = input.value;
    const insert = finished ? text + ' ' : text;
    input.value = value.slice(0, wordStart) + insert + value.slice(end);
    const caret = wordStart + insert.length;
    input.setSelectionRange(caret, caret);
    updateHint();
  }

  function accept(i: number): void {
    const chosen = items[i];
    closeList();
    replaceWord(chosen, true);
    input.focus();
  }

  /** Quotes a completed key when redis-cli would need quotes to read it back. */
  const quoteWord = (word: string) => (/^[^\s"'\\]+$/.test(word) ? word : JSON.stringify(word));

  async function complete(): Promise<void> {
    if (!catalog) return;
    if (!list.hidden && items.length > 0) {
      // Tab again: step through the candidates, as redis-cli does.
      active = (active + 1) % items.length;
      cycling = true;
      replaceWord(items[active], false);
      showList();
      return;
    }
    const line = lineBeforeCaret();
    const match = /(\S*)$/.exec(line)!;
    const prefix = match[1];
    wordStart = input.selectionStart - prefix.length;
    const { words } = wordsOf(line.slice(0, line.length - prefix.length));
    const result = catalog.complete(words, prefix);
    let found = result.items;
    if (result.keyExpected && found.length < 50) found = [...found, ...(await keysStartingWith(prefix.replace(/^["']/, '')))];
    found = [...new Set(found)].sort();
    if (found.length === 0) return;
    if (found.length === 1) {
      replaceWord(quoteWord(found[0]), true);
      return;
    }
    // Several: extend to what they share, then list them.
    const common = found.reduce((a, b) => {
      let i = 0;
      while (i < a.length && i < b.length && a[i].toLowerCase() === b[i].toLowerCase()) i++;
      return a.slice(0, i);
    });
    if (common.length > prefix.length) replaceWord(common, false);
    items = found.slice(0, 200);
    active = -1;
    showList();
  }

  /** Keys that start with `prefix`, through SCAN on the REPL's database. */
  async function keysStartingWith(prefix: string): Promise<string[]> {
    const pattern = prefix.replace(/[*?[\]\\]/g, '\\$&') + '*';
    const keys: string[] = [];
    let cursor = '0';
    for (let round = 0; round < 20 && keys.length < 50; round++) {
      const reply = await quiet.read('scan', cursor, 'match', pattern, 'count', 1000);
      if (!Array.isArray(reply)) break;
      cursor = String(reply[0]);
      for (const k of reply[1] as string[]) keys.push(utf8(k) ?? k);
      if (cursor === '0') break;
    }
    return keys.slice(0, 50);
  }

  // ——— Keys ———

  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    const listOpen = !list.hidden && items.length > 0;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      if (listOpen && active >= 0 && !cycling) accept(active);
      else submit();
    } else if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && input.value.trim() !== '') {
      e.preventDefault();
      void complete();
    } else if (e.key === 'Escape' && listOpen) {
      e.preventDefault();
      closeList();
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && listOpen) {
      e.preventDefault();
      active = (active + (e.key === 'ArrowUp' ? items.length - 1 : 1)) % items.length;
      cycling = false;
      showList();
    } else if (e.key === 'ArrowUp' && !input.value.slice(0, input.selectionStart).includes('\n')) {
      e.preventDefault();
      recall(-1);
    } else if (e.key === 'ArrowDown' && !input.value.slice(input.selectionEnd).includes('\n')) {
      e.preventDefault();
      recall(1);
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      output.replaceChildren();
    } else if (e.key === 'c' && e.ctrlKey && input.selectionStart === input.selectionEnd) {
      e.preventDefault();
      void interrupt();
    } else if (listOpen && e.key !== 'Shift') {
      closeList();
    }
  });
  input.addEventListener('input', () => {
    // Typing (or pasting) replaces the completions; Tab asks again.
    if (!list.hidden) closeList();
    resize();
    updateHint();
  });
  input.addEventListener('keyup', updateHint);
  input.addEventListener('click', updateHint);
  input.addEventListener('scroll', () => {
    byId('repl-ghost').scrollTop = input.scrollTop;
  });
  input.addEventListener('blur', () => setTimeout(() => document.activeElement !== input && closeList(), 100));
  // Clicking the output (without selecting text) puts the caret back in the input.
  output.addEventListener('mouseup', () => {
    if (!getSelection()?.toString()) input.focus({ preventScroll: true });
  });

  updateHint();
  addEntry(
    h(
      'div',
      { class: 'note welcome' },
      `Connected to the store "${ctx.store}". Try: SET greeting "hello world", then GET greeting — or HELP @string. `,
      'The page\'s client is window.db in the devtools console.',
    ),
  );

  return {
    run,
    focus: () => input.focus(),
    notice: (text, kind = 'note') => void addEntry(note(text, kind)),
  };
}
