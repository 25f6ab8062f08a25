/**
 * `npm run bench -- --articles N [options]`: runs the newsroom benchmark and writes
 * scripts/bench/results/<database>-<N>.json (see README.md beside this file).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { abortBench, runBench } from './bench';
import { resultMarkdown } from './markdown';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const USAGE = `Usage: npm run bench -- --articles N [options]
  --articles N              articles to generate (required), e.g. 5, 1000, 10000
  --fill direct|rest        how to fill Strapi (default direct: document service in-process)
  --concurrency N           REST fill requests in flight (default 8)
  --batch N                 direct fill articles per transaction (default 100)
  --photos N                photos in the pool, 1-20 (default 20)
  --seed N                  dataset seed (default 1)
  --baseline-concurrency N  tutorial-style fetcher's parallel page fetches (default 1, as Astro renders)
  --no-baseline             skip the tutorial-style fetcher
  --no-live                 skip the publish-to-live phase (rebuild service, CMS webhook)
  --live-runs N             publish-to-live runs per scenario, median reported (default 3)
  --burst N                 articles in the publish-to-live burst (default 20)
  --cpu-prof                profile the cold build and one extra publish-to-live build (not in
                            the medians) and summarise them in the JSON
  --no-incremental          full builds with Astro's incremental build off (every route
                            rendered, no manifest), to measure what the manifest costs
  --no-compile              skip compiling the CMS TypeScript
  --reuse-fill              keep/reuse the filled SQLite database in scripts/bench/.fill-cache
                            (keyed by dataset and CMS schema; the JSON says fill.reused)
  --keep                    keep the work folder (database, builds, logs)
  --out FILE                JSON output (default scripts/bench/results/<db>-<N>[-<fill>].json)
Environment: DATABASE_URL=postgres://… runs Strapi on a fresh database on that server;
REBUILD_PORT, SITE_PORT: where the publish-to-live phase's rebuild service and live site listen
(free ports otherwise).`;

function wholeNumber(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${value}"\n\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      fill: { type: 'string', default: 'direct' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      photos: { type: 'string' },
      seed: { type: 'string' },
      'baseline-concurrency': { type: 'string' },
      'no-baseline': { type: 'boolean', default: false },
      'no-live': { type: 'boolean', default: false },
      'live-runs': { type: 'string' },
      burst: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'no-incremental': { type: 'boolean', default: false },
      'no-compile': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'reuse-fill': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.articles === undefined) throw new Error(`--articles is required\n\n${USAGE}`);
  const articles = wholeNumber('articles', values.articles, 0);
  if (values.fill !== 'direct' && values.fill !== 'rest') throw new Error(`--fill must be direct or rest, got "${values.fill}"`);
  const photos = wholeNumber('photos', values.photos, 20);
  if (photos > 20) throw new Error(`--photos is at most 20 (the pool), got ${photos}`);
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const database = databaseUrl ? 'postgres' : 'sqlite';
  const name = `${database}-${articles}${values.fill === 'rest' ? '-rest' : ''}`;
  const out = path.resolve(values.out ?? path.join(HERE, 'results', `${name}.json`));

  const result = await runBench({
    articles,
    fill: values.fill,
    seed: wholeNumber('seed', values.seed, 1, 0),
    photos,
    restConcurrency: wholeNumber('concurrency', values.concurrency, 8),
    batchSize: wholeNumber('batch', values.batch, 100),
    databaseUrl,
    baseline: !values['no-baseline'],
    baselineConcurrency: wholeNumber('baseline-concurrency', values['baseline-concurrency'], 1),
    live: values['no-live'] ? null : { runs: wholeNumber('live-runs', values['live-runs'], 3), burst: wholeNumber('burst', values.burst, 20) },
    cpuProfile: values['cpu-prof'],
    incrementalBuild: !values['no-incremental'],
    compile: !values['no-compile'],
    keepWork: values.keep,
    fillCacheDir: values['reuse-fill'] ? path.join(HERE, '.fill-cache') : undefined,
    out,
    log: (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`),
  });
  console.log(`\n${resultMarkdown(result, path.relative(HERE, out))}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping Strapi and removing the work folder`);
    void abortBench().finally(() => process.exit(130));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
