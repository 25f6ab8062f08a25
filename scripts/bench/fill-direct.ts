/**
 * Child process of the bench: loads the CMS in-process (no HTTP server) and fills it through the
 * document service. Run as `node --import tsx fill-direct.ts '<json options>'` with the database
 * and CMS_PUBLIC_DIR in the environment; prints `BENCH_FILL <json stats>` on its last line.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_DIR } from '../lib/cms-paths';
import { documentServiceTarget, fillNewsroom, type LoadedStrapi } from './fill';
import type { PhotoFile } from './photos';

interface Options {
  articles: number;
  seed: number;
  batchSize: number;
  photos: PhotoFile[];
}

/** Set once the stats line is out: every article transaction has committed by then. */
let filled = false;

async function main(): Promise<void> {
  const raw = process.argv[2];
  if (!raw) throw new Error('fill-direct: pass the options as one JSON argument');
  const options = JSON.parse(raw) as Options;
  // Strapi's CommonJS build: its ESM build imports `lodash/fp` as a folder, which Node's ESM loader refuses.
  const { createStrapi } = createRequire(path.join(CMS_DIR, 'package.json'))('@strapi/strapi') as typeof import('@strapi/strapi');
  const app = await createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') }).load();
  app.log.level = 'warn';
  try {
    const stats = await fillNewsroom(documentServiceTarget(app as unknown as LoadedStrapi, options.batchSize), {
      ...options,
      onProgress: (done) => process.stderr.write(`bench fill (direct): ${done}/${options.articles} articles\n`),
    });
    process.stdout.write(`BENCH_FILL ${JSON.stringify({ ...stats, mode: 'direct', batchSize: options.batchSize })}\n`);
    filled = true;
  } finally {
    await app.destroy();
  }
}

// On PostgreSQL, Strapi's shutdown destroys the connection pool while a background task still
// waits for a connection, and that wait rejects ("aborted") after the fill is complete.
process.on('unhandledRejection', (error) => {
  console.error(filled ? `fill-direct: ignored during Strapi shutdown: ${String(error)}` : error);
  process.exit(filled ? 0 : 1);
});

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
