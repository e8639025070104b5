/**
 * `npm run bench`: every benchmark, each figure printed beside a peer measured
 * in the same run. Machines are noisy: figures are medians, compare the ratios.
 * `npm run bench -- tcp` runs only the sections whose name contains "tcp".
 */
import { benchBrowser } from './browser.js';
import { benchInProcess } from './inprocess.js';
import { benchScripting } from './scripting.js';
import { benchTabs } from './tabs.js';
import { benchTcp } from './tcp.js';
import { benchPublish, benchTypesInProcess, benchTypesTcp, benchZsetGrowth } from './types.js';

const sections: [string, () => Promise<void>][] = [
  ['in-process strings', benchInProcess],
  ['tcp strings', () => benchTcp('Strings over TCP', 'set,get,incr', [1, 16], 100_000, { 16: 0.5 })],
  ['in-process types', benchTypesInProcess],
  ['zset growth', benchZsetGrowth],
  ['tcp types', benchTypesTcp],
  ['tcp publish', benchPublish],
  ['browser', benchBrowser],
  ['tabs in chromium', benchTabs],
  ['scripting (in-process and tcp)', benchScripting],
];

const filter = process.argv[2];
for (const [name, run] of sections) {
  if (filter && !name.includes(filter)) continue;
  await run();
}
