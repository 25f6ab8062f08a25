import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['@toa-soan/scripts/testing/global-setup'],
    // The integration file boots Strapi and runs astro build; two cores do not take more.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
