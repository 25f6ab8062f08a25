import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readEnv } from './src/env';

const env = readEnv();
const cms = new URL(env.cmsUrl);

export default defineConfig({
  site: env.siteUrl,
  // The rebuild service builds into a fresh folder and swaps it in.
  outDir: env.outDir ? path.resolve(env.outDir) : './dist',
  image: {
    // Photos are uploads served by the CMS: only that origin is fetched and optimised.
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}) }],
  },
  // The Pagefind index is built by scripts/index-search.ts once Astro has exited (see package.json).
  integrations: [sitemap({ filter: (page) => !page.includes('/tim-kiem/') })],
});
