import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `npm run test:bench`: the whole benchmark on a tiny newsroom, kept out of `npm test`. */
export default defineConfig({
  root: here,
  test: {
    include: ['bench.test.ts'],
    globalSetup: ['../testing/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
