import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStaticServer } from '../lib/static-server';
import type { BuildCommand, BuildContext, BuildRecord } from './rebuilder';
import { startRebuildService, type RebuildService } from './service';
import type { ServiceStatus } from './webhook-server';

const SECRET = 'test-secret-0123456789';

/** A build command whose builds write `version N` pages and can be held open or made to fail. */
function fakeBuild() {
  const calls: BuildContext[] = [];
  let gate: Promise<void> | null = null;
  let release = () => {};
  let failNext: string | null = null;
  const build: BuildCommand = async (ctx) => {
    calls.push(ctx);
    if (gate) await gate;
    if (failNext) {
      const message = failNext;
      failNext = null;
      await mkdir(ctx.outDir, { recursive: true });
      await writeFile(path.join(ctx.outDir, 'index.html'), 'half-written');
      throw new Error(message);
    }
    await mkdir(path.join(ctx.outDir, 'tin-tuc', `bai-${calls.length}`), { recursive: true });
    await writeFile(path.join(ctx.outDir, 'index.html'), `version ${calls.length}`);
    await writeFile(path.join(ctx.outDir, 'tin-tuc', `bai-${calls.length}`, 'index.html'), `article ${calls.length}`);
    await writeFile(path.join(ctx.outDir, 'rss.xml'), `<rss>${calls.length}</rss>`);
  };
  return {
    build,
    calls,
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release() {
      gate = null;
      release();
    },
    failWith(message: string) {
      failNext = message;
    },
  };
}

let stateDir: string;
let service: RebuildService;
let fake: ReturnType<typeof fakeBuild>;
const logs: string[] = [];
const finished: BuildRecord[] = [];

async function start() {
  service = await startRebuildService(
    { secret: SECRET, port: 0, host: '127.0.0.1', stateDir, cmsUrl: 'http://unused', siteUrl: 'http://unused', debounceMs: 50, keep: 3, retryMs: 0 },
    { build: fake.build, log: (line) => logs.push(line), onBuild: (record) => finished.push(record) },
  );
}

const webhook = (body: object, secret: string | null = SECRET) =>
  axios.post(service.server.webhookUrl, body, {
    headers: secret === null ? {} : { 'X-Webhook-Secret': secret },
    validateStatus: () => true,
  });

const publish = (documentId: string) =>
  webhook({ event: 'entry.publish', model: 'article', uid: 'api::article.article', entry: { id: 1, documentId } });

const status = async () => (await axios.get<ServiceStatus>(`${service.server.url}/status`)).data;

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-rebuild-'));
  fake = fakeBuild();
  logs.length = 0;
  finished.length = 0;
  await start();
});

afterEach(async () => {
  fake.release();
  await service.stop();
  await rm(stateDir, { recursive: true, force: true });
});

describe('webhook authentication', () => {
  it('rejects a missing or wrong secret with 401, logs it, and builds nothing', async () => {
    expect((await webhook({ event: 'entry.publish' }, null)).status).toBe(401);
    expect((await webhook({ event: 'entry.publish' }, 'test-secret-0123456788')).status).toBe(401);
    expect((await webhook({ event: 'entry.publish' }, `${SECRET}x`)).status).toBe(401);
    // The 401 comes after the decision: nothing was handed to the rebuilder.
    expect(service.rebuilder.status().counts.events).toBe(0);
    expect(fake.calls).toHaveLength(0);
    expect(logs.filter((l) => l.includes('rejected a webhook'))).toHaveLength(3);
    const s = await status();
    expect(s.webhooks).toMatchObject({ accepted: 0, rejected: 3 });
  });

  it('accepts the shared secret and answers 400 to a body that is not a webhook', async () => {
    expect((await publish('doc-a')).status).toBe(202);
    expect((await webhook({ nothing: true })).status).toBe(400);
    expect((await axios.get(service.server.webhookUrl, { validateStatus: () => true })).status).toBe(405);
  });

  it('answers but ignores an authenticated webhook whose event changes nothing, and logs it', async () => {
    for (const event of ['trigger-test', 'entry.frobnicate', 'review-workflows.updateEntryStage']) {
      const res = await webhook({ event, model: 'article', entry: { documentId: 'doc-u' } });
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ queued: false });
    }
    // The answer comes after the decision: nothing was handed to the rebuilder.
    expect(service.rebuilder.status().counts.events).toBe(0);
    expect((await status()).webhooks).toMatchObject({ accepted: 0, ignored: 3 });
    expect(logs.filter((l) => l.includes('ignored a webhook'))).toHaveLength(3);
    // The next real change builds alone: the ignored events never reached a build.
    await publish('doc-p');
    await until(() => service.rebuilder.status().counts.succeeded === 1);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.reasons.map((r) => r.event)).toEqual(['entry.publish']);
  });
});

describe('coalescing', () => {
  it('turns N webhooks during a build into exactly one more build', async () => {
    fake.hold();
    await publish('doc-0');
    await until(() => fake.calls.length === 1);
    for (let i = 1; i <= 8; i += 1) expect((await publish(`doc-${i}`)).status).toBe(202);
    expect((await status()).state).toBe('building');
    fake.release();
    await until(() => fake.calls.length === 2 && service.rebuilder.status().state === 'idle');
    // Idle with nothing pending: no further build can start.
    expect(service.rebuilder.status().pending).toEqual([]);
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]!.reasons.map((r) => r.documentId)).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4', 'doc-5', 'doc-6', 'doc-7', 'doc-8']);
  });

  it('debounces a burst before any build into one build', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => publish(id)));
    await until(() => service.rebuilder.status().counts.succeeded === 1 && service.rebuilder.status().state === 'idle');
    expect(service.rebuilder.status().pending).toEqual([]);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.reasons).toHaveLength(3);
  });

  it('de-duplicates the two entry.delete webhooks Strapi sends per document', async () => {
    const del = (documentId: string) =>
      webhook({ event: 'entry.delete', model: 'article', uid: 'api::article.article', entry: { id: 7, documentId } });
    const first = await del('doc-x');
    const second = await del('doc-x');
    await del('doc-y');
    expect(first.data).toMatchObject({ queued: true, duplicate: false });
    expect(second.data).toMatchObject({ queued: false, duplicate: true });
    await until(() => fake.calls.length === 1 && service.rebuilder.status().state === 'idle');
    expect(fake.calls[0]!.reasons.map((r) => `${r.event} ${r.documentId}`)).toEqual(['entry.delete doc-x', 'entry.delete doc-y']);
    expect((await status()).counts.duplicates).toBe(1);
  });
});

describe('builds and the live site', () => {
  it('keeps the previous site live when a build fails, and records why', async () => {
    await service.rebuilder.rebuildNow({ event: 'startup', receivedAt: new Date().toISOString() });
    const live = path.join(stateDir, 'current');
    expect(await readFile(path.join(live, 'index.html'), 'utf8')).toBe('version 1');

    fake.failWith('CMS unreachable or failing: GET http://cms/api/articles → ECONNREFUSED');
    const failed = await service.rebuilder.rebuildNow({ event: 'entry.update', model: 'article', documentId: 'd1', receivedAt: new Date().toISOString() });
    expect(failed.result).toBe('failed');
    expect(failed.error).toContain('ECONNREFUSED');
    expect(await readFile(path.join(live, 'index.html'), 'utf8')).toBe('version 1');
    // The failed folder is gone; only the good build remains.
    expect(await readdir(path.join(stateDir, 'builds'))).toHaveLength(1);

    const s = await status();
    expect(s.lastBuild).toMatchObject({ result: 'failed', error: expect.stringContaining('ECONNREFUSED') });
    expect(s.lastSuccess?.id).toBe(s.live);
    expect(logs.some((l) => l.includes('FAILED') && l.includes('previous site stays live'))).toBe(true);
  });

  it('reports the last build in /status: when, why, how long, result and what changed', async () => {
    await service.rebuilder.rebuildNow({ event: 'startup', receivedAt: new Date().toISOString() });
    await publish('doc-42');
    await until(() => service.rebuilder.status().counts.succeeded === 2);
    const s = await status();
    expect(s.state).toBe('idle');
    expect(s.lastBuild).toMatchObject({
      result: 'success',
      reasons: [{ event: 'entry.publish', model: 'article', uid: 'api::article.article', documentId: 'doc-42' }],
    });
    expect(Date.parse(s.lastBuild!.startedAt)).toBeLessThanOrEqual(Date.parse(s.lastBuild!.finishedAt));
    expect(s.lastBuild!.durationMs).toBeGreaterThanOrEqual(0);
    expect(s.lastBuild!.changes).toMatchObject({ added: 1, changed: 2, removed: 1 });
    expect(s.lastBuild!.changes!.pages).toEqual({ added: ['/tin-tuc/bai-2/'], changed: ['/', '/rss.xml'], removed: ['/tin-tuc/bai-1/'] });
    expect(s.live).toBe(s.lastBuild!.id);
    expect(logs.some((l) => l.includes('entry.publish article doc-42') && l.includes('live in'))).toBe(true);
  });

  it('says when it is idle: after the debounce and every build it caused, the retry aside', async () => {
    await service.rebuilder.whenIdle();
    fake.hold();
    await publish('doc-1');
    let idle = false;
    const waiting = service.rebuilder.whenIdle().then(() => (idle = true));
    await until(() => fake.calls.length === 1);
    await publish('doc-2');
    expect(idle).toBe(false);
    fake.release();
    await waiting;
    // Idle means both builds are over: the one under way and the one the second change caused.
    expect(fake.calls).toHaveLength(2);
    expect(service.rebuilder.status()).toMatchObject({ state: 'idle', pending: [], counts: { succeeded: 2 } });
    expect(finished.map((r) => r.result)).toEqual(['success', 'success']);
    for (const record of finished) {
      expect(record.timings).toEqual({ buildMs: expect.any(Number), compareMs: expect.any(Number), swapMs: expect.any(Number), pruneMs: expect.any(Number) });
      const { buildMs, compareMs, swapMs, pruneMs } = record.timings!;
      expect(buildMs + compareMs + swapMs + pruneMs).toBeLessThanOrEqual(record.durationMs + 4);
    }
  });

  it('keeps only the last 3 builds', async () => {
    for (let i = 0; i < 5; i += 1) await service.rebuilder.rebuildNow({ event: 'manual', receivedAt: `t${i}` });
    const builds = (await readdir(path.join(stateDir, 'builds'))).sort();
    expect(builds).toHaveLength(3);
    expect(builds.at(-1)).toBe(service.rebuilder.status().live);
  });

  it('swaps atomically: readers during many swaps never see a missing or partial site', async () => {
    await service.rebuilder.rebuildNow({ event: 'startup', receivedAt: new Date().toISOString() });
    const site = await startStaticServer({ root: path.join(stateDir, 'current'), port: 0 });
    let swapping = true;
    const failures: string[] = [];
    let reads = 0;
    const reader = async () => {
      while (swapping) {
        const res = await axios.get<string>(`${site.url}/`, { validateStatus: () => true, responseType: 'text' });
        reads += 1;
        if (res.status !== 200 || !/^version \d+$/.test(res.data)) failures.push(`${res.status} ${res.data}`);
        const direct = await readFile(path.join(stateDir, 'current', 'rss.xml'), 'utf8').catch((e: Error) => e.message);
        if (!/^<rss>\d+<\/rss>$/.test(direct)) failures.push(direct);
      }
    };
    const readers = [reader(), reader(), reader()];
    for (let i = 0; i < 15; i += 1) await service.rebuilder.rebuildNow({ event: 'manual', receivedAt: `swap-${i}` });
    swapping = false;
    await Promise.all(readers);
    await site.stop();
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(15);
    expect(await readFile(path.join(stateDir, 'current', 'index.html'), 'utf8')).toBe('version 16');
  });

  it('serves the build left by a previous run after a restart', async () => {
    await service.rebuilder.rebuildNow({ event: 'startup', receivedAt: new Date().toISOString() });
    const live = service.rebuilder.status().live;
    await service.stop();
    await start();
    expect(service.rebuilder.status().live).toBe(live);
  });
});
