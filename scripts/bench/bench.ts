/**
 * The newsroom-scale benchmark: fills a throwaway Strapi with N generated articles, then builds
 * the site three times through a counting proxy (cold, after a one-article edit, with no
 * change), runs the tutorial-style baseline fetcher on the same data, measures publish-to-live
 * through the rebuild service (publish-to-live.ts), and returns (and writes) everything measured
 * as one JSON document.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { compileCms } from '../lib/cms-paths';
import { BuildFolders } from '../rebuild/builds';
import { DEFAULT_DEBOUNCE_MS } from '../rebuild/rebuilder';
import { freePort } from '../testing/cms-server';
import { runBaseline, type BaselineResult } from './baseline';
import { startFilledCms } from './cms';
import { PEOPLE_COUNT, createTaxonomy } from './dataset';
import { round, type FillMode, type FillStats } from './fill';
import { inspectOutput, imageCacheWrites, type BuildOutput } from './output';
import { parsePhases, type BuildPhases } from './phases';
import { generatePhotos } from './photos';
import { findStrapiPid, sampleMemory } from './proc';
import { summariseProfile, type ProfileSummary } from './profile-summary';
import { startCountingProxy, summarise, type CountingProxy, type TrafficSummary } from './proxy';
import { measurePublishToLive, startLiveStack, type LiveResult } from './publish-to-live';
import { runSiteBuild, type SiteBuildResult } from './site-build';

export interface BenchOptions {
  articles: number;
  fill: FillMode;
  seed: number;
  /** Photos in the pool (default 20). */
  photos: number;
  restConcurrency: number;
  batchSize: number;
  /** PostgreSQL server URL (CREATE DATABASE rights); SQLite when absent. */
  databaseUrl?: string;
  /** Skip the tutorial-style baseline fetcher. */
  baseline: boolean;
  baselineConcurrency: number;
  /** Profile the cold build's Node processes (V8 --cpu-prof) and summarise in the result. */
  cpuProfile: boolean;
  /**
   * Full builds with Astro's incremental build (the site's setting). Off, every build renders
   * every route and writes no incremental manifest: what that manifest costs in time and memory.
   */
  incrementalBuild: boolean;
  /** Compile the CMS TypeScript first (the test's globalSetup already does). */
  compile: boolean;
  /** Reuse filled SQLite databases kept in this folder (see FilledCmsOptions.fillCacheDir). */
  fillCacheDir?: string;
  /** The publish-to-live phase (runs per scenario, articles in the burst); skipped when null. */
  live: { runs: number; burst: number } | null;
  /** Keep the work folder (database, builds, logs) for inspection. */
  keepWork: boolean;
  /** Where to write the JSON; not written when absent. */
  out?: string;
  log: (message: string) => void;
}

export interface BuildRun {
  label: 'cold' | 'edit' | 'no-change';
  exitCode: number | null;
  wallSeconds: number;
  /** Requests the build sent to Strapi, by kind; `restPull` is the API part (content + listing). */
  traffic: TrafficSummary;
  restPull: { requests: number; contentRequests: number; listingRequests: number; bytes: number; seconds: number };
  phases: BuildPhases;
  astroTimerMs: Record<string, number>;
  imageCache: { files: number; writtenThisRun: number };
  memory: { build: SiteBuildResult['memory']; strapi: { sampledPeakMiB: number } };
  output: BuildOutput;
  loadAverage: { before: number[]; after: number[] };
  profile?: ProfileSummary;
}

export interface BenchResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: { cpuModel: string; cores: number; memoryMiB: number; node: string; platform: string };
  database: 'sqlite' | 'postgres';
  dataset: { articles: number; people: number; categories: number; tags: number; photos: number; seed: number };
  fill: FillStats & { totalSeconds: number };
  strapi: { peakMiB: number };
  /** False when the full builds ran with Astro's incremental build off (`--no-incremental`); absent in older results. */
  incrementalBuild?: boolean;
  runs: BuildRun[];
  /** Publish-to-live through the rebuild service; null when skipped (`--no-live`). */
  publishToLive: LiveResult | null;
  baseline: (BaselineResult & { traffic: TrafficSummary; ratio: { requests: number; bytes: number; seconds: number } }) | null;
  goals: Array<{ goal: string; target: string; actual: string; met: boolean }>;
}

const SITE_URL = 'https://bench.toasoan.invalid';
export const WORK_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '.work');

/** Cleanup of the run in progress (Strapi, proxy, work folder), for a Ctrl-C in the CLI. */
let pendingCleanup: (() => Promise<void>) | undefined;
export async function abortBench(): Promise<void> {
  await pendingCleanup?.();
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  if (!Number.isInteger(options.articles) || options.articles < 1) throw new Error(`--articles must be a whole number ≥ 1, got ${options.articles}`);
  const startedAt = new Date().toISOString();
  // Inside the repo, not in /tmp: Astro renders through <outDir>/.prerender, whose modules import
  // packages that only resolve with the repo's node_modules above them.
  await mkdir(WORK_ROOT, { recursive: true });
  const workDir = await mkdtemp(path.join(WORK_ROOT, `run-${options.articles}-`));
  const log = options.log;
  log(`work folder ${workDir}`);
  let cleanup: Array<() => Promise<void>> = [];
  const finish = async () => {
    for (const step of cleanup.reverse()) await step().catch((error) => log(`cleanup: ${error}`));
    cleanup = [];
    if (options.keepWork) log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  };
  pendingCleanup = finish;
  try {
    if (options.compile) {
      log('compiling the CMS');
      await compileCms();
    }
    const photos = (await generatePhotos(path.join(workDir, 'photos'), options.seed)).slice(0, options.photos);
    // The CMS sends its own webhook to the rebuild service of the publish-to-live phase, which
    // listens only during that phase (the edit below has nobody to tell, and Strapi just logs it).
    const rebuildPort = Number(process.env.REBUILD_PORT) || (await freePort());
    const webhookSecret = randomBytes(16).toString('hex');
    log(`filling ${options.articles} articles (${options.fill})`);
    const fillStarted = performance.now();
    const filled = await startFilledCms({
      articles: options.articles,
      seed: options.seed,
      fill: options.fill,
      photos,
      workDir,
      databaseUrl: options.databaseUrl,
      restConcurrency: options.restConcurrency,
      batchSize: options.batchSize,
      fillCacheDir: options.fillCacheDir,
      serverEnv: options.live ? { REBUILD_WEBHOOK_URL: `http://127.0.0.1:${rebuildPort}/webhook`, REBUILD_WEBHOOK_SECRET: webhookSecret } : {},
      log,
    });
    cleanup.push(() => filled.stop());
    const fill = { ...filled.fill, totalSeconds: round((performance.now() - fillStarted) / 1000) };
    log(`filled: ${fill.articlesPerSecond} articles/s (${fill.articleSeconds} s for articles, ${fill.totalSeconds} s in all)`);
    const { cms } = filled;
    const strapiPid = findStrapiPid();

    const proxy = await startCountingProxy(cms.url);
    cleanup.push(() => proxy.close());
    // The builds go where the rebuild service builds (its staging folder): Astro's incremental
    // cache is keyed on the output path, so the publish-to-live phase continues from these builds.
    const stateDir = path.join(workDir, 'rebuild');
    const folders = new BuildFolders(stateDir);
    const outDir = folders.stagingDir;
    const cacheDir = path.join(workDir, 'astro-cache');
    const profileDir = path.join(workDir, 'cpu-profiles');

    const build = async (label: BuildRun['label'], profile: boolean): Promise<BuildRun> => {
      log(`site build: ${label}`);
      proxy.take();
      if (profile) await mkdir(profileDir, { recursive: true });
      const strapiMemory = sampleMemory(() => (strapiPid ? [strapiPid] : []));
      const before = os.loadavg();
      const startedMs = Date.now();
      const result = await runSiteBuild({
        cmsUrl: proxy.url,
        token: cms.tokens.readOnly,
        siteUrl: SITE_URL,
        outDir,
        cacheDir,
        workDir,
        label,
        cpuProfileDir: profile ? profileDir : undefined,
        incrementalBuild: options.incrementalBuild,
      });
      const strapi = strapiMemory.stop();
      const records = proxy.take();
      if (result.exitCode !== 0) {
        const tail = result.lines.slice(-40).map((l) => l.text).join('\n');
        throw new Error(`Site build (${label}) failed with exit code ${result.exitCode}:\n${tail}`);
      }
      const traffic = summarise(records);
      const api = summarise(records, ['content', 'listing']);
      const cache = await imageCacheWrites(cacheDir, startedMs);
      const run: BuildRun = {
        label,
        exitCode: result.exitCode,
        wallSeconds: round(result.seconds),
        traffic,
        restPull: {
          requests: api.requests,
          contentRequests: api.byKind.content.requests,
          listingRequests: api.byKind.listing.requests,
          bytes: api.bytes,
          seconds: round(api.seconds),
        },
        phases: parsePhases(result.lines),
        astroTimerMs: result.astroTimer,
        imageCache: { files: cache.files, writtenThisRun: cache.writtenSince },
        memory: { build: result.memory, strapi: { sampledPeakMiB: strapi.peakTreeMiB } },
        output: await inspectOutput(outDir),
        loadAverage: { before: before.map((n) => round(n)), after: os.loadavg().map((n) => round(n)) },
      };
      if (profile) run.profile = await busiestProfile(profileDir);
      log(
        `${label}: ${run.wallSeconds} s, ${run.restPull.requests} API requests (${run.restPull.contentRequests} content) in ${run.restPull.seconds} s, ` +
          `${run.phases.imagesEncoded} images encoded, build peak ${run.memory.build.peakTreeMiB} MiB`,
      );
      return run;
    };

    const runs: BuildRun[] = [await build('cold', options.cpuProfile)];
    await editOneArticle(cms.url, cms.tokens.fullAccess);
    runs.push(await build('edit', false));
    runs.push(await build('no-change', false));

    let baseline: BenchResult['baseline'] = null;
    if (options.baseline) {
      log(`baseline fetcher (tutorial style, concurrency ${options.baselineConcurrency})`);
      proxy.take();
      const result = await runBaseline(proxy.url, cms.tokens.readOnly, options.baselineConcurrency);
      const traffic = summarise(proxy.take());
      const ours = runs[0]!.restPull;
      baseline = {
        ...result,
        traffic,
        ratio: {
          requests: round(traffic.requests / Math.max(ours.requests, 1)),
          bytes: round(traffic.bytes / Math.max(ours.bytes, 1)),
          seconds: round(result.seconds / Math.max(ours.seconds, 0.001)),
        },
      };
      log(`baseline: ${traffic.requests} requests, ${(traffic.bytes / 1e6).toFixed(1)} MB, ${result.seconds} s`);
    }

    // After the baseline, which counts the articles as filled; this phase publishes more.
    let publishToLive: LiveResult | null = null;
    if (options.live) {
      // The last build goes live, as the rebuild service would have left it.
      const first = await folders.reserve();
      await rename(outDir, first);
      await folders.swap(first);
      const liveOptions = {
        stateDir,
        rebuildPort,
        webhookSecret,
        sitePort: Number(process.env.SITE_PORT) || 0,
        debounceMs: DEFAULT_DEBOUNCE_MS,
        runBuild: ({ outDir: into, label, cpuProfileDir, env }: { outDir: string; label: string; cpuProfileDir?: string; env: Record<string, string> }) =>
          runSiteBuild({ cmsUrl: proxy.url, token: cms.tokens.readOnly, siteUrl: SITE_URL, outDir: into, cacheDir, workDir, label, cpuProfileDir, env }),
        log,
      };
      const stack = await startLiveStack(liveOptions);
      cleanup.push(() => stack.stop());
      log(`publish-to-live: rebuild service on ${stack.service.server.url}, live site on ${stack.site.url}`);
      publishToLive = await measurePublishToLive(stack, {
        ...liveOptions,
        cmsUrl: cms.url,
        fullAccessToken: cms.tokens.fullAccess,
        seed: options.seed,
        articles: options.articles,
        runs: options.live.runs,
        burstSize: options.live.burst,
        workDir,
        profileDir: options.cpuProfile ? path.join(workDir, 'cpu-profiles-live') : undefined,
      });
    }

    const strapiPeak = strapiPid ? statusMiB(strapiPid) : 0;
    const taxonomy = createTaxonomy(options.seed);
    const result: BenchResult = {
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machine(),
      database: cms.databaseClient === 'postgres' || options.databaseUrl ? 'postgres' : 'sqlite',
      dataset: {
        articles: options.articles,
        people: PEOPLE_COUNT,
        categories: taxonomy.categories.length,
        tags: taxonomy.tags.length,
        photos: photos.length,
        seed: options.seed,
      },
      fill,
      strapi: { peakMiB: strapiPeak },
      incrementalBuild: options.incrementalBuild,
      runs,
      publishToLive,
      baseline,
      goals: goals(runs, publishToLive),
    };
    if (options.out) {
      await mkdir(path.dirname(options.out), { recursive: true });
      await writeFile(options.out, `${JSON.stringify(result, null, 2)}\n`);
      log(`results written to ${options.out}`);
    }
    return result;
  } finally {
    pendingCleanup = undefined;
    await finish();
  }
}

/** Changes one published article's title over REST, as an editor would; publishes at once. */
async function editOneArticle(cmsUrl: string, token: string): Promise<void> {
  const http = axios.create({ baseURL: cmsUrl, headers: { Authorization: `Bearer ${token}` } });
  const list = await http.get('/api/articles?fields[0]=title&pagination[pageSize]=1&sort=publicationDate:desc');
  const article = list.data.data[0] as { documentId: string; title: string } | undefined;
  if (!article) throw new Error('Bench edit: the CMS has no article to edit');
  await http.put(`/api/articles/${article.documentId}`, { data: { title: `${article.title} (cập nhật)`.slice(0, 300) } });
}

/** The busiest process's profile: Astro's, not npm's (which mostly waits). */
async function busiestProfile(dir: string): Promise<ProfileSummary | undefined> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  let best: ProfileSummary | undefined;
  for (const file of files) {
    const summary = summariseProfile(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), 20);
    if (!best || summary.busySeconds > best.busySeconds) best = summary;
  }
  return best;
}

function statusMiB(pid: number): number {
  try {
    const kib = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1];
    return kib ? Math.round(Number(kib) / 1024) : 0;
  } catch {
    return 0;
  }
}

export function machine(): BenchResult['machine'] {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  return {
    cpuModel,
    cores: os.availableParallelism(),
    memoryMiB: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function goals(runs: BuildRun[], live: LiveResult | null): BenchResult['goals'] {
  const [cold, edit, noChange] = runs as [BuildRun, BuildRun, BuildRun];
  const peak = Math.max(cold.memory.build.peakTreeMiB, edit.memory.build.peakTreeMiB, noChange.memory.build.peakTreeMiB);
  const liveGoals: BenchResult['goals'] = [];
  for (const [scenario, goal] of [['new', 'publish-to-live, one new article (median)'], ['old-edit', 'publish-to-live, edit of an old article (median)']] as const) {
    const run = live?.median[scenario];
    if (run) liveGoals.push({ goal, target: '≤ 15 s', actual: `${run.totalSeconds} s`, met: run.totalSeconds <= 15 });
  }
  return [
    { goal: 'cold build end to end', target: '≤ 60 s', actual: `${cold.wallSeconds} s`, met: cold.wallSeconds <= 60 },
    { goal: 'peak memory of the build', target: '≤ 2048 MiB', actual: `${peak} MiB`, met: peak <= 2048 },
    { goal: 'REST pull (cold)', target: '≤ 5 s', actual: `${cold.restPull.seconds} s`, met: cold.restPull.seconds <= 5 },
    {
      goal: 'no-change rebuild: content requests',
      target: '≤ 2',
      actual: `${noChange.restPull.contentRequests} (+${noChange.restPull.listingRequests} listing)`,
      met: noChange.restPull.contentRequests <= 2,
    },
    {
      goal: 'one-article edit: images re-encoded',
      target: '0',
      actual: `${edit.phases.imagesEncoded}`,
      met: edit.phases.imagesEncoded === 0 && edit.imageCache.writtenThisRun === 0,
    },
    ...liveGoals,
  ];
}
