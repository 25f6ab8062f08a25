/**
 * The bench's own parts on 5 articles, in `npm test`: the direct fill, one cold site build
 * through the counting proxy, the phase parser and the output inspection. The whole benchmark
 * (three builds, the baseline, goals) is bench.test.ts, run by `npm run test:bench`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { WORK_ROOT } from './bench';
import { startFilledCms, type FilledCms } from './cms';
import { inspectOutput } from './output';
import { parsePhases } from './phases';
import { generatePhotos } from './photos';
import { startCountingProxy, summarise, type CountingProxy } from './proxy';
import { runSiteBuild } from './site-build';

const ARTICLES = 5;
let dir: string | undefined;
let filled: FilledCms | undefined;
let proxy: CountingProxy | undefined;

afterAll(async () => {
  await proxy?.close();
  await filled?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('fills 5 articles and measures one cold build of them', { timeout: 300_000 }, async () => {
  // Under the repo, as the bench's own runs: the build's output needs its node_modules above it.
  await mkdir(WORK_ROOT, { recursive: true });
  dir = await mkdtemp(path.join(WORK_ROOT, 'smoke-'));
  const photos = (await generatePhotos(path.join(dir, 'photos'), 7)).slice(0, 2);
  filled = await startFilledCms({ articles: ARTICLES, seed: 7, fill: 'direct', photos, workDir: dir, restConcurrency: 4, batchSize: 100, log: () => {} });
  expect(filled.fill).toMatchObject({ mode: 'direct', articles: ARTICLES });

  proxy = await startCountingProxy(filled.cms.url);
  const outDir = path.join(dir, 'site-out');
  const build = await runSiteBuild({
    cmsUrl: proxy.url,
    token: filled.cms.tokens.readOnly,
    siteUrl: 'https://bench.toasoan.invalid',
    outDir,
    cacheDir: path.join(dir, 'astro-cache'),
    workDir: dir,
    label: 'cold',
  });
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
});
