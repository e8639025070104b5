/**
 * Sorted-set commands (Redis's t_zset.c). The commands live in zset/ by
 * kind — writes, reads, ranges, pops, set operations — and meet here as one
 * group of the command table.
 */
import { group } from '../command.js';
import { popCommands } from './zset/pop.js';
import { rangeCommands } from './zset/range.js';
import { readCommands } from './zset/read.js';
import { setopCommands } from './zset/setops.js';
import { writeCommands } from './zset/write.js';

export default group('sorted_set', {
  ...writeCommands,
  ...readCommands,
  ...rangeCommands,
  ...popCommands,
  ...setopCommands,
});
