/**
 * The publish-to-live loop with the real pieces: Strapi (harness) sends its webhook to a rebuild
 * service whose build command is the real site build; a static server serves `current`.
 * Publishing an article over REST puts its page and feed item live; unpublishing removes them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCategory, createPerson, publishArticle, unpublishArticle, uploadPhoto, type RestClient } from '../lib/newsroom-rest';
import { startStaticServer, type StaticServer } from '../lib/static-server';
import { waitFor } from '../lib/wait-for';
import { freePort, startCms, type CmsServer } from '../testing/cms-server';
import { directive, inlineScriptHashes, nginxCsp } from '../web/csp';
import { createSiteBuild } from './site-build';
import { startRebuildService, type RebuildService } from './service';

let stateDir: string;
let service: RebuildService;
let site: StaticServer;
let cms: CmsServer;
let client: RestClient;
const logs: string[] = [];

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-live-'));
  const sitePort = await freePort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const secret = randomBytes(16).toString('hex');
  let cmsUrl = '';
  const config = { secret, port: 0, host: '127.0.0.1', stateDir, cmsUrl: '', siteUrl, debounceMs: 300, keep: 3, retryMs: 0 };
  // The CMS URL is known only once Strapi runs, and Strapi needs the webhook URL to start.
  service = await startRebuildService(config, {
    build: (ctx) => createSiteBuild({ cmsUrl, siteUrl }).build(ctx),
    log: (line) => logs.push(line),
  });
  site = await startStaticServer({ root: service.rebuilder.folders.currentLink, port: sitePort });
  cms = await startCms({ env: { REBUILD_WEBHOOK_URL: service.server.webhookUrl, REBUILD_WEBHOOK_SECRET: secret } });
  cmsUrl = cms.url;
  client = { url: cms.url, token: cms.tokens.fullAccess };
});

afterAll(async () => {
  await service?.stop();
  await site?.stop();
  await cms?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

/** Milliseconds until `check` holds; fails with the rebuild log after `timeoutMs`. */
async function poll(what: string, check: () => Promise<boolean>, timeoutMs = 150_000): Promise<number> {
  const t0 = Date.now();
  await waitFor(async () => ((await check()) ? true : undefined), {
    timeoutMs,
    timeoutError: () => new Error(`${what} did not happen within ${timeoutMs / 1000} s.\nRebuild log:\n${logs.join('\n')}`),
  });
  return Date.now() - t0;
}

const get = async (urlPath: string) => {
  const res = await fetch(`${site.url}${urlPath}`);
  return { status: res.status, text: await res.text() };
};

it('puts a published article live (page, feed) and takes it down when unpublished', async () => {
  const writer = await createPerson(client, 'Phạm Minh Tin');
  const category = await createCategory(client, 'Kinh tế');
  const photo = await uploadPhoto(client, 'anh-bia');
  // Those creations fired webhooks already; wait for their build so the publish gets its own.
  await poll('the first webhook', async () => service.rebuilder.status().counts.events > 0);
  await service.rebuilder.whenIdle();
  expect(service.rebuilder.status()).toMatchObject({ state: 'idle', counts: { failed: 0 } });
  expect(service.rebuilder.status().counts.succeeded).toBeGreaterThan(0);

  const title = `Khánh thành cầu Tân Hòa ${randomBytes(3).toString('hex')}`;
  const article = await publishArticle(client, {
    title,
    sapo: 'Cây cầu nối hai xã vừa được đưa vào sử dụng.',
    paragraph: 'Sáng nay, cây cầu mới chính thức thông xe.',
    categoryId: category.documentId,
    writerId: writer.documentId,
    photoId: photo.id,
  });
  const page = `/tin-tuc/${article.slug as string}/`;
  const liveAfter = await poll('the article page going live', async () => (await get(page)).status === 200);
  expect((await get(page)).text).toContain(title);
  expect((await get('/rss.xml')).text).toContain(title);
  // The build is recorded once it has also been compared with the previous one, after the swap.
  const recorded = (event: string) => () => {
    const last = service.rebuilder.status().lastSuccess;
    return last?.reasons.some((r) => r.event === event && r.documentId === article.documentId) ? last : undefined;
  };
  await poll('the publish build recorded', async () => Boolean(recorded('entry.publish')()));
  const build = recorded('entry.publish')()!;
  expect(build.reasons).toContainEqual(expect.objectContaining({ event: 'entry.publish', model: 'article', documentId: article.documentId }));
  expect(build.changes!.pages.added).toContain(page);
  // nginx's Content-Security-Policy must allow every inline script the real build contains.
  const allowed = directive(await nginxCsp(), 'script-src');
  const blocked = [...(await inlineScriptHashes(service.rebuilder.folders.currentLink))].filter(([hash]) => !allowed.includes(hash));
  expect(blocked, 'inline scripts blocked by the CSP in scripts/web/nginx.conf').toEqual([]);
  console.log(`publish → live in ${(liveAfter / 1000).toFixed(1)} s (build ${(build.durationMs / 1000).toFixed(1)} s)`);

  await unpublishArticle(cms.url, cms.admin.jwt, article.documentId);
  await poll('the article page going away', async () => (await get(page)).status === 404);
  expect((await get('/rss.xml')).text).not.toContain(title);
  await poll('the unpublish build recorded', async () => Boolean(recorded('entry.unpublish')()));
}, 400_000);
