/**
 * The command log: every command the store runs, as MONITOR shows it — from
 * this page, the devtools console (window.db), and every other tab of the
 * store. The page's own background reads (the key browser's SCANs, the status
 * bar's INFO) can be hidden: they were noted in Traffic before they were sent.
 */
import { byId, clock, fill, h } from './dom.js';
import { isStatusReply } from './format.js';
import { utf8, type Context, type MonitorLine } from './shared.js';

const LINES_MAX = 1000;
/** `1700000000.123456 [0 127.0.0.1:1234] "set" "k" "v"` */
const LINE = /^(\d+)\.(\d+) \[(\d+) ([^\]]*)\] (.*)$/s;

export function parseMonitorLine(text: string): MonitorLine | null {
  const m = LINE.exec(text);
  if (!m) return null;
  const name = /^"((?:[^"\\]|\\.)*)"/.exec(m[5]);
  return {
    time: Number(m[1]) * 1000 + Math.floor(Number(m[2]) / 1000),
    db: Number(m[3]),
    addr: m[4],
    args: m[5],
    name: (name?.[1] ?? '').toLowerCase(),
  };
}

export function createLog(ctx: Context): { focus(): void } {
  const client = ctx.db.duplicate();
  const lines = byId('log-lines');
  const status = byId('log-status');
  const filter = byId<HTMLInputElement>('log-filter');
  const hideOwn = byId<HTMLInputElement>('log-hide-own');
  const pause = byId<HTMLButtonElement>('log-pause');
  let shown = 0;
  let hidden = 0;
  let missed = 0;
  let paused = false;

  client.on('push', (wire) => {
    if (!isStatusReply(wire)) return;
    const line = parseMonitorLine(utf8(wire.ok) ?? wire.ok);
    if (!line) return;
    ctx.bus.emit('monitor', line);
    // Every line is checked, so the page's own commands are claimed even while they are shown.
    const own = ctx.traffic.claim(line.args);
    if (own && hideOwn.checked) hidden++;
    else if (paused) missed++;
    else append(line, own);
    updateStatus();
  });

  function append(line: MonitorLine, own: boolean): void {
    const stick = lines.scrollHeight - lines.scrollTop - lines.clientHeight < 40;
    lines.querySelector('.empty')?.remove();
    const rest = line.args.slice(line.args.indexOf('"', 1) + 1).trim();
    const row = h(
      'div',
      { class: `mon${own ? ' own' : ''}`, 'data-text': `${line.name} ${line.args}`.toLowerCase() },
      h('time', null, clock(line.time)),
      h('span', { class: 'mon-db', title: `database ${line.db}` }, String(line.db)),
      h('span', { class: 'mon-addr', title: 'client address' }, line.addr || '—'),
      h('span', { class: 'mon-cmd' }, line.name.toUpperCase()),
      h('span', { class: 'mon-args' }, rest),
    );
    row.hidden = !matches(row);
    lines.append(row);
    shown++;
    while (lines.childElementCount > LINES_MAX) lines.firstElementChild!.remove();
    if (stick) lines.scrollTop = lines.scrollHeight;
  }

  const matches = (row: HTMLElement) => !filter.value || (row.dataset.text ?? '').includes(filter.value.toLowerCase());

  function updateStatus(): void {
    status.textContent = `${shown} shown${hidden ? ` · ${hidden} background reads of this page hidden` : ''}${paused && missed ? ` · ${missed} while paused` : ''}`;
  }

  filter.addEventListener('input', () => {
    for (const row of lines.querySelectorAll<HTMLElement>('.mon')) row.hidden = !matches(row);
  });
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) missed = 0;
    updateStatus();
  });
  byId('log-clear').addEventListener('click', () => {
    fill(lines, h('p', { class: 'empty' }, 'Commands appear here as the store runs them.'));
    shown = 0;
    hidden = 0;
    updateStatus();
  });

  fill(lines, h('p', { class: 'empty' }, 'Commands appear here as the store runs them.'));
  void client.sendRaw(['monitor']).then((reply) => {
    if (!isStatusReply(reply)) status.textContent = `MONITOR failed: ${JSON.stringify(reply)}`;
  });

  return { focus: () => filter.focus() };
}
