import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // The whole benchmark is `npm run test:bench` (bench/vitest.config.mts); smoke.test.ts stays here.
    exclude: ['**/node_modules/**', 'bench/**/*.e2e.ts', 'bench/bench.test.ts', 'e2e/**'],
    globalSetup: ['./testing/global-setup.ts'],
    // Integration files boot their own Strapi; two cores do not take more than one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
