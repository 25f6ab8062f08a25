import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/**/*.e2e.ts', 'e2e/**'],
    globalSetup: ['./testing/global-setup.ts'],
    // Integration files boot their own Strapi; two cores do not take more than one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
