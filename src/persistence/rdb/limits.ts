/** The encoding thresholds loaded values are shaped by, read from an engine's config. */
import type { Config } from '../../engine/config.js';
import type { LoadLimits } from './value.js';

export function loadLimits(config: Config): LoadLimits {
  return {
    hashEntries: config.int('hash-max-listpack-entries'),
    hashValue: config.int('hash-max-listpack-value'),
    intsetEntries: config.int('set-max-intset-entries'),
    zsetEntries: config.int('zset-max-listpack-entries'),
    zsetValue: config.int('zset-max-listpack-value'),
    stream: { maxEntries: config.int('stream-node-max-entries'), maxBytes: config.int('stream-node-max-bytes') },
  };
}
