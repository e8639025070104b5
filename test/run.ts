/**
 * `npm test`: type-check, then the unit and differential suites (Vitest), then
 * the browser suites (Playwright in Chromium). Ends with one line counting
 * every test: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = '.test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function run(title: string, command: string, args: string[]): number {
  console.log(`\n── ${title} ──`);
  return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;
}

let passed = 0;
let failed = 0;
let skipped = 0;

const tsc = run('type-check', 'npx', ['tsc', '--noEmit']);
if (tsc !== 0) failed++;

run('unit and differential tests (vitest)', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`,
]);
try {
  const v = JSON.parse(readFileSync(`${OUT}/vitest.json`, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.numFailedTestSuites ?? 0);
  skipped += v.numPendingTests + v.numTodoTests;
} catch {
  console.error('vitest wrote no results');
  failed++;
}

run('browser tests (playwright)', 'npx', ['playwright', 'test']);
try {
  const p = JSON.parse(readFileSync(`${OUT}/playwright.json`, 'utf8'));
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  skipped += p.stats.skipped;
} catch {
  console.error('playwright wrote no results');
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
