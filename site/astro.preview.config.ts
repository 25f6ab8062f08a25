/**
 * The draft preview server (site/preview/, README "Draft preview"): Astro's Node adapter serving
 * one on-demand route, /xem-truoc/<documentId>, that renders an article with the static site's
 * own layout and components. A config of its own, so the static build keeps its output, caches
 * and pages: it has its own source folder (no content collections: nothing is read from the CMS
 * at build), output folder and cache folder. Its assets and image endpoint live under
 * /xem-truoc/, so nginx can pass that one path of the site's host to it.
 */
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import site from './astro.config';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  site: site.site,
  // preview/ is the project root, so even the types Astro generates (.astro/) stay apart.
  root: here('./preview'),
  srcDir: here('./preview'),
  publicDir: here('./public'),
  outDir: process.env.PREVIEW_OUT_DIR?.trim() || here('./dist-preview'),
  cacheDir: here('./node_modules/.astro-preview'),
  vite: { cacheDir: here('./node_modules/.vite-preview') },
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  build: { assets: 'xem-truoc/_astro' },
  // The site's image settings (sharp, which CMS photos may be fetched); optimised per request.
  image: { ...site.image, endpoint: { route: '/xem-truoc/_image', entrypoint: undefined } },
});
