/**
 * `npm run build:playground` makes a static site that works served as is:
 * built with the repository's Vite config, then served by a plain static file
 * server under a sub-path (as a project page would be), it opens its store in
 * a worker and answers in the REPL.
 */
import { expect, test } from '@playwright/test';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.test-results', 'playground-static');
const BASE = '/some/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};
let server: http.Server;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: OUT, emptyOutDir: true } });
  // Files only, no fallbacks or rewrites: what any static host does.
  server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE)) return void res.writeHead(404).end();
    let file = normalize(join(OUT, path.slice(BASE.length)));
    if (!file.startsWith(OUT)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(OUT, { recursive: true, force: true });
});

test('the built playground works from a static server, under any path', async ({ page }) => {
  const failures: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`${url}?store=static-${Date.now()}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const input = page.getByRole('combobox', { name: 'Command' });
  await input.fill('SET greeting "served as is"');
  await input.press('Enter');
  await input.fill('GET greeting');
  await input.press('Enter');
  await expect(page.locator('#repl-output .entry').last().locator('pre.reply')).toHaveText('"served as is"');
  await expect(page.getByRole('tree').locator('[title="greeting"]')).toBeVisible();
  expect(failures).toEqual([]);
});
