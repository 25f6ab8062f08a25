/**
 * Runs the whole benchmark on a tiny newsroom (5 articles, 2 photos) against a real Strapi and a
 * real site build, and checks that the JSON it writes has every phase with sane values. No
 * timing is asserted: timing belongs to the README, not the test suite.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench, type BenchResult } from './bench';

const ARTICLES = 5;
const nonNegative = (n: number | null | undefined) => typeof n === 'number' && Number.isFinite(n) && n >= 0;

describe('bench on a tiny newsroom', () => {
  let dir: string;
  afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

  it('writes a result with every phase of every run', { timeout: 600_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-test-'));
    const out = path.join(dir, 'result.json');
    await runBench({
      articles: ARTICLES,
      fill: 'direct',
      seed: 7,
      photos: 2,
      restConcurrency: 4,
      batchSize: 100,
      baseline: true,
      live: { runs: 1, burst: 2 },
      baselineConcurrency: 1,
      cpuProfile: false,
      incrementalBuild: true,
      compile: false, // the vitest globalSetup compiled the CMS
      keepWork: false,
      out,
      log: () => {},
    });
    const result = JSON.parse(await readFile(out, 'utf8')) as BenchResult;

    expect(result.dataset).toMatchObject({ articles: ARTICLES, photos: 2, categories: 8, tags: 40 });
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.fill).toMatchObject({ mode: 'direct', articles: ARTICLES });
    expect(result.fill.articlesPerSecond).toBeGreaterThan(0);
    expect(result.strapi.peakMiB).toBeGreaterThan(0);

    expect(result.runs.map((r) => r.label)).toEqual(['cold', 'edit', 'no-change']);
    for (const run of result.runs) {
      expect(run.exitCode).toBe(0);
      expect(run.wallSeconds).toBeGreaterThan(0);
      for (const phase of ['startupSeconds', 'contentSyncSeconds', 'bundleSeconds', 'renderSeconds', 'rssSeconds', 'pagefindSeconds'] as const) {
        expect(nonNegative(run.phases[phase]), `${run.label}.${phase} = ${run.phases[phase]}`).toBe(true);
      }
      expect(run.phases.rssRoutes).toBeGreaterThan(0);
      expect(run.restPull.requests).toBeGreaterThan(0);
      expect(run.restPull.requests).toBe(run.restPull.contentRequests + run.restPull.listingRequests);
      expect(run.traffic.errors).toBe(0);
      expect(run.memory.build.peakTreeMiB).toBeGreaterThan(50);
      expect(run.memory.build.maxProcessMiB).toBeGreaterThan(50);
      expect(run.memory.build.peakAfterLine).toEqual(expect.any(String));
      expect(run.memory.strapi.sampledPeakMiB).toBeGreaterThan(50);
      // The site really was built from the generated newsroom.
      expect(run.output.searchablePages).toBeGreaterThanOrEqual(ARTICLES);
      expect(run.output.pagefindFragments).toBeGreaterThanOrEqual(ARTICLES);
      expect(run.output.rssFeeds).toBeGreaterThan(0);
    }

    const [cold, edit, noChange] = result.runs as [BenchResult['runs'][0], BenchResult['runs'][0], BenchResult['runs'][0]];
    // The cold build pulled every article; the images were made from the CMS's uploads.
    expect(cold.restPull.bytes).toBeGreaterThan(ARTICLES * 3000);
    expect(cold.phases.imagesEncoded + cold.phases.imagesReused).toBeGreaterThan(0);
    expect(nonNegative(cold.phases.imagesSeconds)).toBe(true);
    // The edit is seen: that build fetched more content than the one with no change.
    expect(edit.restPull.contentRequests).toBeGreaterThan(noChange.restPull.contentRequests);

    expect(result.baseline).not.toBeNull();
    expect(result.baseline!.articleRequests).toBe(ARTICLES);
    expect(result.baseline!.traffic.requests).toBe(result.baseline!.listRequests + ARTICLES);
    expect(result.baseline!.ratio.requests).toBeGreaterThan(0);

    // Publish-to-live: one run per scenario, each with a build and a total.
    expect(result.publishToLive!.runs.map((r) => [r.scenario, r.articles])).toEqual([['new', 1], ['old-edit', 1], ['burst', 2]]);
    for (const run of result.publishToLive!.runs) {
      expect(run.totalSeconds).toBeGreaterThan(0);
      expect(run.breakdown.buildSeconds).toBeGreaterThan(0);
      expect(run.builds[0]!.timings.buildMs).toBeGreaterThan(0);
    }
    expect(result.publishToLive!.median.new).toEqual(result.publishToLive!.runs[0]);

    expect(result.goals.map((g) => g.goal)).toHaveLength(7);
  });
});
