/**
 * A throwaway Strapi filled with the bench newsroom, through the test harness (`startCms`).
 *
 * - `direct` fill: the database (a SQLite file in the bench folder, or a fresh PostgreSQL
 *   database on the server of DATABASE_URL) is filled by fill-direct.ts with Strapi loaded
 *   in-process, and only then does the harness start the HTTP server on that same database.
 * - `rest` fill: the harness starts Strapi first (on TEST_DATABASE_URL = DATABASE_URL when given)
 *   and the bench fills it over REST.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { CMS_DIR, createThrowawayDatabase, startCms, throwawaySecrets, type CmsServer } from '../testing/cms-server';
import { fillNewsroom, restTarget, type FillMode, type FillStats } from './fill';
import type { PhotoFile } from './photos';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface FilledCmsOptions {
  articles: number;
  seed: number;
  fill: FillMode;
  photos: PhotoFile[];
  workDir: string;
  /** PostgreSQL server URL; SQLite when absent. */
  databaseUrl?: string;
  restConcurrency: number;
  batchSize: number;
  /**
   * Folder keeping filled SQLite databases (and their uploads) between runs, keyed by dataset
   * and CMS schema, so a re-run skips the fill. Direct fill on SQLite only.
   */
  fillCacheDir?: string;
  /** Extra environment of the CMS's HTTP server (not of the fill), e.g. its rebuild webhook. */
  serverEnv?: Record<string, string>;
  log: (message: string) => void;
}

export interface FilledCms {
  cms: CmsServer;
  fill: FillStats;
  stop(): Promise<void>;
}

export async function startFilledCms(options: FilledCmsOptions): Promise<FilledCms> {
  return options.fill === 'rest' ? restFilled(options) : directFilled(options);
}

async function restFilled(options: FilledCmsOptions): Promise<FilledCms> {
  const cms = await withTestDatabase(options.databaseUrl, () => startCms({ env: options.serverEnv }));
  try {
    const stats = await fillNewsroom(restTarget(cms.url, cms.tokens.fullAccess, options.restConcurrency), {
      articles: options.articles,
      seed: options.seed,
      photos: options.photos,
      onProgress: (done) => options.log(`fill (rest): ${done}/${options.articles} articles`),
    });
    return { cms, fill: { ...stats, mode: 'rest', concurrency: options.restConcurrency }, stop: () => cms.stop() };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}

async function directFilled(options: FilledCmsOptions): Promise<FilledCms> {
  const database = await createThrowawayDatabase(options.workDir, options.databaseUrl ?? '', 'toa_soan_bench');
  const publicDir = path.join(options.workDir, 'cms-public');
  const cmsEnv = { ...database.env, CMS_PUBLIC_DIR: publicDir };
  try {
    const cached =
      database.file && options.fillCacheDir
        ? path.join(options.fillCacheDir, await fillKey({ articles: options.articles, seed: options.seed, photoCount: options.photos.length }))
        : undefined;
    let stats: FillStats;
    if (cached && existsSync(path.join(cached, 'stats.json'))) {
      await cp(path.join(cached, 'cms.db'), database.file!);
      await cp(path.join(cached, 'public'), publicDir, { recursive: true });
      stats = { ...(JSON.parse(await readFile(path.join(cached, 'stats.json'), 'utf8')) as FillStats), reused: true };
      options.log(`fill: reused ${cached} (filled earlier at ${stats.articlesPerSecond} articles/s)`);
    } else {
      stats = await runDirectFill(options, cmsEnv);
      if (cached) {
        await mkdir(cached, { recursive: true });
        await cp(database.file!, path.join(cached, 'cms.db'));
        await cp(publicDir, path.join(cached, 'public'), { recursive: true });
        await writeFile(path.join(cached, 'stats.json'), JSON.stringify(stats));
      }
    }
    // The harness's own throwaway database stays unused: ours overrides it through env.
    const cms = await withTestDatabase(undefined, () => startCms({ env: { ...cmsEnv, ...options.serverEnv } }));
    return {
      cms,
      fill: stats,
      stop: async () => {
        await cms.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function runDirectFill(options: FilledCmsOptions, cmsEnv: Record<string, string>): Promise<FillStats> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...throwawaySecrets(),
    ...cmsEnv,
  };
  // The harness creates the admin when it starts the server; the fill must not create another.
  for (const name of ['STRAPI_ADMIN_EMAIL', 'STRAPI_ADMIN_PASSWORD', 'SEED_DEMO_CONTENT', 'REBUILD_WEBHOOK_URL', 'DATABASE_URL']) delete env[name];
  Object.assign(env, cmsEnv);
  const args = JSON.stringify({ articles: options.articles, seed: options.seed, batchSize: options.batchSize, photos: options.photos });
  // The fill's progress lines go to the bench log as they come.
  const progress = function* (line: string) {
    if (line.startsWith('bench fill')) options.log(line.replace(/^bench /, ''));
    yield line;
  };
  const run = await execa(process.execPath, ['--import', 'tsx', path.join(HERE, 'fill-direct.ts'), args], {
    cwd: HERE,
    env,
    extendEnv: false,
    stdin: 'ignore',
    stderr: [progress],
    reject: false,
  });
  const result = run.stdout.split('\n').find((line) => line.startsWith('BENCH_FILL '));
  if (run.failed || !result) {
    throw new Error(`Bench direct fill failed (exit ${run.exitCode ?? run.signal}):\n${(run.stderr + run.stdout).slice(-4000)}`);
  }
  return JSON.parse(result.slice('BENCH_FILL '.length)) as FillStats;
}

export interface FillKeyInput {
  articles: number;
  seed: number;
  photoCount: number;
}

/**
 * Dataset and CMS schema in one name: a schema change or another dataset never reuses a fill.
 * `dirs` is for tests: the CMS's src folder and the bench's own.
 */
export async function fillKey(input: FillKeyInput, dirs = { cmsSrc: path.join(CMS_DIR, 'src'), bench: HERE }): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dirs.cmsSrc, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) hash.update(file).update(await readFile(path.join(dirs.cmsSrc, file)));
  for (const file of ['dataset.ts', 'text-bank.ts', 'photos.ts', 'fill.ts']) hash.update(await readFile(path.join(dirs.bench, file)));
  // The dataset's slugs are the newsroom's (dataset.ts imports them).
  for (const file of ['slug.ts', 'fold.ts']) hash.update(await readFile(path.join(dirs.cmsSrc, 'newsroom', file)));
  return `sqlite-${input.articles}-seed${input.seed}-photos${input.photoCount}-${hash.digest('hex').slice(0, 12)}`;
}

/** The harness reads TEST_DATABASE_URL when it starts; set it for that call only. */
async function withTestDatabase<T>(url: string | undefined, run: () => Promise<T>): Promise<T> {
  const before = process.env.TEST_DATABASE_URL;
  if (url) process.env.TEST_DATABASE_URL = url;
  else delete process.env.TEST_DATABASE_URL;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = before;
  }
}
