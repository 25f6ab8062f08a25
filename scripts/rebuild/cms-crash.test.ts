/**
 * A CMS crash never takes the reader's site down (issue 12). Runs the real `npm start`
 * (scripts/start.ts) on throwaway state, SIGKILLs Strapi (its pid from /status) while a site build
 * is running, and checks that readers keep getting the last good build, that the supervisor brings
 * Strapi back, that the missed change is rebuilt, that the next publish goes live, and that
 * SIGTERM then stops everything without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createCategory, createPerson, publishArticle, uploadPhoto, type RestClient } from '../lib/newsroom-rest';
import { adminLogin, createApiToken } from '../lib/strapi-admin';
import { freePort, sqliteEnv, throwawaySecrets } from '../testing/cms-server';
import type { ServiceStatus } from './webhook-server';

const SCRIPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let workDir: string;
let stack: ChildProcess;
let exited: Promise<[number | null, NodeJS.Signals | null]>;
let output = '';
let cmsUrl: string;
let siteUrl: string;
let statusUrl: string;
let client: RestClient;
const admin = { email: 'admin@toasoan.test', password: `Test-${randomBytes(9).toString('base64url')}1a` };

const status = async () => (await (await fetch(statusUrl)).json()) as ServiceStatus;
const site = async (urlPath: string) => {
  const res = await fetch(`${siteUrl}${urlPath}`);
  return { status: res.status, text: await res.text() };
};
/** Bounded polling; the failure message carries what `npm start` printed. */
const waitFor = <T>(what: string, check: () => Promise<T>, timeout = 180_000) =>
  vi.waitFor(check, { timeout, interval: 100 }).catch((error: Error) => {
    throw new Error(`${what}: ${error.message}\n--- npm start output (tail):\n${output.slice(-4000)}`);
  });
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-crash-'));
  const [cmsPort, sitePort, rebuildPort] = [await freePort(), await freePort(), await freePort()];
  cmsUrl = `http://127.0.0.1:${cmsPort}`;
  siteUrl = `http://127.0.0.1:${sitePort}`;
  statusUrl = `http://127.0.0.1:${rebuildPort}/status`;
  stack = spawn(process.execPath, ['--import', 'tsx', 'start.ts'], {
    cwd: SCRIPTS_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      CMS_PORT: String(cmsPort),
      SITE_PORT: String(sitePort),
      REBUILD_PORT: String(rebuildPort),
      PUBLIC_URL: cmsUrl,
      SITE_URL: siteUrl,
      // Everything this run writes stays in workDir: database, uploads, builds, logs, secrets.
      ...sqliteEnv(workDir),
      ...throwawaySecrets(),
      REBUILD_STATE_DIR: path.join(workDir, 'rebuild'),
      REBUILD_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      // The restart itself must trigger the rebuild: no timed retry to do it instead.
      REBUILD_RETRY_MS: '0',
      REBUILD_DEBOUNCE_MS: '300',
      // Long enough for the interrupted build to give up on the CMS (its client retries for a few
      // seconds); with the default 1 s, Strapi can be back in time for the retries to succeed.
      CMS_RESTART_DELAY_MS: '15000',
      CMS_SERVE_ADMIN: 'false',
      SEED_DEMO_CONTENT: 'false',
      STRAPI_ADMIN_EMAIL: admin.email,
      STRAPI_ADMIN_PASSWORD: admin.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = once(stack, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  stack.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  stack.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  void exited.then(([code]) => (output += `\n[npm start exited with ${code}]`));

  await waitFor('npm start serving its first build', async () => {
    expect(stack.exitCode).toBeNull();
    const s = await status();
    expect(s).toMatchObject({ state: 'idle', cms: { state: 'up' } });
    expect(s.lastSuccess).not.toBeNull();
  });
  const jwt = await adminLogin(cmsUrl, admin.email, admin.password);
  client = { url: cmsUrl, token: await createApiToken(cmsUrl, jwt, 'full-access') };
}, 300_000);

afterAll(async () => {
  if (stack && stack.exitCode === null && stack.signalCode === null) {
    stack.kill('SIGTERM');
    await exited;
  }
  await rm(workDir, { recursive: true, force: true });
}, 60_000);

async function publish(title: string, ids: { writer: string; category: string; photo: number }) {
  const article = await publishArticle(client, {
    title,
    sapo: 'Tin nhanh từ xã.',
    paragraph: 'Nội dung bài viết.',
    categoryId: ids.category,
    writerId: ids.writer,
    photoId: ids.photo,
  });
  return { title, documentId: article.documentId, page: `/tin-tuc/${article.slug as string}/` };
}

it('keeps serving the last good build while Strapi is killed mid-build, restarts it, and publishes again', async () => {
  const writer = await createPerson(client, 'Lê Thị Bền');
  const category = await createCategory(client, 'Thời sự');
  const photo = await uploadPhoto(client, 'su-co');
  const ids = { writer: writer.documentId, category: category.documentId, photo: photo.id };
  await waitFor('the builds of those changes', async () => {
    const s = await status();
    expect(s.lastBuild!.reasons).toContainEqual(expect.objectContaining({ event: 'media.create' }));
    expect(s.state).toBe('idle');
  });

  const before = await status();
  const pages = ['/', '/rss.xml', '/chuyen-muc/thoi-su/', '/nguoi-thuc-hien/le-thi-ben/'];
  const lastGood = new Map<string, string>();
  for (const page of pages) {
    const answer = await site(page);
    expect(answer.status, page).toBe(200);
    lastGood.set(page, answer.text);
  }

  // A publish starts a build; Strapi dies as soon as it runs, while the build still needs it.
  const missed = await publish(`Bài đăng lúc CMS gặp sự cố ${randomBytes(3).toString('hex')}`, ids);
  await waitFor('the build of the publish starting', async () => expect((await status()).state).toBe('building'), 30_000);
  const victim = before.cms!.pid!;
  process.kill(victim, 'SIGKILL');

  // 200 readers during the fault, four at a time, each page compared with its last good version.
  let good = 0;
  for (let i = 0; i < 50; i++) {
    const answers = await Promise.all(pages.map(async (page) => ({ page, ...(await site(page).catch(() => ({ status: 0, text: '' }))) })));
    good += answers.filter((a) => a.status === 200 && a.text === lastGood.get(a.page)).length;
  }
  const burstEnd = Date.now();
  expect(good, `${200 - good} of 200 requests failed or got another page`).toBeGreaterThanOrEqual(198);

  // /status says the CMS is down, since when, why, and when it comes back.
  const during = await status();
  expect(during.cms).toMatchObject({ state: 'down', pid: null, restarts: 0, lastExit: { signal: 'SIGKILL' } });
  expect(Date.parse(during.cms!.downSince!)).toBeLessThanOrEqual(burstEnd);
  expect(Date.parse(during.cms!.nextStartAt!)).toBeGreaterThan(Date.parse(during.cms!.downSince!));

  // The build that was running failed cleanly: nothing swapped in.
  const failed = await waitFor('the interrupted build to end', async () => {
    const s = await status();
    expect(s.lastBuild!.id).not.toBe(before.lastBuild!.id);
    return s.lastBuild!;
  });
  expect(failed.result, `${JSON.stringify(failed, null, 2)}\n${await readFile(failed.logFile, 'utf8')}`).toBe('failed');
  expect((await status()).live).toBe(before.live);

  // Strapi comes back by itself, as a new process; the readers were served before it did.
  const back = await waitFor('Strapi to be restarted', async () => {
    const s = await status();
    expect(s.cms).toMatchObject({ state: 'up', restarts: 1, downSince: null });
    return s.cms!;
  });
  expect(back.pid).not.toBe(victim);
  expect(Date.parse(back.since)).toBeGreaterThan(burstEnd);

  // The restart triggers a rebuild, which puts the change made before the crash live.
  await waitFor('the rebuild after the restart', async () => {
    const s = await status();
    expect(s.lastSuccess!.reasons).toContainEqual(expect.objectContaining({ event: 'cms.restart' }));
    expect((await site(missed.page)).status).toBe(200);
  });

  // The next publish goes live through the CMS webhook, as before the crash.
  const next = await publish(`Bài đăng sau khi CMS khởi động lại ${randomBytes(3).toString('hex')}`, ids);
  await waitFor('the next publish to go live', async () => {
    expect((await site(next.page)).text).toContain(next.title);
    expect((await status()).lastSuccess!.reasons).toContainEqual(expect.objectContaining({ event: 'entry.publish', documentId: next.documentId }));
  });
}, 400_000);

it('SIGTERM stops the whole stack, Strapi included, without restarting it', async () => {
  const { cms } = await status();
  stack.kill('SIGTERM');
  const [code] = await exited;
  expect(code).toBe(0);
  expect(isRunning(cms!.pid!)).toBe(false);
  // Nothing answers any more: a restarted Strapi would still hold its port.
  for (const url of [`${cmsUrl}/_health`, siteUrl, statusUrl]) {
    await expect(fetch(url), url).rejects.toThrow();
  }
}, 60_000);
