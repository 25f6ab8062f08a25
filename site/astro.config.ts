import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig, sharpImageService } from 'astro/config';
import { contentStoreOnDisk } from './scripts/content-store-on-disk';
import { fastLaneCacheDir, readFastLane, shareImageCache } from './scripts/fast-lane';
import { searchAhead } from './scripts/search-ahead';
import { readSearchSettings } from './scripts/search-settings';
import { readEnv } from './src/env';

const env = readEnv();
const cms = new URL(env.cmsUrl);
/**
 * A fast lane (SITE_FAST_LANE_FROM, src/lib/route-keys.ts) renders only the pages whose key
 * changed since the live build. It keeps its own cache folder: Astro empties the content store
 * whenever the config's digest changes, and this config differs (incremental build off), so a
 * shared folder would make every full build after a fast lane, and every fast lane after a full
 * build, pull all content again. Its own folder also holds its own body files; the image cache is
 * the full builds' (shareImageCache).
 */
const fastLane = env.fastLaneFrom !== undefined;
const fullCacheDir = env.astroCacheDir ?? './node_modules/.astro';
const cacheDir = fastLane ? fastLaneCacheDir(fullCacheDir) : env.astroCacheDir;
if (cacheDir && fastLane) shareImageCache(fullCacheDir, cacheDir);
/** The rebuild service's fast lane (SITE_LIVE_DIR as well): scripts/merge-fast-lane.ts lays the rendered routes over the live build. */
const overLive = readFastLane(process.env);

export default defineConfig({
  site: env.siteUrl,
  // The rebuild service builds into a fresh folder and swaps it in. Over the live build, the few
  // routes of a fast lane are rendered beside that folder and merged into it.
  outDir: overLive ? overLive.pagesDir : env.outDir ? path.resolve(env.outDir) : './dist',
  ...(cacheDir ? { cacheDir } : {}),
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
  // Every page with getStaticPaths carries a cacheKey (src/lib/page-key.ts): a rebuild re-renders
  // only those whose content changed and restores the others from the cache folder. Off in a fast
  // lane, which must neither read nor overwrite the full build's incremental manifest.
  experimental: { incrementalBuild: !fastLane },
  // The Pagefind index is built by scripts/index-search.ts once Astro has exited (see package.json);
  // with SEARCH_INDEX_AHEAD=true, a full build makes most bundles while Astro renders
  // (scripts/search-ahead.ts).
  // A fast lane renders a few routes, so its sitemap would list only those: it keeps the live one,
  // and the next full build writes the new one (scripts/rebuild/README.md, "Fast lane"). Its few
  // pages are indexed after it.
  // Both lanes render from the data store read from its file, not bundled as a string
  // (scripts/content-store-on-disk.ts).
  integrations: [
    contentStoreOnDisk(),
    ...(fastLane
      ? []
      : [sitemap({ filter: (page) => !page.includes('/tim-kiem/') }), ...(readSearchSettings(process.env).ahead ? [searchAhead()] : [])]),
  ],
});
