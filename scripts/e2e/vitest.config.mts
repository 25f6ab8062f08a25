import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  test: {
    include: ['**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    // One stack, one browser, one journey: the steps run in order and share state.
    fileParallelism: false,
    sequence: { concurrent: false },
    // A step waits for the site to rebuild (an Astro build + Pagefind): bounded but generous.
    testTimeout: 180_000,
    hookTimeout: 400_000,
    // admin build (first run) and Strapi's output are worth seeing when a step fails.
    reporters: ['verbose'],
  },
});
