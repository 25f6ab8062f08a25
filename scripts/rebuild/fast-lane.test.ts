/**
 * The rebuild service's choice of lane, with a build command that plays the site build: it writes
 * route keys where it is told, and in the fast lane a page over a copy of the live build plus the
 * merge summary, as site/scripts/merge-fast-lane.ts does. (The site side, that a fast lane writes
 * the same bytes as a full build, is site/test/fast-lane.test.ts.)
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fastLaneFiles } from '@toa-soan/site/fast-lane';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rebuilder, type BuildCommand, type BuildContext, type BuildRecord, type ChangeEvent } from './rebuilder';

let stateDir: string;
let rebuilder: Rebuilder;
let calls: BuildContext[];
let records: BuildRecord[];
let failFastLane: boolean;
/** What each fast lane found in the copy of the live build it was given (SITE_LIVE_CLONE). */
let clones: Array<string | null>;

const build: BuildCommand = async (ctx) => {
  calls.push(ctx);
  const n = calls.length;
  if (ctx.lane === 'fast-lane') {
    if (failFastLane) throw new Error('fast lane broke');
    const clone = ctx.env.SITE_LIVE_CLONE;
    clones.push(clone ? await readFile(path.join(clone, 'index.html'), 'utf8') : null);
    await cp(ctx.env.SITE_LIVE_DIR!, ctx.outDir, { recursive: true });
    await writeFile(path.join(ctx.outDir, 'index.html'), `version ${n}`);
    await writeFile(fastLaneFiles(ctx.outDir).summaryFile, JSON.stringify({ written: ['index.html'], removed: [] }));
  } else {
    await mkdir(ctx.outDir, { recursive: true });
    await writeFile(path.join(ctx.outDir, 'index.html'), `version ${n}`);
    await writeFile(path.join(ctx.outDir, 'sitemap-0.xml'), `<urlset>${n}</urlset>`);
  }
  await mkdir(ctx.env.SITE_ROUTE_KEYS_DIR!, { recursive: true });
  await writeFile(path.join(ctx.env.SITE_ROUTE_KEYS_DIR!, 'tin-tuc.json'), JSON.stringify({ '/tin-tuc/a/': `key ${n}` }));
};

const change = (event: string): ChangeEvent => ({ event, model: 'article', documentId: `doc-${Math.random()}`, receivedAt: new Date().toISOString() });

function start(options: { reconcileMs?: number } = {}) {
  rebuilder = new Rebuilder({ stateDir, build, debounceMs: 20, retryMs: 0, log: () => {}, onBuild: (r) => records.push(r), ...options });
}

const live = () => readFile(path.join(stateDir, 'current', 'index.html'), 'utf8');

beforeEach(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-fast-lane-'));
  calls = [];
  records = [];
  failFastLane = false;
  clones = [];
  start();
  await rebuilder.init();
});

afterEach(async () => {
  await rebuilder.stop();
  await rm(stateDir, { recursive: true, force: true });
});

describe('the fast lane', () => {
  it('warms the fast lane after the first full build, then builds content changes over the live build', async () => {
    const first = await rebuilder.rebuildNow(change('startup'));
    expect(first.lane).toBe('full');
    const liveBuild = path.join(stateDir, 'builds', first.id);
    // The fast lane of no change that fills its cache, queued by the first full build.
    await rebuilder.whenIdle();
    expect(records[1]).toMatchObject({ lane: 'fast-lane', result: 'success', reasons: [{ event: 'fast-lane.warm-up' }] });
    expect(calls[1]!.env).toEqual({
      SITE_ROUTE_KEYS_DIR: rebuilder.folders.stagingKeysDir,
      SITE_LIVE_DIR: liveBuild,
      SITE_FAST_LANE_FROM: path.join(stateDir, 'route-keys', first.id),
      SITE_LIVE_CLONE: rebuilder.folders.liveCloneDir,
    });
    // The copy made after the swap is the live build's.
    expect(clones).toEqual(['version 1']);

    const second = await rebuilder.rebuildNow(change('entry.publish'));
    expect(second).toMatchObject({ lane: 'fast-lane', result: 'success' });
    expect(calls[2]!.env.SITE_FAST_LANE_FROM).toBe(path.join(stateDir, 'route-keys', records[1]!.id));
    expect(await live()).toBe('version 3');
    // Its keys were kept with it, for the next fast lane.
    expect(await readFile(path.join(stateDir, 'route-keys', second.id, 'tin-tuc.json'), 'utf8')).toContain('key 3');
    // The change is the one page the merge wrote, compared alone.
    expect(second.changes).toMatchObject({ added: 0, changed: 1, removed: 0 });

    const third = await rebuilder.rebuildNow(change('media.update'));
    expect(third.lane).toBe('fast-lane');
    expect(calls[3]!.env.SITE_FAST_LANE_FROM).toBe(path.join(stateDir, 'route-keys', second.id));
    expect(clones).toEqual(['version 1', 'version 2', 'version 3']);
  });

  it('makes a full build of anything but a content change, and of the first build of a process', async () => {
    await rebuilder.rebuildNow(change('startup'));
    await rebuilder.stop();
    // A new process (new code, perhaps) serves the old build but does not add to it.
    start();
    await rebuilder.init();
    expect((await rebuilder.rebuildNow(change('entry.publish'))).lane).toBe('full');
    await rebuilder.whenIdle();
    expect((await rebuilder.rebuildNow(change('entry.publish'))).lane).toBe('fast-lane');
    expect((await rebuilder.rebuildNow(change('cms.restart'))).lane).toBe('full');
    expect(calls.at(-1)!.env).toEqual({ SITE_ROUTE_KEYS_DIR: rebuilder.folders.stagingKeysDir });
  });

  it('follows a failed fast lane with a full build at once, and the site stays live meanwhile', async () => {
    await rebuilder.rebuildNow(change('startup'));
    await rebuilder.whenIdle();
    failFastLane = true;
    const failed = await rebuilder.rebuildNow(change('entry.publish'));
    expect(failed).toMatchObject({ lane: 'fast-lane', result: 'failed' });
    expect(await live()).toBe('version 2');
    failFastLane = false;
    await rebuilder.whenIdle();
    expect(records.at(-1)).toMatchObject({ lane: 'full', result: 'success', reasons: [{ event: 'fast-lane.failed' }] });
    expect(await live()).toBe('version 4');
  });

  it('reconciles with a full build once fast lanes have been quiet for a while', async () => {
    await rebuilder.stop();
    start({ reconcileMs: 150 });
    await rebuilder.init();
    // Start-up, then the warm-up fast lane; the reconciling full build follows once all is quiet.
    await rebuilder.rebuildNow(change('startup'));
    const reconciled = await new Promise<BuildRecord>((resolve) => {
      const poll = setInterval(() => {
        if (records.length < 3) return;
        clearInterval(poll);
        resolve(records[2]!);
      }, 20);
    });
    expect(records.map((r) => r.lane)).toEqual(['full', 'fast-lane', 'full']);
    expect(reconciled).toMatchObject({ result: 'success', reasons: [{ event: 'reconcile' }] });
    // The full build wrote the sitemap the fast lane left as it was.
    expect(await readFile(path.join(stateDir, 'current', 'sitemap-0.xml'), 'utf8')).toBe('<urlset>3</urlset>');
  });
});
