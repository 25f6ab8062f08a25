/**
 * The bench's own parts on 5 articles, in `npm test`: the direct fill, one cold site build
 * through the counting proxy, the phase parser and the output inspection, then the
 * publish-to-live phase at a tiny scale (one run per scenario, a burst of 2) through the real
 * rebuild service and the CMS's own webhook. The whole benchmark (three builds, the baseline,
 * goals) is bench.test.ts, run by `npm run test:bench`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BuildFolders } from '../rebuild/builds';
import { freePort } from '../testing/cms-server';
import { WORK_ROOT } from './bench';
import { startFilledCms, type FilledCms } from './cms';
import { inspectOutput } from './output';
import { parsePhases } from './phases';
import { generatePhotos } from './photos';
import { startCountingProxy, summarise, type CountingProxy } from './proxy';
import { measurePublishToLive, startLiveStack, type LiveStack } from './publish-to-live';
import { runSiteBuild } from './site-build';

const ARTICLES = 5;
const SITE_URL = 'https://bench.toasoan.invalid';
let dir: string | undefined;
let filled: FilledCms | undefined;
let proxy: CountingProxy | undefined;
let stack: LiveStack | undefined;

afterAll(async () => {
  await stack?.stop();
  await proxy?.close();
  await filled?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('fills 5 articles, measures one cold build of them, then publish-to-live', { timeout: 600_000 }, async () => {
  // Under the repo, as the bench's own runs: the build's output needs its node_modules above it.
  await mkdir(WORK_ROOT, { recursive: true });
  dir = await mkdtemp(path.join(WORK_ROOT, 'smoke-'));
  const photos = (await generatePhotos(path.join(dir, 'photos'), 7)).slice(0, 2);
  const rebuildPort = await freePort();
  const webhookSecret = randomBytes(16).toString('hex');
  filled = await startFilledCms({
    articles: ARTICLES,
    seed: 7,
    fill: 'direct',
    photos,
    workDir: dir,
    restConcurrency: 4,
    batchSize: 100,
    serverEnv: { REBUILD_WEBHOOK_URL: `http://127.0.0.1:${rebuildPort}/webhook`, REBUILD_WEBHOOK_SECRET: webhookSecret },
    log: () => {},
  });
  expect(filled.fill).toMatchObject({ mode: 'direct', articles: ARTICLES });

  proxy = await startCountingProxy(filled.cms.url);
  // Into the rebuild service's staging folder, as the bench does: the live phase continues from it.
  const stateDir = path.join(dir, 'rebuild');
  const folders = new BuildFolders(stateDir);
  const outDir = folders.stagingDir;
  const cacheDir = path.join(dir, 'astro-cache');
  const siteBuild = (into: string, label: string, env: Record<string, string> = {}) =>
    runSiteBuild({ cmsUrl: proxy!.url, token: filled!.cms.tokens.readOnly, siteUrl: SITE_URL, outDir: into, cacheDir, workDir: dir!, label, env });
  const build = await siteBuild(outDir, 'cold');
  expect(build.exitCode, build.lines.slice(-20).map((l) => l.text).join('\n')).toBe(0);
  expect(build.memory.peakTreeMiB).toBeGreaterThan(50);

  const phases = parsePhases(build.lines);
  for (const phase of ['startupSeconds', 'contentSyncSeconds', 'renderSeconds', 'pagefindSeconds'] as const) {
    expect(phases[phase], phase).toBeGreaterThanOrEqual(0);
  }
  const api = summarise(proxy.take(), ['content', 'listing']);
  expect(api.byKind.content.requests).toBeGreaterThan(0);
  expect(api.errors).toBe(0);

  const output = await inspectOutput(outDir);
  expect(output.searchablePages).toBeGreaterThanOrEqual(ARTICLES);
  expect(output.pagefindFragments).toBeGreaterThanOrEqual(ARTICLES);

  // Publish-to-live at a tiny scale: the cold build goes live, then the CMS's webhooks drive it.
  const live = await folders.reserve();
  await rename(outDir, live);
  await folders.swap(live);
  const options = {
    stateDir,
    rebuildPort,
    webhookSecret,
    sitePort: 0,
    debounceMs: 300,
    runBuild: ({ outDir: into, label, env }: { outDir: string; label: string; env: Record<string, string> }) => siteBuild(into, label, env),
    log: () => {},
  };
  stack = await startLiveStack(options);
  const result = await measurePublishToLive(stack, {
    ...options,
    cmsUrl: filled.cms.url,
    fullAccessToken: filled.cms.tokens.fullAccess,
    seed: 7,
    articles: ARTICLES,
    runs: 1,
    burstSize: 2,
    workDir: dir,
  });
  expect(result.runs.map((r) => [r.scenario, r.articles])).toEqual([['new', 1], ['old-edit', 1], ['burst', 2]]);
  for (const run of result.runs) {
    expect(result.median[run.scenario]).toBe(run);
    expect(run.totalSeconds, run.scenario).toBeGreaterThan(0);
    expect(run.builds.length, run.scenario).toBeGreaterThan(0);
    const b = run.breakdown;
    for (const [name, value] of Object.entries({ ...b, ...b.build })) {
      if (typeof value === 'number') expect(Number.isFinite(value) && value >= 0, `${run.scenario}.${name} = ${value}`).toBe(true);
    }
    // The build and the debounce are real parts of the total; all parts add up to about it.
    expect(b.buildSeconds).toBeGreaterThan(0);
    expect(b.debounceSeconds).toBeGreaterThan(0.2);
    const parts = b.toWebhookSeconds + b.debounceSeconds + b.buildSeconds + b.swapSeconds + b.betweenBuildsSeconds + b.servedSeconds + b.searchSeconds;
    expect(Math.abs(parts - run.totalSeconds), `${run.scenario}: parts ${parts} vs total ${run.totalSeconds}`).toBeLessThan(1);
    for (const build of run.builds) {
      expect(build.phases.renderSeconds).toBeGreaterThan(0);
      expect(build.phases.routes).toBeGreaterThan(ARTICLES);
      expect(build.searchBundles).not.toBeNull();
    }
  }
  expect(result.runs.find((r) => r.scenario === 'old-edit')!.publicationDate).toMatch(/^\d{4}-/);
});
