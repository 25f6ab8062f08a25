/**
 * `node --import tsx bench/pull.ts --articles N [--cpu-prof DIR] [--rounds R]` (from scripts/):
 * the cold build's REST pull of articles alone, without Astro, to see what it costs Strapi.
 *
 * Boots the CMS on a cached direct fill (filling it first if the cache has none), then fetches
 * every article the way the site's loader does (site/src/cms: the same client, query, page size
 * and concurrency) and reports wall seconds and the Strapi process's CPU seconds (utime+stime
 * from /proc) for each round. With --cpu-prof, Strapi runs with V8's --cpu-prof and writes its
 * profile into DIR when it stops (summarise with profile-summary.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { createCmsClient } from '@toa-soan/site/cms/client';
import { compileCms } from '../lib/cms-paths';
import { startCms } from '../testing/cms-server';
import { fillKey, startFilledCms } from './cms';
import { generatePhotos } from './photos';
import { findStrapiPid } from './proc';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// The CMS workspace is CommonJS: under tsx an ESM import does not see its `export *` re-exports.
const { articleRead } = createRequire(import.meta.url)('@toa-soan/cms/site-read') as typeof import('@toa-soan/cms/site-read');
const CACHE = path.join(HERE, '.fill-cache');

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The fill of this many articles for the current schema and dataset (the bench's default: seed 1, the whole photo pool), made if missing. */
async function cachedFill(articles: number, workDir: string): Promise<string> {
  const photos = await generatePhotos(path.join(workDir, 'photos'), 1);
  const key = await fillKey({ articles, seed: 1, photoCount: photos.length });
  const cached = path.join(CACHE, key);
  if (!existsSync(cached)) {
    console.log(`no cached fill of ${articles} articles: filling one`);
    const filled = await startFilledCms({
      articles,
      seed: 1,
      fill: 'direct',
      photos,
      workDir,
      restConcurrency: 8,
      batchSize: 100,
      fillCacheDir: CACHE,
      log: console.log,
    });
    await filled.stop();
  }
  return cached;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      rounds: { type: 'string', default: '1' },
      'cpu-prof': { type: 'string' },
      path: { type: 'string', default: '/api/articles' },
      'page-size': { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '4' },
    },
  });
  const articles = Number(values.articles);
  // The fill and the timed CMS run the compiled CMS, as the bench does.
  await compileCms();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-pull-'));
  try {
    const cached = await cachedFill(articles, workDir);
    const dir = path.join(workDir, 'cms');
    await mkdir(dir);
    await cp(path.join(cached, 'cms.db'), path.join(dir, 'cms.db'));
    await cp(path.join(cached, 'public'), path.join(dir, 'public'), { recursive: true });
    const profDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
    const cms = await startCms({
      sqliteDir: dir,
      env: profDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir}` } : {},
    });
    try {
      const pid = findStrapiPid();
      if (!pid) throw new Error('Strapi process not found');
      console.log(`uptime: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      for (let round = 1; round <= Number(values.rounds); round++) {
        const client = createCmsClient({ baseUrl: cms.url, token: cms.tokens.readOnly, concurrency: Number(values.concurrency) });
        const cpuBefore = cpuSeconds(pid);
        const started = performance.now();
        const items = await client.listAll(values.path!, values.path === '/api/articles' ? articleRead : {}, Number(values['page-size']));
        const wall = (performance.now() - started) / 1000;
        const cpu = cpuSeconds(pid) - cpuBefore;
        console.log(
          `round ${round}: ${items.length} articles, ${client.requestCount} requests, ${wall.toFixed(2)} s wall, Strapi ${cpu.toFixed(2)} s CPU, load ${os.loadavg()[0]!.toFixed(2)}`,
        );
      }
    } finally {
      await cms.stop();
    }
    if (profDir) console.log(`profile in ${profDir}`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
