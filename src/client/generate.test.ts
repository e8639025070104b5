import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { COMMANDS_MODULE, generateCommandsModule } from './generate.js';

it('src/client/commands.ts is generated from the current command table (run `npm run generate`)', () => {
  expect(readFileSync(COMMANDS_MODULE, 'utf8')).toBe(generateCommandsModule());
});
