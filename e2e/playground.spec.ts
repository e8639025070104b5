/**
 * The playground, driven as a person would: typing in the REPL and reading
 * what it prints, browsing and editing keys, watching them change when another
 * client or another tab writes, subscribing and publishing, running Lua. Each
 * panel is photographed (light, dark, and phone-sized) into the folder printed
 * at the start of the run, for review.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SHOTS = path.resolve('test-results/screenshots');

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  console.log(`playground screenshots: ${SHOTS}`);
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

let stores = 0;
/** Opens the playground on a store of its own and waits until it is ready. */
async function open(page: Page, store = `pg-${Date.now()}-${stores++}`): Promise<string> {
  await page.goto(`/?store=${store}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  return store;
}

/** Types a line in the REPL and presses Enter. */
async function type(page: Page, line: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Command' });
  await input.fill(line);
  await input.press('Enter');
}

/** The REPL's last entry: the echoed command and what it printed. */
const lastEntry = (page: Page) => page.locator('#repl-output .entry').last();
/** The reply the REPL printed for the last command. */
const lastReply = (page: Page) => lastEntry(page).locator('pre.reply').last();

test.describe('REPL', () => {
  test('prints replies as redis-cli does', async ({ page }) => {
    await open(page);
    await type(page, 'SET greeting "hello world"');
    await expect(lastReply(page)).toHaveText('OK');
    await type(page, 'GET greeting');
    await expect(lastReply(page)).toHaveText('"hello world"');
    await type(page, 'INCR visits');
    await expect(lastReply(page)).toHaveText('(integer) 1');
    await type(page, 'GET nothing-here');
    await expect(lastReply(page)).toHaveText('(nil)');
    await type(page, 'LRANGE nothing-here 0 -1');
    await expect(lastReply(page)).toHaveText('(empty array)');
    await type(page, 'RPUSH letters a b c d e f g h i j k');
    await type(page, 'LRANGE letters 0 -1');
    await expect(lastReply(page)).toHaveText([' 1) "a"', ' 2) "b"', ' 3) "c"', ' 4) "d"', ' 5) "e"', ' 6) "f"', ' 7) "g"', ' 8) "h"', ' 9) "i"', '10) "j"', '11) "k"'].join('\n'));
    await type(page, 'XADD events 1-1 temp 21');
    await type(page, 'XRANGE events - +');
    await expect(lastReply(page)).toHaveText('1) 1) "1-1"\n   2) 1) "temp"\n      2) "21"');
    await type(page, 'SET "with \\"quotes\\"" \'single \\\' quote\'');
    await type(page, 'GET "with \\"quotes\\""');
    await expect(lastReply(page)).toHaveText('"single \' quote"');
    await type(page, 'SET bytes "\\x00\\xff\\n"');
    await type(page, 'GET bytes');
    await expect(lastReply(page)).toHaveText('"\\x00\\xff\\n"');
    // The typed output is coloured by kind.
    await type(page, 'MGET greeting nothing-here');
    await expect(lastReply(page).locator('.r-string')).toHaveText('"hello world"');
    await expect(lastReply(page).locator('.r-nil')).toHaveText('(nil)');
  });

  test('raw output, several commands in one input, and the repeat prefix', async ({ page }) => {
    await open(page);
    await page.getByLabel('raw output').check();
    await type(page, 'SET greeting "hello world"\nGET greeting\n3 INCR n');
    const entries = page.locator('#repl-output .entry');
    await expect(entries.nth(-3).locator('pre.reply')).toHaveText('OK');
    await expect(entries.nth(-2).locator('pre.reply')).toHaveText('hello world');
    await expect(entries.nth(-1).locator('pre.reply')).toHaveText(['1', '2', '3']);
    await page.getByLabel('raw output').uncheck();
  });

  test('a clear message for every error', async ({ page }) => {
    await open(page);
    await type(page, 'SETT k v');
    await expect(lastReply(page)).toHaveText("(error) ERR unknown command 'SETT', with args beginning with: 'k' 'v' ");
    await expect(lastEntry(page).locator('.note')).toContainText('Did you mean SET');
    await type(page, 'GET');
    await expect(lastReply(page)).toHaveText("(error) ERR wrong number of arguments for 'get' command");
    await expect(lastEntry(page).locator('.note')).toHaveText('Usage: GET key');
    await type(page, 'SET k "unclosed');
    await expect(lastReply(page)).toHaveText('Invalid argument(s)');
    await expect(lastEntry(page).locator('.note')).toContainText('A quote is not closed');
    await type(page, 'SET s x');
    await type(page, 'LPUSH s a');
    await expect(lastReply(page)).toHaveText('(error) WRONGTYPE Operation against a key holding the wrong kind of value');
    await expect(lastEntry(page).locator('.note')).toContainText('"s" holds a string; LPUSH works on list values');
  });

  test('HELP, completion and inline hints come from the command table', async ({ page }) => {
    await open(page);
    await type(page, 'HELP SET');
    await expect(lastEntry(page).locator('.help-entry')).toContainText('SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    await expect(lastEntry(page).locator('.help-entry')).toContainText('summary: Set the string value of a key');
    await type(page, 'HELP @hyperloglog');
    await expect(lastEntry(page).locator('.help-entry b')).toHaveText(['PFADD', 'PFCOUNT', 'PFDEBUG', 'PFMERGE']);

    const input = page.getByRole('combobox', { name: 'Command' });
    // A command name.
    await input.fill('hgeta');
    await input.press('Tab');
    await expect(input).toHaveValue('hgetall ');
    // Several candidates: a list to choose from; Tab steps through it.
    await input.fill('HGET');
    await input.press('Tab');
    const completions = page.getByRole('listbox', { name: 'Completions' });
    await expect(completions).toBeVisible();
    await expect(completions.getByRole('option')).toHaveText(['HGET', 'HGETALL']);
    await input.press('Tab');
    await expect(input).toHaveValue('HGET');
    await expect(completions.getByRole('option', { selected: true })).toHaveText('HGET');
    await input.press('Tab');
    await expect(input).toHaveValue('HGETALL');
    await input.press('Escape');
    await expect(completions).toBeHidden();
    // Options, and the hint of what is left to type.
    await input.fill('SET k v ');
    await expect(page.locator('#repl-ghost-hint')).toHaveText('[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    await expect(page.locator('#repl-hint')).toContainText('Set the string value of a key');
    await input.fill('SET k v KEEPT');
    await input.press('Tab');
    await expect(input).toHaveValue('SET k v KEEPTTL ');
    // Key names, through SCAN.
    await type(page, 'SET user:1001:name Ada');
    await input.fill('GET user:10');
    await input.press('Tab');
    await expect(input).toHaveValue('GET user:1001:name ');
    await input.fill('');
    await shoot(page, 'repl');
  });

  test('history is kept across reloads', async ({ page }) => {
    const store = await open(page);
    await type(page, 'ECHO "remember me"');
    await expect(lastReply(page)).toHaveText('"remember me"');
    await page.reload();
    await open(page, store);
    const input = page.getByRole('combobox', { name: 'Command' });
    await input.press('ArrowUp');
    await expect(input).toHaveValue('ECHO "remember me"');
    await input.press('ArrowDown');
    await expect(input).toHaveValue('');
  });

  test('the prompt follows SELECT and MULTI; SUBSCRIBE reads messages until Ctrl+C', async ({ page }) => {
    const store = await open(page);
    const prompt = page.locator('#repl-prompt');
    await type(page, 'SELECT 2');
    await expect(prompt).toHaveText(`${store}[2]>`);
    await type(page, 'MULTI');
    await expect(prompt).toHaveText(`${store}[2](TX)>`);
    await type(page, 'INCR n');
    await expect(lastReply(page)).toHaveText('QUEUED');
    await type(page, 'EXEC');
    await expect(lastReply(page)).toHaveText('1) (integer) 1');
    await expect(prompt).toHaveText(`${store}[2]>`);

    await type(page, 'SUBSCRIBE news weather');
    await expect(lastEntry(page)).toContainText('Reading messages... (press Ctrl+C to quit)');
    await expect(lastEntry(page).locator('pre.reply')).toHaveText(['1) "subscribe"\n2) "news"\n3) (integer) 1', '1) "subscribe"\n2) "weather"\n3) (integer) 2']);
    await page.evaluate(() => (window as any).db.publish('news', 'it works'));
    await expect(page.locator('#repl-output pre.reply').last()).toHaveText('1) "message"\n2) "news"\n3) "it works"');
    await type(page, 'GET n');
    await expect(lastReply(page)).toContainText("(error) ERR Can't execute 'get'");
    await page.getByRole('combobox', { name: 'Command' }).press('Control+c');
    await expect(page.locator('#repl-output .note').last()).toContainText('left subscribe mode');
    await type(page, 'GET n');
    await expect(lastReply(page)).toHaveText('"1"');
    await expect(prompt).toHaveText(`${store}[2]>`);

    // A blocked command waits; Ctrl+C unblocks it (CLIENT UNBLOCK), as Ctrl+C ends the wait in redis-cli.
    await type(page, 'BLPOP empty-queue 0');
    await page.waitForTimeout(200);
    await expect(lastEntry(page).locator('pre.reply')).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Command' }).press('Control+c');
    await expect(page.locator('#repl-output pre.reply').last()).toHaveText('(nil)');
    // MONITOR streams every command until Ctrl+C.
    await type(page, 'MONITOR');
    await page.evaluate(() => (window as any).db.set('seen-by-monitor', '1'));
    await expect(page.locator('#repl-output .monitor-line').last()).toContainText('"set" "seen-by-monitor" "1"');
    await page.getByRole('combobox', { name: 'Command' }).press('Control+c');
    await expect(page.locator('#repl-output .note').last()).toContainText('left MONITOR mode');
    await type(page, 'DBSIZE');
    await expect(lastReply(page)).toHaveText('(integer) 1');
  });
});

test.describe('key browser', () => {
  test('groups keys by prefix, with type and TTL badges, and shows each type', async ({ page }) => {
    await open(page);
    await type(
      page,
      [
        'HSET user:1 name Ada lang en',
        'HSET user:2 name Grace lang en',
        'SET user:1:session abc EX 3600',
        'RPUSH queue:jobs resize-image send-mail',
        'SADD tags redis browser',
        'ZADD leaderboard 120 ada 95 grace',
        'XADD sensor:1 * temp 21 hum 40',
        'SET config \'{"theme":"dark","beta":true,"limits":[1,2]}\'',
      ].join('\n'),
    );
    const tree = page.getByRole('tree');
    await expect(page.locator('#keys-summary')).toHaveText('8 keys in db0');
    await expect(tree.getByRole('treeitem', { name: /^user:/ }).first()).toBeVisible();
    const session = tree.locator('[title="user:1:session"]');
    await expect(session.locator('.badge')).toHaveText('STR');
    await expect(session.locator('.ttl')).toHaveText(/^(59m \d+s|1h 0m)$/);
    await expect(tree.locator('[title="queue:jobs"] .badge')).toHaveText('LIST');
    await expect(tree.locator('[title="leaderboard"] .badge')).toHaveText('ZSET');
    await expect(tree.locator('[title="sensor:1"] .badge')).toHaveText('STREAM');

    // A hash, as a table.
    await tree.locator('[title="user:1"]').click();
    const view = page.locator('#key-view');
    await expect(view.locator('.key-name')).toHaveText('user:1');
    await expect(view.locator('tbody tr')).toHaveCount(2);
    await expect(view.locator('tbody tr').first()).toContainText('lang');
    await shoot(page, 'keys-hash');
    // A JSON string, formatted.
    await tree.locator('[title="config"]').click();
    await expect(view.locator('pre.json')).toContainText('"theme": "dark"');
    await shoot(page, 'keys-json');
    // A sorted set, lowest score first; a stream; a list; a set.
    await tree.locator('[title="leaderboard"]').click();
    await expect(view.locator('tbody tr').first()).toContainText('grace');
    await expect(view.locator('tbody tr').first()).toContainText('95');
    await tree.locator('[title="sensor:1"]').click();
    await expect(view.locator('dl.fields').first()).toContainText('temp');
    await tree.locator('[title="queue:jobs"]').click();
    await expect(view.locator('tbody tr')).toHaveCount(2);
    await tree.locator('[title="tags"]').click();
    await expect(view.locator('tbody')).toContainText('browser');

    // The pattern filter: SCAN MATCH.
    await page.getByLabel('Key pattern (SCAN MATCH)').fill('user:*');
    await expect(page.locator('#keys-summary')).toHaveText('3 keys matching user:* in db0');
    await shoot(page, 'keys');
  });

  test('edits and deletes keys, with the keyboard too', async ({ page }) => {
    await open(page);
    await type(page, 'HSET user:1 name Ada lang en\nSET doomed x');
    const tree = page.getByRole('tree');
    await tree.locator('[title="user:1"]').click();
    const view = page.locator('#key-view');
    await view.getByRole('button', { name: 'Edit field name' }).click();
    const field = view.getByLabel('New value of field name');
    await field.fill('Ada Lovelace');
    await field.press('Enter');
    await expect(page.locator('#keys-lastcmd')).toContainText('HSET user:1 name "Ada Lovelace" → (integer) 0');
    await expect(view.locator('tbody')).toContainText('Ada Lovelace');
    await type(page, 'HGET user:1 name');
    await expect(lastReply(page)).toHaveText('"Ada Lovelace"');
    // Add a field.
    await view.getByLabel('field', { exact: true }).fill('born');
    await view.getByLabel('value', { exact: true }).fill('1815');
    await view.getByRole('button', { name: 'HSET' }).click();
    await expect(view.locator('tbody tr')).toHaveCount(3);

    // The tree from the keyboard: arrows move, Enter opens.
    await tree.locator('[title="user:1"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect(tree.locator('[title="user:1"]')).toBeFocused();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(view.locator('.key-name')).toHaveText('doomed');
    await page.keyboard.press('Home');
    await expect(tree.getByRole('treeitem', { name: /^user:/ }).first()).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(tree.getByRole('treeitem', { name: /^user:/ }).first()).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowRight');
    // Delete with the keyboard: Delete arms, Delete (or Enter on the button) confirms.
    await page.keyboard.press('End');
    await page.keyboard.press('Delete');
    await expect(view.getByRole('button', { name: 'Confirm delete' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tree.locator('[title="doomed"]')).toHaveCount(0);
    await type(page, 'EXISTS doomed');
    await expect(lastReply(page)).toHaveText('(integer) 0');
  });

  test('updates live when another client writes', async ({ page }) => {
    await open(page);
    const tree = page.getByRole('tree');
    await page.evaluate(async () => {
      const other = (window as any).db.duplicate();
      await other.set('from:other', 'hello');
      await other.hset('profile:7', { name: 'Lin' });
    });
    await expect(tree.locator('[title="from:other"]')).toBeVisible();
    await tree.locator('[title="profile:7"]').click();
    await expect(page.locator('#key-view tbody')).toContainText('Lin');
    // The open key changes: the view follows.
    await page.evaluate(() => (window as any).db.hset('profile:7', 'city', 'Oslo'));
    await expect(page.locator('#key-view tbody')).toContainText('Oslo');
    // Deleted elsewhere: it leaves the tree.
    await page.evaluate(() => (window as any).db.del('from:other'));
    await expect(tree.locator('[title="from:other"]')).toHaveCount(0);
    // FLUSHDB sends no keyspace event: the browser sees it in the command log.
    await page.evaluate(() => (window as any).db.flushdb());
    await expect(page.locator('#keys-summary')).toHaveText('No keys in db0. Add one in the REPL: SET greeting hello');
  });

  test('updates live when another tab writes', async ({ page, context }) => {
    const store = await open(page);
    const other = await context.newPage();
    await open(other, store);
    await type(other, 'SET written:in-tab-2 yes');
    await expect(page.getByRole('tree').locator('[title="written:in-tab-2"]')).toBeVisible();
    // One tab runs the store; the status bar says which.
    await expect(page.locator('#st-role')).toHaveText('leader');
    await expect(other.locator('#st-role')).toHaveText('follower');
    await expect(other.locator('#st-keys')).toHaveText('1 key');
    await other.close();
  });
});

test.describe('Pub/Sub panel', () => {
  test('subscribes to channels and patterns, publishes, and logs messages from every tab', async ({ page, context }) => {
    const store = await open(page);
    await page.getByRole('tab', { name: 'Pub/Sub' }).click();
    const name = page.getByLabel('Channel or pattern to subscribe to');
    await name.fill('news');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await name.fill('alerts.*');
    await expect(page.getByLabel('Subscribe to a')).toHaveValue('pattern');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Subscriptions' }).locator('.chip')).toHaveText(['SUBSCRIBE news×', 'PSUBSCRIBE alerts.*×']);

    await page.getByLabel('Channel to publish to').fill('news');
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('hello from the panel');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.locator('#pubsub-result')).toContainText('(integer) 1');
    const log = page.getByRole('log', { name: 'Messages received' });
    await expect(log.locator('.msg').last()).toContainText('newshello from the panel');

    // From another client and from another tab.
    await page.evaluate(() => (window as any).db.publish('alerts.disk', 'disk almost full'));
    await expect(log.locator('.msg').last()).toContainText('alerts.diskalerts.*disk almost full');
    const other = await context.newPage();
    await open(other, store);
    await other.evaluate(() => (window as any).db.publish('news', 'from tab 2'));
    await expect(log.locator('.msg').last()).toContainText('from tab 2');
    await other.close();
    await shoot(page, 'pubsub');
  });
});

test.describe('Lua editor', () => {
  test('runs a script with KEYS and ARGV, loads it, and points at the line of an error', async ({ page }) => {
    await open(page);
    await page.getByRole('tab', { name: 'Lua' }).click();
    const editor = page.getByLabel('Lua script');
    await editor.fill("local n = redis.call('INCRBY', KEYS[1], ARGV[1])\nreturn {n, ARGV[2]}");
    await page.getByRole('textbox', { name: 'KEYS', exact: true }).fill('counter');
    await page.getByRole('textbox', { name: 'ARGV', exact: true }).fill('5 "five more"');
    await editor.press('Control+Enter');
    const output = page.locator('#lua-output');
    await expect(output).toHaveText('1) (integer) 5\n2) "five more"');
    await expect(page.locator('#lua-command')).toContainText('EVAL "…script…" 1 counter 5 "five more"');

    // SCRIPT LOAD, then EVALSHA from the list.
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    // The reply replaces the EVAL's output when it arrives.
    await expect(output).toHaveText(/^"[0-9a-f]{40}"$/);
    const sha = (await output.innerText()).replace(/"/g, '');
    const script = page.locator('#lua-scripts .script').first();
    await expect(script.locator('.sha')).toHaveText(sha.slice(0, 12));
    await script.getByRole('button', { name: 'EVALSHA' }).click();
    await expect(output).toHaveText('1) (integer) 10\n2) "five more"');

    // An error names its line: the gutter marks it.
    await editor.fill('local a = 1\nlocal b = 2\nreturn a + missing_variable');
    await page.getByRole('button', { name: /^Run/ }).click();
    await expect(page.locator('#lua-error')).toContainText("Line 3: ERR user_script:3: Script attempted to access nonexistent global variable 'missing_variable'");
    await expect(page.locator('#lua-gutter .err')).toHaveText('3');
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#lua-error').getByRole('button', { name: 'Line 3' }).click();
    await expect(editor).toBeFocused();
    await shoot(page, 'lua');
  });
});

test.describe('command log and status bar', () => {
  test('shows commands as MONITOR does, hiding the page’s own reads', async ({ page }) => {
    const store = await open(page);
    await page.getByRole('tab', { name: 'Log' }).click();
    await type(page, 'SET greeting hello');
    await page.evaluate(() => (window as any).db.incr('from-console'));
    const log = page.getByRole('log', { name: 'Commands the store ran (MONITOR)' });
    await expect(log.locator('.mon').filter({ hasText: 'SET' }).last().locator('.mon-args')).toHaveText('"greeting" "hello"');
    await expect(log.locator('.mon').filter({ hasText: 'INCR' }).last().locator('.mon-args')).toHaveText('"from-console"');
    // The key browser's SCAN / TYPE / PTTL are hidden.
    await expect(log.locator('.mon-cmd').filter({ hasText: /^(SCAN|PTTL)$/ })).toHaveCount(0);
    await expect(page.locator('#log-status')).toContainText('background reads of this page hidden');
    await page.getByLabel('Filter commands').fill('greeting');
    await expect(log.locator('.mon:visible')).toHaveCount(1);
    await page.getByLabel('Filter commands').fill('');

    const status = page.getByRole('contentinfo', { name: 'Store status' });
    await expect(status.locator('#st-store')).toHaveText(`store ${store}`);
    await expect(status.locator('#st-role')).toHaveText('leader');
    await expect(status.locator('#st-keys')).toHaveText('2 keys');
    await expect(status.locator('#st-durability')).toContainText('strict');
    await shoot(page, 'log');
  });
});

test.describe('export and import', () => {
  test('exports the store as an RDB file (and as commands) and imports it back', async ({ page }) => {
    await open(page);
    await type(page, 'SET greeting hello\nRPUSH list a b c\nHSET user:1 name Ada\nSET session x EX 3600');
    await expect(page.locator('#keys-summary')).toHaveText('4 keys in db0');
    const [rdb] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .rdb' }).click()]);
    expect(rdb.suggestedFilename()).toMatch(/\.rdb$/);
    const file = await rdb.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('REDIS');
    await expect(page.locator('#st-message')).toContainText('redis-server loads it as dump.rdb');
    const [resp] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .resp' }).click()]);
    expect(readFileSync(await resp.path()).toString()).toContain('$5\r\nRPUSH\r\n');

    await type(page, 'FLUSHALL\nSET other 1');
    await expect(page.locator('#keys-summary')).toHaveText('1 key in db0');
    await page.locator('#st-import-file').setInputFiles(file);
    await expect(page.locator('#st-message')).toContainText('4 keys');
    await expect(page.locator('#keys-summary')).toHaveText('4 keys in db0');
    await expect(page.getByRole('tree').locator('[title="session"] .ttl')).toHaveText(/^(59m \d+s|1h 0m)$/);
    await type(page, 'LRANGE list 0 -1');
    await expect(lastReply(page)).toHaveText('1) "a"\n2) "b"\n3) "c"');
    await type(page, 'EXISTS other');
    await expect(lastReply(page)).toHaveText('(integer) 0');
    await expect(page.locator('#st-keys')).toHaveText('4 keys');
    await shoot(page, 'export-import');
  });
});

test.describe('layout', () => {
  test('no layout jumps: the input and status bar stay put while output grows', async ({ page }) => {
    await open(page);
    const form = page.locator('#repl-form');
    const status = page.getByRole('contentinfo', { name: 'Store status' });
    const before = [await form.boundingBox(), await status.boundingBox()];
    await type(page, 'COMMAND DOCS set get');
    await expect(lastReply(page)).toContainText('summary');
    await page.evaluate(() => (window as any).db.set('x', '1'));
    await page.waitForTimeout(300);
    expect([await form.boundingBox(), await status.boundingBox()]).toEqual(before);
  });

  test('dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page);
    await type(page, 'HSET user:1 name Ada\nSET config \'{"a":[1,true,null]}\'\nGET nothing\nLRANGE user:1 0 1');
    await page.getByRole('tree').locator('[title="config"]').click();
    await shoot(page, 'dark-keys');
    await page.getByRole('tab', { name: 'Lua' }).click();
    await shoot(page, 'dark-lua');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(14, 17, 22)');
    // The theme button overrides the system's choice (auto → light → dark → auto), and is remembered.
    const theme = page.getByRole('button', { name: /^Theme:/ });
    await theme.click();
    expect(await background()).toBe('rgb(246, 247, 249)');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('button', { name: /^Theme:/ }).click();
    await page.getByRole('button', { name: /^Theme:/ }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  });

  test('usable in a phone-sized window: one panel at a time, nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page);
    await page.getByRole('tab', { name: 'REPL' }).click();
    await type(page, 'HSET user:1 name Ada lang en\nSET greeting "hello world"\nGET greeting');
    await expect(lastReply(page)).toHaveText('"hello world"');
    for (const panel of ['REPL', 'Keys', 'Pub/Sub', 'Lua', 'Log']) {
      await page.getByRole('tab', { name: panel }).click();
      await expect(page.getByRole('tabpanel')).toHaveCount(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      if (panel === 'Keys') await page.getByRole('tree').locator('[title="user:1"]').click();
      await shoot(page, `narrow-${panel.toLowerCase().replace('/', '')}`);
    }
    // Alt+1 … 5 switch panels from the keyboard.
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('combobox', { name: 'Command' })).toBeFocused();
  });

  test('the client is window.db', async ({ page }) => {
    await open(page);
    expect(await page.evaluate(() => (window as any).db.echo('héllo ✓'))).toBe('héllo ✓');
  });
});
