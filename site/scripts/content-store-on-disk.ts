/**
 * The content store read from its file (site/README.md, "The content store read from its file").
 *
 * Astro's build turns its data store (`<cacheDir>/data-store.json`) into a module whose code is the
 * whole file as one string literal, `export default JSON.parse("…")`. Vite bundles that 31 MB
 * literal (30,000 articles) into a chunk, writes it, and Node compiles it before it can parse it:
 * importing such a module took 1.47 s where reading and parsing the file took 0.26 s, and the
 * literal lives in Vite's module graph, in the chunk and in V8's heap at once. This integration
 * loads that module first with code that reads the file when the render starts, so the bundle
 * carries a path instead of the content. The data is the same: Astro has written the file by then
 * and nothing writes it during the render.
 *
 * Only in `astro build` with the single-file store; the dev server and the chunked store keep
 * Astro's own module.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's id of the resolved module (astro/dist/content/consts.js, RESOLVED_DATA_STORE_VIRTUAL_ID). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The file Astro's build syncs into its cache folder (astro/dist/content/paths.js). */
const DATA_STORE_FILE = 'data-store.json';

export function contentStoreOnDisk(): AstroIntegration {
  return {
    name: 'toa-soan:content-store-on-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const storage = config.experimental.collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'toa-soan:content-store-on-disk',
                load: {
                  // Before Astro's own hook for the same id, which would return the literal.
                  order: 'pre',
                  filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
                  handler: () => ({
                    code: storeModule(file),
                    map: { mappings: '' },
                    // What Astro marks its own module with: the incremental build treats it as
                    // content, not code, so a content change alone does not invalidate every page.
                    meta: { astroIncremental: { kind: 'content-data' } },
                  }),
                },
              },
            ],
          },
        });
      },
    },
  };
}

/** The module: the file's parsed JSON, or an empty store as Astro gives when there is no file. */
function storeModule(file: string): string {
  return [
    `import { existsSync, readFileSync } from 'node:fs';`,
    `const file = ${JSON.stringify(file)};`,
    `export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();`,
  ].join('\n');
}
