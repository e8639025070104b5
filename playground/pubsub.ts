/**
 * The Pub/Sub panel: subscribe to channels and patterns (kept across reloads),
 * publish, and a live log of the messages received — from every tab of the
 * store, since pub/sub fans out to all of them. Uses the client's own
 * subscribe()/psubscribe() API on a connection of its own.
 */
import { byId, clock, fill, h, storage } from './dom.js';
import { formatReply, isErrorReply } from './format.js';
import { Runner, toBytes, type Context } from './shared.js';

const SUBS_KEY = 'redlite.playground.subscriptions';
const LOG_MAX = 500;

interface Subscription {
  kind: 'channel' | 'pattern';
  name: string;
}

export function createPubSub(ctx: Context): { focus(): void } {
  const client = ctx.db.duplicate();
  const runner = new Runner(client, ctx.traffic);
  const list = byId('pubsub-subs');
  const log = byId('pubsub-log');
  const result = byId('pubsub-result');
  const nameInput = byId<HTMLInputElement>('pubsub-name');
  const kindSelect = byId<HTMLSelectElement>('pubsub-kind');
  const channelInput = byId<HTMLInputElement>('pubsub-channel');
  const messageInput = byId<HTMLInputElement>('pubsub-message');
  const count = byId('pubsub-count');
  const storeKey = `${SUBS_KEY}.${ctx.store}`;

  const active = new Map<string, { sub: Subscription; stop: () => Promise<void> }>();
  let received = 0;
  const id = (s: Subscription) => `${s.kind}:${s.name}`;

  async function subscribe(sub: Subscription): Promise<void> {
    if (active.has(id(sub))) return;
    const stop =
      sub.kind === 'channel'
        ? await client.subscribe(sub.name, (message, channel) => receive(channel, message, null))
        : await client.psubscribe(sub.name, (message, channel, pattern) => receive(channel, message, pattern));
    active.set(id(sub), { sub, stop });
    save();
    renderSubs();
  }

  async function unsubscribe(key: string): Promise<void> {
    const entry = active.get(key);
    if (!entry) return;
    active.delete(key);
    await entry.stop();
    save();
    renderSubs();
  }

  const save = () => storage.set(storeKey, [...active.values()].map((a) => a.sub));

  function renderSubs(): void {
    if (active.size === 0) {
      fill(list, h('li', { class: 'empty' }, 'No subscriptions yet. Subscribe to a channel (news) or a pattern (news.*).'));
      return;
    }
    fill(
      list,
      ...[...active.entries()].map(([key, { sub }]) =>
        h(
          'li',
          { class: 'chip' },
          h('span', { class: 'chip-kind' }, sub.kind === 'channel' ? 'SUBSCRIBE' : 'PSUBSCRIBE'),
          ' ',
          h('span', { class: 'chip-name' }, sub.name),
          h('button', { type: 'button', class: 'small', 'aria-label': `Unsubscribe from ${sub.name}`, onclick: () => void unsubscribe(key) }, '×'),
        ),
      ),
    );
  }

  function receive(channel: string, message: string, pattern: string | null): void {
    received++;
    count.textContent = `${received} message${received === 1 ? '' : 's'}`;
    const stick = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.querySelector('.empty')?.remove();
    log.append(
      h(
        'div',
        { class: 'msg' },
        h('time', null, clock(Date.now())),
        h('span', { class: 'msg-channel' }, channel),
        pattern !== null ? h('span', { class: 'msg-pattern', title: 'matched pattern' }, pattern) : null,
        h('span', { class: 'msg-body' }, message),
      ),
    );
    while (log.childElementCount > LOG_MAX) log.firstElementChild!.remove();
    if (stick) log.scrollTop = log.scrollHeight;
  }

  byId('pubsub-subscribe').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = nameInput.value.trim();
    if (!name) return nameInput.focus();
    void subscribe({ kind: kindSelect.value === 'pattern' ? 'pattern' : 'channel', name }).then(() => {
      // Clear the field only if it still holds this name: the user may have typed the next one meanwhile.
      if (nameInput.value.trim() === name) nameInput.value = '';
      if (!channelInput.value && kindSelect.value !== 'pattern') channelInput.value = name;
    });
  });
  // A name with glob characters is probably a pattern.
  nameInput.addEventListener('input', () => {
    kindSelect.value = /[*?[]/.test(nameInput.value) ? 'pattern' : 'channel';
  });

  byId('pubsub-publish').addEventListener('submit', async (e) => {
    e.preventDefault();
    const channel = channelInput.value;
    if (!channel) return channelInput.focus();
    const message = messageInput.value;
    const reply = await runner.run('publish', channel, message);
    ctx.bus.emit('command', { argv: ['publish', toBytes(channel), toBytes(message)], reply, from: 'pubsub' });
    fill(
      result,
      h('code', null, `PUBLISH ${JSON.stringify(channel)} ${JSON.stringify(message)}`),
      ' → ',
      h('span', { class: isErrorReply(reply) ? 'r-error' : 'r-integer' }, formatReply(reply).trim()),
      typeof reply === 'number' ? ` — ${reply === 1 ? 'one subscriber' : `${reply} subscribers`} received it` : '',
    );
    messageInput.select();
  });

  byId('pubsub-clear').addEventListener('click', () => {
    fill(log, h('p', { class: 'empty' }, 'Messages appear here as they arrive.'));
    received = 0;
    count.textContent = '';
  });

  byId('pubsub-who').addEventListener('click', async () => {
    const channels = await runner.read('pubsub', 'channels');
    const numpat = await runner.read('pubsub', 'numpat');
    const names = Array.isArray(channels) ? (channels as string[]) : [];
    const counts = names.length ? await runner.read('pubsub', 'numsub', ...names) : [];
    const flat = Array.isArray(counts) ? counts : [];
    const parts: string[] = [];
    for (let i = 0; i < flat.length; i += 2) parts.push(`${flat[i]} (${flat[i + 1]})`);
    fill(
      result,
      h('code', null, 'PUBSUB CHANNELS / NUMSUB / NUMPAT'),
      ' → ',
      parts.length ? `channels: ${parts.join(', ')}` : 'no channel has subscribers',
      ` · ${numpat} pattern subscription${numpat === 1 ? '' : 's'}`,
    );
  });

  fill(log, h('p', { class: 'empty' }, 'Messages appear here as they arrive.'));
  renderSubs();
  for (const sub of storage.get<Subscription[]>(storeKey, [])) void subscribe(sub);

  return { focus: () => nameInput.focus() };
}
