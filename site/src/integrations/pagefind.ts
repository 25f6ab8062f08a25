/**
 * Builds the Pagefind index right after `astro build` writes the site, with Pagefind's Node
 * API, so the build alone yields `<outDir>/pagefind`. Pages opt in with `data-pagefind-body`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Imported up front: by astro:build:done Vite's module runner (which loaded the config) is closed.
import * as pagefind from 'pagefind';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'toa-soan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${added.page_count} pages into ${written.outputPath}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
