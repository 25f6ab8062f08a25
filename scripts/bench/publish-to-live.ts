/**
 * The bench's publish-to-live phase: what an editor feels from pressing "Xuất bản" to the article
 * on the live site, through the real rebuild service (scripts/rebuild/: webhook server, debounce,
 * one build at a time, compare, atomic swap) fed by the CMS's own webhook
 * (cms/src/bootstrap/rebuild-webhook.ts), with a static server on the live folder.
 *
 * Three scenarios, each run `runs` times (the median is reported):
 * - `new`: one new article published over REST (a generated article of the bench newsroom,
 *   dated now);
 * - `old-edit`: the title of an article from 2016 (the oldest article when the dataset has none
 *   from 2016) changed over REST, published at once;
 * - `burst`: `burstSize` new articles published over REST, 4 requests in flight.
 *
 * The clock starts before the first REST request and stops when every article's page is served
 * by the static server with its new title AND Pagefind's own search script, run in Node against
 * the served site with every bundle merged in (as the search page does), finds each of them by a
 * word only their titles carry. Each run records its builds with the rebuild service's own
 * timings (`BuildRecord.timings`) and the build's phases (parsed from its output, as the bench's
 * other builds), so the total splits into: the REST request and Strapi's webhook, the debounce,
 * the build (start-up, content sync, bundle, render, images, search index), compare, swap, and
 * the time until the page and the search answer.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import axios, { type AxiosInstance } from 'axios';
import pMap from 'p-map';
import { startStaticServer, type StaticServer } from '../lib/static-server';
import { waitFor } from '../lib/wait-for';
import type { BuildCommand, BuildLane, BuildRecord } from '../rebuild/rebuilder';
import { startRebuildService, type RebuildService } from '../rebuild/service';
import { articleAt, type Refs } from './dataset';
import { round } from './fill';
import { parsePhases, type BuildPhases } from './phases';
import { summariseProfile, type ProfileSummary } from './profile-summary';
import type { SiteBuildResult } from './site-build';

export type LiveScenario = 'new' | 'old-edit' | 'burst';

/** One build of the rebuild service during a run. */
export interface LiveBuild {
  id: string;
  /** Whether the rebuild service rendered only the changed routes over the live build. */
  lane: BuildLane;
  reasonCount: number;
  startedAt: string;
  finishedAt: string;
  /** The rebuild service's own split (scripts/rebuild/rebuilder.ts), milliseconds. */
  timings: { buildMs: number; swapMs: number; compareMs: number; pruneMs: number };
  /** The build command's phases, from its output. */
  phases: BuildPhases;
  /** Search bundles indexed and kept (`[pagefind] … N indexed, M unchanged`). */
  searchBundles: { indexed: number; kept: number } | null;
  peakTreeMiB: number;
  /** Files added/changed/removed in the output compared with the previous build. */
  changes: { added: number; changed: number; removed: number; unchanged: number } | null;
}

export interface LiveBreakdown {
  /** First REST request to the first webhook the rebuild service received. */
  toWebhookSeconds: number;
  /** First webhook to the first build's start: the debounce (and the rest of a burst arriving). */
  debounceSeconds: number;
  /** The build command, summed over the run's builds. */
  buildSeconds: number;
  /** Of buildSeconds, by the build's own phases (summed over builds). */
  build: {
    startupSeconds: number;
    contentSyncSeconds: number;
    bundleSeconds: number;
    renderSeconds: number;
    imagesSeconds: number;
    searchIndexSeconds: number;
    /** Build time outside those phases (Astro's exit, the XML check, gaps between steps). */
    otherSeconds: number;
  };
  /** Moving the build into place and the atomic symlink swap. */
  swapSeconds: number;
  /**
   * Between one build's swap and the next one's start, when a run needs two builds: the first
   * build's compare and pruning, then the debounce.
   */
  betweenBuildsSeconds: number;
  /** Last swap to the last page served with its title (the poll's own delay included). */
  servedSeconds: number;
  /** Page served to every article found by the search index (Node loading Pagefind and searching). */
  searchSeconds: number;
}

export interface LiveRun {
  scenario: LiveScenario;
  articles: number;
  /** For `old-edit`: the edited article's publication date. */
  publicationDate?: string;
  totalSeconds: number;
  breakdown: LiveBreakdown;
  /** The builds that put the run's articles live, in order. */
  builds: LiveBuild[];
  /**
   * Builds after those, caused by the run's own webhooks that came in during the build that had
   * already read their articles (the rebuilder builds once more for whatever arrives during a build).
   */
  trailingBuilds: number;
  loadAverage: { before: number[]; after: number[] };
}

export interface LiveResult {
  debounceMs: number;
  runs: LiveRun[];
  /** Per scenario: the run with the median total (its breakdown is the one reported). */
  median: Partial<Record<LiveScenario, LiveRun>>;
  /** How the search check was done, for the reader of the JSON. */
  searchCheck: string;
  /**
   * With `--cpu-prof`: one more `new` run (not in the medians) whose build ran under V8's
   * profiler, with a summary of each Node process that was busy (Astro, the index step).
   */
  profile?: { run: LiveRun; processes: ProfileSummary[] };
}

export interface LiveOptions {
  cmsUrl: string;
  fullAccessToken: string;
  /** State folder of the rebuild service, `current` already pointing at a live build. */
  stateDir: string;
  /** The build command (the bench's site build into ctx.outDir), profiled into cpuProfileDir when given. */
  /** `env`: what the rebuild service gives the site build (route keys, the fast lane's live build). */
  runBuild: (ctx: { outDir: string; label: string; cpuProfileDir?: string; env: Record<string, string> }) => Promise<SiteBuildResult>;
  /** Where the rebuild service listens: the port the CMS's webhook URL names. */
  rebuildPort: number;
  webhookSecret: string;
  sitePort: number;
  seed: number;
  /** Articles already in the newsroom: new articles continue the dataset after them. */
  articles: number;
  runs: number;
  burstSize: number;
  debounceMs: number;
  /** Where Pagefind's script is written to be imported (one copy per live build). */
  workDir: string;
  /** Profile one extra `new` run's build into this folder (see LiveResult.profile). */
  profileDir?: string;
  log: (message: string) => void;
}

export const SEARCH_CHECK =
  "Pagefind's pagefind.js of the live build, fetched from the static server and imported in Node, basePath on the static server, every bundle of /tim-kiem/bundles.json merged (as the search page does); the query is a word only the run's titles carry, and every article's URL must be among the results";

const TIMEOUT_MS = 15 * 60_000;

interface Published {
  documentId: string;
  path: string;
  title: string;
  publicationDate?: string;
}

/** The endpoints the phase runs against: the rebuild service and a static server on its output. */
export interface LiveStack {
  service: RebuildService;
  site: StaticServer;
  builds: Array<{ record: BuildRecord; result: SiteBuildResult | undefined }>;
  /** Builds from now on run under V8's profiler, writing into this folder (undefined: not). */
  profileInto(dir: string | undefined): void;
  stop(): Promise<void>;
}

export async function startLiveStack(options: Pick<LiveOptions, 'stateDir' | 'runBuild' | 'rebuildPort' | 'webhookSecret' | 'sitePort' | 'debounceMs' | 'log'>): Promise<LiveStack> {
  const results = new Map<string, SiteBuildResult>();
  const builds: LiveStack['builds'] = [];
  let n = 0;
  let cpuProfileDir: string | undefined;
  const build: BuildCommand = async (ctx) => {
    const result = await options.runBuild({ outDir: ctx.outDir, label: `live-${++n}`, cpuProfileDir, env: ctx.env });
    await writeFile(ctx.logFile, result.lines.map((l) => `${(l.t / 1000).toFixed(3)}s ${l.text}`).join('\n'));
    results.set(ctx.logFile, result);
    if (result.exitCode !== 0) throw new Error(`site build exited with ${result.exitCode}: ${result.lines.slice(-5).map((l) => l.text).join(' / ')}`);
  };
  const service = await startRebuildService(
    {
      secret: options.webhookSecret,
      port: options.rebuildPort,
      host: '127.0.0.1',
      stateDir: options.stateDir,
      cmsUrl: 'unused',
      siteUrl: 'unused',
      debounceMs: options.debounceMs,
      keep: 3,
      retryMs: 0,
    },
    {
      build,
      log: (line) => options.log(line.replace(/^\[rebuild\] /, 'rebuild: ')),
      onBuild: (record) => builds.push({ record, result: results.get(record.logFile) }),
    },
  );
  const site = await startStaticServer({ root: service.rebuilder.folders.currentLink, port: options.sitePort, host: '127.0.0.1' });
  // As `npm start` and the production service do: a full build at start, which the fast lane
  // then adds to (scripts/rebuild/README.md, "Fast lane"). Not part of any run.
  const startup = await service.rebuilder.rebuildNow({ event: 'startup', receivedAt: new Date().toISOString() });
  if (startup.result !== 'success') throw new Error(`publish-to-live: the start-up build failed: ${startup.error}`);
  builds.length = 0;
  return {
    service,
    site,
    builds,
    profileInto: (dir) => (cpuProfileDir = dir),
    stop: async () => {
      await service.stop();
      await site.stop();
    },
  };
}

export async function measurePublishToLive(stack: LiveStack, options: LiveOptions): Promise<LiveResult> {
  const http = axios.create({ baseURL: options.cmsUrl, headers: { Authorization: `Bearer ${options.fullAccessToken}` }, timeout: 120_000 });
  const refs = await newsroomRefs(http);
  const oldArticles = await articlesFrom2016(http, options.runs);
  let nextIndex = options.articles;
  let imported = 0;
  const runs: LiveRun[] = [];

  const measure = async (scenario: LiveScenario, publish: (token: string) => Promise<Published[]>) => {
    const rebuilder = stack.service.rebuilder;
    await rebuilder.whenIdle();
    const buildsBefore = stack.builds.length;
    // No word of the archive starts like it: a bundle without the word answers with its words
    // that start like it, and "kiemthu…" (the token until now) matched "kiem…" (kiểm) in
    // thousands of pages, whose fragments the check then fetched for a minute and more.
    const token = `zqx${randomBytes(5).toString('hex')}`;
    const before = os.loadavg();
    const t0 = Date.now();
    const published = await publish(token);
    const publishedAt = Date.now();
    // Pages already seen live are not asked again: the poll stays light beside the build.
    const waiting = [...published];
    const servedAt = await waitFor(
      async () => {
        while (waiting[0]) {
          const res = await fetch(`${stack.site.url}${waiting[0].path}`).catch(() => null);
          if (res?.status !== 200 || !(await res.text()).includes(token)) return undefined;
          waiting.shift();
        }
        return Date.now();
      },
      { timeoutMs: TIMEOUT_MS, intervalMs: 100, timeoutError: () => new Error(`publish-to-live (${scenario}): not served after ${TIMEOUT_MS / 1000} s; rebuild status ${JSON.stringify(rebuilder.status()).slice(0, 2000)}`) },
    );
    // A dropped connection (Node's fetch reusing a socket the server is closing, seen under load)
    // is a try that did not answer, not a failure: the timeout still bounds the wait.
    const searchableAt = await waitFor(
      async () => ((await searchFinds(stack.site.url, token, published.map((p) => p.path), options.workDir, ++imported).catch(droppedConnection)) ? Date.now() : undefined),
      { timeoutMs: 120_000, intervalMs: 200, timeoutError: () => new Error(`publish-to-live (${scenario}): the live search does not find "${token}"`) },
    );
    // A build's record is complete once the rebuilder is idle (compare and pruning follow the swap).
    await rebuilder.whenIdle();
    const after = stack.builds.slice(buildsBefore);
    const failed = after.find((b) => b.record.result !== 'success');
    if (failed) throw new Error(`publish-to-live (${scenario}): build ${failed.record.id} failed: ${failed.record.error}`);
    const builds = after.filter((b) => liveAt(b.record) <= servedAt);
    const run: LiveRun = {
      scenario,
      articles: published.length,
      ...(published[0]?.publicationDate ? { publicationDate: published[0].publicationDate } : {}),
      totalSeconds: round((Math.max(servedAt, searchableAt) - t0) / 1000),
      breakdown: breakdown(t0, publishedAt, servedAt, searchableAt, builds),
      builds: builds.map(liveBuild),
      trailingBuilds: after.length - builds.length,
      loadAverage: { before: before.map((n) => round(n)), after: os.loadavg().map((n) => round(n)) },
    };
    runs.push(run);
    options.log(`publish-to-live ${scenario}: ${run.totalSeconds} s (${builds.length} build${builds.length === 1 ? '' : 's'}, load ${run.loadAverage.before[0]})`);
  };

  const create = async (token: string): Promise<Published> => {
    const article = articleAt(options.seed, nextIndex++, refs);
    const data = { ...article, title: `${article.title} ${token}`.slice(0, 300), publicationDate: new Date().toISOString() };
    const res = await http.post('/api/articles', { data });
    return { documentId: res.data.data.documentId, path: `/tin-tuc/${res.data.data.slug}/`, title: data.title };
  };

  for (let i = 0; i < options.runs; i++) await measure('new', async (token) => [await create(token)]);
  for (let i = 0; i < options.runs; i++) {
    const old = oldArticles[i % oldArticles.length]!;
    await measure('old-edit', async (token) => {
      const title = `${old.title} ${token}`.slice(0, 300);
      const res = await http.put(`/api/articles/${old.documentId}`, { data: { title } });
      return [{ documentId: old.documentId, path: `/tin-tuc/${res.data.data.slug}/`, title, publicationDate: old.publicationDate }];
    });
  }
  for (let i = 0; i < options.runs; i++) {
    await measure('burst', (token) => pMap(Array.from({ length: options.burstSize }), () => create(token), { concurrency: 4 }));
  }

  const median: LiveResult['median'] = {};
  for (const scenario of ['new', 'old-edit', 'burst'] as const) {
    const sorted = runs.filter((r) => r.scenario === scenario).sort((a, b) => a.totalSeconds - b.totalSeconds);
    if (sorted.length > 0) median[scenario] = sorted[Math.floor((sorted.length - 1) / 2)];
  }
  const result: LiveResult = { debounceMs: options.debounceMs, runs, median, searchCheck: SEARCH_CHECK };
  if (options.profileDir) {
    await mkdir(options.profileDir, { recursive: true });
    stack.profileInto(options.profileDir);
    await measure('new', async (token) => [await create(token)]);
    stack.profileInto(undefined);
    const processes: ProfileSummary[] = [];
    for (const file of (await readdir(options.profileDir)).filter((f) => f.endsWith('.cpuprofile'))) {
      const summary = summariseProfile(JSON.parse(await readFile(path.join(options.profileDir, file), 'utf8')), 25);
      if (summary.busySeconds >= 0.5) processes.push(summary);
    }
    result.profile = { run: runs.pop()!, processes: processes.sort((a, b) => b.busySeconds - a.busySeconds) };
  }
  return result;
}

function liveBuild({ record, result }: LiveStack['builds'][number]): LiveBuild {
  const lines = result?.lines ?? [];
  const bundles = lines.map((l) => l.text.match(/(\d+) indexed, (\d+) unchanged/)).find(Boolean);
  return {
    id: record.id,
    lane: record.lane,
    reasonCount: record.reasonCount,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    timings: record.timings!,
    phases: parsePhases(lines),
    searchBundles: bundles ? { indexed: Number(bundles[1]), kept: Number(bundles[2]) } : null,
    peakTreeMiB: result?.memory.peakTreeMiB ?? 0,
    changes: record.changes ? { added: record.changes.added, changed: record.changes.changed, removed: record.changes.removed, unchanged: record.changes.unchanged } : null,
  };
}

function breakdown(t0: number, publishedAt: number, servedAt: number, searchableAt: number, builds: LiveStack['builds']): LiveBreakdown {
  const records = builds.map((b) => b.record);
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last) throw new Error('publish-to-live: the article went live without a build of the rebuild service');
  const webhooks = records.flatMap((r) => r.reasons.map((c) => Date.parse(c.receivedAt))).filter((t) => t >= t0 - 1000);
  const firstWebhook = webhooks.length > 0 ? Math.min(...webhooks) : publishedAt;
  const sum = (f: (t: NonNullable<BuildRecord['timings']>) => number) => records.reduce((s, r) => s + f(r.timings!), 0) / 1000;
  let between = 0;
  for (let i = 1; i < records.length; i++) between += Date.parse(records[i]!.startedAt) - liveAt(records[i - 1]!);
  const phases = builds.map((b) => parsePhases(b.result?.lines ?? []));
  const phase = (f: (p: BuildPhases) => number | null) => phases.reduce((s, p) => s + (f(p) ?? 0), 0);
  const buildSeconds = sum((t) => t.buildMs);
  const build = {
    startupSeconds: phase((p) => p.startupSeconds),
    contentSyncSeconds: phase((p) => p.contentSyncSeconds),
    bundleSeconds: phase((p) => p.bundleSeconds),
    renderSeconds: phase((p) => p.renderSeconds),
    imagesSeconds: phase((p) => p.imagesSeconds),
    searchIndexSeconds: phase((p) => p.pagefindSeconds),
  };
  const named = Object.values(build).reduce((s, n) => s + n, 0);
  return {
    toWebhookSeconds: round((firstWebhook - t0) / 1000),
    debounceSeconds: round((Date.parse(first.startedAt) - firstWebhook) / 1000),
    buildSeconds: round(buildSeconds),
    build: { ...mapValues(build, round), otherSeconds: round(buildSeconds - named) } as LiveBreakdown['build'],
    swapSeconds: round(sum((t) => t.swapMs)),
    betweenBuildsSeconds: round(between / 1000),
    servedSeconds: round((servedAt - liveAt(last)) / 1000),
    searchSeconds: round((Math.max(servedAt, searchableAt) - servedAt) / 1000),
  };
}

/** When readers got a build: the end of its swap, before the compare and pruning that follow. */
const liveAt = (r: BuildRecord) => Date.parse(r.finishedAt) - r.timings!.compareMs - r.timings!.pruneMs;

const mapValues = <T extends Record<string, number>>(o: T, f: (n: number) => number) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])) as T;

/** False for a request that failed on the network (fetch's "fetch failed"); other errors are thrown. */
function droppedConnection(error: unknown): false {
  if (error instanceof TypeError && error.message === 'fetch failed') return false;
  throw error;
}

/**
 * Whether the live search finds every one of `paths` for `word`: Pagefind's own script of the
 * live build, fetched from the static server and imported fresh (it keeps its index in the
 * module), with every bundle merged in as the search page does.
 */
async function searchFinds(siteUrl: string, word: string, paths: string[], workDir: string, n: number): Promise<boolean> {
  const { bundles } = (await (await fetch(`${siteUrl}/tim-kiem/bundles.json`)).json()) as { bundles: string[] };
  const [main, ...others] = bundles;
  if (!main) return false;
  const script = path.join(workDir, `pagefind-live-${n}.mjs`);
  await writeFile(script, await (await fetch(`${siteUrl}${main}pagefind.js`)).text());
  const pagefind = (await import(pathToFileURL(script).href)) as PagefindModule;
  await pagefind.options({ basePath: `${siteUrl}${main}` });
  for (const bundle of others) await pagefind.mergeIndex(`${siteUrl}${bundle}`);
  const found = await pagefind.search(word);
  const urls = new Set((await Promise.all(found.results.map((r) => r.data()))).map((d) => new URL(d.url, siteUrl).pathname));
  return paths.every((p) => urls.has(p));
}

interface PagefindModule {
  options(o: { basePath: string }): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
}

/** documentIds of the newsroom's people, categories, tags and units, and its photos' ids. */
async function newsroomRefs(http: AxiosInstance): Promise<Refs> {
  const ids = async (plural: string) =>
    ((await http.get(`/api/${plural}?fields[0]=documentId&pagination[pageSize]=200&sort=id:asc`)).data.data as Array<{ documentId: string }>).map((d) => d.documentId);
  const photos = ((await http.get('/api/upload/files?sort=id:asc')).data as Array<{ id: number; mime: string }>).filter((f) => f.mime.startsWith('image/')).map((f) => f.id);
  const refs: Refs = { people: await ids('people'), categories: await ids('categories'), tags: await ids('tags'), units: await ids('units'), photos };
  for (const [name, list] of Object.entries(refs)) if (list.length === 0) throw new Error(`publish-to-live: the bench CMS has no ${name}`);
  return refs;
}

/** `count` articles published in 2016, oldest first; the oldest articles when there are none. */
async function articlesFrom2016(http: AxiosInstance, count: number): Promise<Array<{ documentId: string; title: string; publicationDate: string }>> {
  const query = (filter: string) =>
    http.get(`/api/articles?fields[0]=title&fields[1]=publicationDate${filter}&sort=publicationDate:asc&pagination[pageSize]=${count}`);
  let found = (await query('&filters[publicationDate][$gte]=2016-01-01T00:00:00.000Z&filters[publicationDate][$lt]=2017-01-01T00:00:00.000Z')).data.data;
  if (found.length === 0) found = (await query('')).data.data;
  if (found.length === 0) throw new Error('publish-to-live: the bench CMS has no article to edit');
  return found;
}
