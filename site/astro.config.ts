import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig, sharpImageService } from 'astro/config';
import { readFastLane } from './scripts/fast-lane';
import { readEnv } from './src/env';

const env = readEnv();
const fastLane = readFastLane(process.env);
const cms = new URL(env.cmsUrl);

export default defineConfig({
  site: env.siteUrl,
  // The rebuild service builds into a fresh folder and swaps it in. A fast lane renders its few
  // routes beside it; scripts/merge-fast-lane.ts lays them over the live build in the output folder.
  outDir: fastLane ? fastLane.pagesDir : env.outDir ? path.resolve(env.outDir) : './dist',
  image: {
    // AVIF at sharp's default effort (4) took 5.2 s of CPU for four widths of one 2000×1333
    // photo; effort 2 takes 0.65 s for files that are still half the size of WebP. Every new
    // photo pays this on the build that publishes it (scripts/bench/README.md).
    service: sharpImageService({ avif: { effort: 2 } }),
    // Photos are uploads served by the CMS: only that origin is fetched and optimised.
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}) }],
  },
  // Pages render one after the other on one thread, each ending in an awaited file write; at
  // 10,000 articles the render thread sat idle 13 s of 80 waiting for them (file creation is slow
  // on the build machines' disks). Four pages in flight overlap rendering with those writes.
  build: { concurrency: 4 },
  // Article pages carry a cacheKey (src/lib/page-key.ts): a rebuild re-renders only those whose
  // content changed and restores the others from the cache folder.
  experimental: { incrementalBuild: true },
  // The Pagefind index is built by scripts/index-search.ts once Astro has exited (see package.json).
  integrations: [sitemap({ filter: (page) => !page.includes('/tim-kiem/') })],
});
