/**
 * The fast lane (src/lib/route-keys.ts) against full builds, on a real Strapi: full build A writes
 * its route keys; content changes (a new article with a category, a tag, a byline and a unit; an
 * old article's title edited; an article deleted); then full build B and a fast lane C from A's
 * keys. C must write exactly B's bytes for what it writes, every page that changed from A to B,
 * and nothing else than what changed plus the pages without keys. A third build renders B's
 * content from scratch: the reference both B (restored pages) and C (rendered pages) must match.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import axios, { type AxiosInstance } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';
import { outputFile } from '../scripts/fast-lane';
import { ROUTES, type RouteKeys } from '../src/lib/route-keys';
import { SITE_DIR, astroBuild, type BuildResult } from './support/astro-build';
import { createTestContent, type TestContent } from './support/content';
import { startCountingProxy, type CountingProxy } from './support/counting-proxy';

/** Pages without getStaticPaths: rendered by every build, fast lane included. */
const ALWAYS = ['index.html', '404.html', 'tim-kiem/index.html', 'rss.xml'];
/** Older articles of the news category, enough for three list pages of 12. */
const EXTRA = 30;

let cms: CmsServer;
let proxy: CountingProxy;
let content: TestContent;
let api: AxiosInstance;
let work: string;
const dir = (name: string) => path.join(work, name);

/** Into one staging folder every time, then moved (as the rebuild service does: see build.test.ts). */
async function buildInto(out: string, env: Record<string, string>, options: { astroOnly?: boolean } = {}): Promise<BuildResult> {
  const staging = dir('staging');
  await rm(staging, { recursive: true, force: true });
  const build = await astroBuild(work, { CMS_URL: proxy.url, ...env, SITE_OUT_DIR: staging }, options);
  if (build.code === 0) await rename(staging, out);
  return build;
}

/** A fast lane from `liveKeys`: `astro build` alone, into a folder of its own. */
const fastLane = (out: string, liveKeys: string, keys: string) =>
  astroBuild(work, { CMS_URL: proxy.url, SITE_OUT_DIR: out, SITE_FAST_LANE_FROM: liveKeys, SITE_ROUTE_KEYS_DIR: keys }, { astroOnly: true });

/**
 * Pages and endpoints in a build log (not its images), without colours: `{ file, restored }`.
 * Read as a whole, not by line: with 4 pages in flight, Astro starts a page's line before the
 * previous one has its time, so one line can name several pages.
 */
function routes(log: string): Array<{ file: string; restored: boolean }> {
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  return [...plain.matchAll(/[├└]─ \/(\S+?\.(?:html|xml|txt))( \((?:restored|cached)\))?/g)].map((m) => ({ file: m[1]!, restored: m[2] !== undefined }));
}

/** HTML and XML files of a build, relative, sitemaps left out (a fast lane's is partial by design). */
async function pages(root: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(root, { recursive: true })).filter((f) => /\.(html|xml)$/.test(f) && !/^sitemap-.*\.xml$/.test(f));
  return new Map(await Promise.all(files.map(async (f): Promise<[string, Buffer]> => [f, await readFile(path.join(root, f))])));
}

/** All route keys of a keys folder: route id → pathname → key. */
async function keysOf(folder: string): Promise<Record<string, RouteKeys>> {
  const files = await readdir(folder);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f.replace(/\.json$/, ''), JSON.parse(await readFile(path.join(folder, f), 'utf8'))])));
}
const pathnames = (keys: Record<string, RouteKeys>) => new Set(Object.values(keys).flatMap((k) => Object.keys(k)));

let a: Map<string, Buffer>;
let b: Map<string, Buffer>;
let c: Map<string, Buffer>;
/** B's content rendered from scratch: every page fresh, so stale keys in B cannot hide in it. */
let fresh: Map<string, Buffer>;
let buildB: BuildResult;
let buildC: BuildResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-fast-lane-'));
  cms = await startCms();
  content = await createTestContent(cms.url, cms.tokens.fullAccess, cms.publicDir);
  // Whole from the start: an article stored with a problem is fetched again by every build.
  await content.restorePhoto();
  api = axios.create({ baseURL: cms.url, headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });
  // The CMS's reason, not axios's status line.
  api.interceptors.response.use(undefined, (e) => Promise.reject(new Error(`${e.config?.method} ${e.config?.url}: ${JSON.stringify(e.response?.data ?? e.message)}`)));
  for (let i = 1; i <= EXTRA; i++) {
    const day = String(i).padStart(2, '0');
    await api.post('/api/articles?status=published', {
      data: {
        title: `Tin lưu trữ số ${i}`,
        slug: `luu-tru-${i}`,
        sapo: `Tin cũ số ${i}.`,
        publicationDate: `2019-01-${day}T02:00:00.000Z`,
        category: content.refs.news,
        byline: [{ role: 'writer', person: content.refs.hai }],
        body: [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: `Nội dung lưu trữ ${i}.` }] }] }],
      },
    });
  }
  proxy = await startCountingProxy(cms.url);

  const first = await buildInto(dir('a'), { SITE_ROUTE_KEYS_DIR: dir('keys-a') });
  if (first.code !== 0) throw new Error(`build A failed:\n${first.log.slice(-3000)}`);

  const list = await api.get('/api/articles?fields[0]=slug&pagination[pageSize]=100');
  const id = (slug: string) => list.data.data.find((x: { slug: string }) => x.slug === slug).documentId;
  await api.post('/api/articles?status=published', {
    data: {
      title: 'Đại hội Đảng bộ huyện lần thứ mới',
      slug: 'dai-hoi-moi',
      sapo: 'Bài mới nhất.',
      publicationDate: '2020-08-01T01:00:00.000Z',
      category: content.refs.politics,
      tags: [content.refs.tag],
      unit: content.refs.unit,
      byline: [{ role: 'writer', person: content.refs.lan }],
      body: [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Đại hội mới.' }] }] }],
    },
  });
  // On the news category's second page; the deletion is on its third, so only the title changes page 2.
  await api.put(`/api/articles/${id('luu-tru-15')}?status=published`, { data: { title: 'Tin lưu trữ số 15, đã sửa' } });
  await api.delete(`/api/articles/${id('luu-tru-5')}`);

  let started = performance.now();
  buildB = await buildInto(dir('b'), { SITE_ROUTE_KEYS_DIR: dir('keys-b') });
  if (buildB.code !== 0) throw new Error(`build B failed:\n${buildB.log.slice(-3000)}`);
  const fullMs = performance.now() - started;
  started = performance.now();
  buildC = await fastLane(dir('c'), dir('keys-a'), dir('keys-c'));
  // Measured, not asserted: the machine is shared. C's first run pulls all content into its own cache.
  console.log(`full build B (with check-xml and search index): ${Math.round(fullMs)} ms; fast lane C (astro build): ${Math.round(performance.now() - started)} ms`);
  if (buildC.code !== 0) throw new Error(`fast lane C failed:\n${buildC.log.slice(-3000)}`);
  // Another output path: Astro reuses no page (its image module embeds the path), nor is any content pulled.
  const reference = await astroBuild(work, { CMS_URL: proxy.url, SITE_OUT_DIR: dir('fresh') }, { astroOnly: true });
  if (reference.code !== 0) throw new Error(`reference build failed:\n${reference.log.slice(-3000)}`);
  expect(routes(reference.log).filter((r) => r.restored)).toEqual([]);
  [a, b, c, fresh] = await Promise.all([pages(dir('a')), pages(dir('b')), pages(dir('c')), pages(dir('fresh'))]);
}, 600_000);

afterAll(async () => {
  await proxy?.close();
  await cms?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the fast lane', () => {
  it('keys every route with getStaticPaths, and every page of a full build is keyed or always rendered', async () => {
    const dynamic = readdirSync(path.join(SITE_DIR, 'src', 'pages'), { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('[') && /\.(astro|ts)$/.test(f));
    const keys = await keysOf(dir('keys-b'));
    expect(Object.keys(keys).sort()).toEqual(Object.values(ROUTES).map((r) => r.id).sort());
    expect(dynamic).toHaveLength(Object.keys(ROUTES).length);
    const keyed = new Set([...pathnames(keys)].map(outputFile));
    for (const file of b.keys()) if (!ALWAYS.includes(file)) expect(keyed, file).toContain(file);
    for (const file of keyed) expect(b.has(file), file).toBe(true);
    // The fast lane lists all paths too, with the same keys.
    expect(await keysOf(dir('keys-c'))).toEqual(keys);
  });

  it('leaves no stale page in the full incremental build: it is the site rendered from scratch', () => {
    expect([...b.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, bytes] of b) expect(bytes.equals(fresh.get(file)!), file).toBe(true);
  });

  it('writes exactly what the full build writes, for every page it writes', () => {
    expect(c.size).toBeGreaterThan(0);
    for (const [file, bytes] of c) expect(bytes.equals(fresh.get(file) ?? Buffer.alloc(0)), file).toBe(true);
    for (const file of ALWAYS) expect(c.has(file), file).toBe(true);
    expect(c.get('tin-tuc/luu-tru-15/index.html')!.toString()).toContain('<h1>Tin lưu trữ số 15, đã sửa</h1>');
    expect(c.get('chuyen-muc/tin-tuc-su-kien/2/index.html')!.toString()).toContain('>Tin lưu trữ số 15, đã sửa</a>');
  });

  it('writes every page that changed or is new, and its keys name every page removed', async () => {
    for (const [file, bytes] of fresh) if (!a.get(file)?.equals(bytes)) expect(c.has(file), file).toBe(true);
    const [liveKeys, laneKeys] = [pathnames(await keysOf(dir('keys-a'))), pathnames(await keysOf(dir('keys-c')))];
    const fileToPath = new Map([...liveKeys].map((p) => [outputFile(p), p]));
    const removed = [...a.keys()].filter((f) => !fresh.has(f));
    expect(removed).toEqual(['tin-tuc/luu-tru-5/index.html']);
    for (const file of removed) {
      expect(liveKeys).toContain(fileToPath.get(file));
      expect(laneKeys).not.toContain(fileToPath.get(file));
    }
  });

  it('renders far fewer routes than the full build', () => {
    const [full, lane] = [routes(buildB.log), routes(buildC.log)];
    const restoredLists = full.filter((r) => r.restored && !r.file.startsWith('tin-tuc/')).length;
    console.log(`routes: full build B ${full.length} (${full.filter((r) => !r.restored).length} rendered, ${restoredLists} list pages and feeds restored), fast lane C ${lane.length}`);
    expect(lane.every((r) => !r.restored)).toBe(true);
    expect(lane.length * 2).toBeLessThan(full.length);
  });

  it('lets a full incremental build restore listing pages and feeds the change does not touch', () => {
    const restored = routes(buildB.log).filter((r) => r.restored && !r.file.startsWith('tin-tuc/')).map((r) => r.file);
    // The edit and the deletion are on the news category's second and third pages (articles by
    // Hải); the new article credits Lan.
    expect(restored).toEqual(expect.arrayContaining(['chuyen-muc/tin-tuc-su-kien/index.html', 'nguoi-thuc-hien/tran-van-dung/index.html']));
    for (const file of ['chuyen-muc/tin-tuc-su-kien/2/index.html', 'chuyen-muc/tin-tuc-su-kien/3/index.html', 'nguoi-thuc-hien/le-minh-hai/index.html']) {
      expect(restored).not.toContain(file);
    }
    expect(restored).not.toContain('chuyen-muc/xay-dung-dang/index.html');
  });

  it('pulls no content in full again after a fast lane, nor a second fast lane after a full build', async () => {
    proxy.reset();
    const full = await buildInto(dir('d'), { SITE_ROUTE_KEYS_DIR: dir('keys-d') }, { astroOnly: true });
    expect(full.code, full.log.slice(-2000)).toBe(0);
    expect(proxy.apiRequests).toEqual(['/api/sync-manifest']);
    proxy.reset();
    const lane = await fastLane(dir('e'), dir('keys-d'), dir('keys-e'));
    expect(lane.code, lane.log.slice(-2000)).toBe(0);
    expect(proxy.apiRequests).toEqual(['/api/sync-manifest']);
    // Nothing changed since D: only the pages without keys.
    expect(routes(lane.log).map((r) => r.file).sort()).toEqual([...ALWAYS, 'robots.txt'].sort());
  });
});
