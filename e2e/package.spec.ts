import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let app: string;
let server: PreviewServer;

// Build the package, pack it as npm would publish it, install the tarball into a
// copy of the fixture app, build the app with Vite, and serve the result.
test.beforeAll(async () => {
  test.setTimeout(240_000);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  // Inside the repository, so the package's own dependencies resolve upwards to this node_modules.
  mkdirSync(join(ROOT, '.test-results'), { recursive: true });
  app = mkdtempSync(join(ROOT, '.test-results', 'fixture-app-'));
  cpSync(join(ROOT, 'e2e/fixture-app'), app, { recursive: true });
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', app], { cwd: ROOT, encoding: 'utf8' }).trim();
  const installed = join(app, 'node_modules/redlite');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(app, tarball), '-C', installed, '--strip-components=1']);
  await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: join(app, 'dist') } });
  server = await preview({ root: app, configFile: false, logLevel: 'error', build: { outDir: join(app, 'dist') }, preview: { host: '127.0.0.1', port: 0 } });
});

test.afterAll(async () => {
  await server?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

test('an app that installs the packed package opens a store in its worker', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const url = server.resolvedUrls!.local[0];
  await page.goto(url);
  await expect(page.locator('#result'), `page errors: ${errors.join('; ')}`).toHaveText(/hello from the package/, { timeout: 20_000 });
  expect(JSON.parse((await page.locator('#result').textContent())!)).toEqual({ reply: 'hello from the package', durability: 'strict', role: 'leader' });
});
