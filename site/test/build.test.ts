/**
 * End to end: a real Strapi with test content, the real `astro build` into a temporary
 * SITE_OUT_DIR, then the output checked as a reader, a feed reader and the search box see it.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import axios from 'axios';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_WORDS } from '@toa-soan/cms/newsroom/roles';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';
import { indexedElement } from '../scripts/search-bundles';
import { runPagefind } from '../scripts/search-indexer';
import { searchablePages } from '../scripts/search-pages';
import { malformedXmlFiles } from '../scripts/xml-check';
import { astroBuild as buildSite, type BuildResult } from './support/astro-build';
import { createTestContent, type TestContent } from './support/content';
import { startCountingProxy, type CountingProxy } from './support/counting-proxy';

let cms: CmsServer;
/** Every build reads the CMS through it (one CMS_URL, so Astro keeps its data store between builds). */
let proxy: CountingProxy;
let content: TestContent;
let work: string;
let out: string;
let firstLog: string;

/** The site's build script, its caches in this test's folder. */
const astroBuild = (env: Record<string, string>) => buildSite(work, env);

/**
 * A build the way the rebuild service makes one: into the same staging folder every time, then
 * moved to `dir`. Astro's image module embeds the output path, so a constant path is what lets
 * the incremental build reuse pages (scripts/rebuild/rebuilder.ts does the same).
 */
async function buildInto(dir: string, env: Record<string, string>): Promise<BuildResult> {
  const staging = path.join(work, 'staging');
  await rm(staging, { recursive: true, force: true });
  // Search bundles made during the render, so the search checks below go through them.
  const build = await astroBuild({ SEARCH_INDEX_AHEAD: 'true', ...env, SITE_OUT_DIR: staging });
  if (build.code === 0) await rename(staging, dir);
  return build;
}

const page = (dir: string, urlPath: string) => readFile(path.join(dir, urlPath, 'index.html'), 'utf8');

/** Pages in the search index of a built folder: Pagefind writes one fragment per page, in every bundle. */
async function indexedPages(dir: string): Promise<number> {
  const bundles: string[] = JSON.parse(await readFile(path.join(dir, 'tim-kiem', 'bundles.json'), 'utf8')).bundles;
  const fragments = await Promise.all(bundles.map((bundle) => readdir(path.join(dir, bundle, 'fragment'))));
  return fragments.flat().length;
}

/** The build log's lines for routes under `prefix`, without colours. */
const routeLines = (log: string, prefix: string) =>
  log.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => /[├└]─ /.test(l) && l.includes(` ${prefix}`));

interface SearchHit { url: string; meta: Record<string, string> }
const slugs = (results: SearchHit[]) => results.map((r) => new URL(r.url).pathname);

/**
 * Pagefind's own search script run in Node against a built folder served over HTTP, with every
 * bundle the index step listed merged in, as the search page does.
 */
async function searchSite(dir: string) {
  const server = http.createServer(async (req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    try {
      res.end(await readFile(file));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bundles = async (): Promise<string[]> => JSON.parse(await readFile(path.join(dir, 'tim-kiem', 'bundles.json'), 'utf8')).bundles;
  // A fresh module instance per folder: Pagefind keeps its state in the module.
  const pagefind = await import(`${pathToFileURL(path.join(dir, 'pagefind', 'pagefind.js')).href}?dir=${encodeURIComponent(dir)}`);
  await pagefind.options({ basePath: `${base}/pagefind/` });
  for (const bundle of (await bundles()).slice(1)) await pagefind.mergeIndex(`${base}${bundle}`);
  return {
    pagefind,
    bundles,
    /** Results of `q`, đ folded as the search page folds it before the query reaches Pagefind. */
    async find(q: string): Promise<SearchHit[]> {
      const found = await pagefind.search(q.replace(/đ/g, 'd').replace(/Đ/g, 'D'));
      return Promise.all(found.results.map((r: { data(): Promise<SearchHit> }) => r.data()));
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-site-'));
  cms = await startCms();
  content = await createTestContent(cms.url, cms.tokens.fullAccess, cms.publicDir);
  proxy = await startCountingProxy(cms.url);
  out = path.join(work, 'dist-1');
  // One documentId per `$in` request: four articles then cost more than one page of the bulk
  // route, so this cold build reads them from /api/site-articles as a large archive's does.
  const build = await buildInto(out, { CMS_URL: proxy.url, CMS_IDS_PER_REQUEST: '1' });
  firstLog = build.log;
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.log.slice(-3000)}`);
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  await cms?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the built site', () => {
  it('has a page per published article with byline, photo credits and Vietnamese dates', async () => {
    for (const a of content.published) {
      const html = await page(out, `tin-tuc/${a.slug}`);
      expect(html).toContain('<html lang="vi">');
      expect(html).toContain(`<h1>${a.title}</h1>`);
      // Labels from the newsroom vocabulary (cms/src/newsroom/roles.ts).
      const [writer, photographer] = [ROLE_WORDS.writer.byline, ROLE_WORDS.photographer.byline];
      expect(html).toMatch(new RegExp(`<dt>${writer}:</dt> <dd><a href="/nguoi-thuc-hien/nguyen-thi-lan/"[^>]*>Nguyễn Thị Lan</a>`));
      expect(html).toContain(`<dt>${photographer}:</dt>`);
      expect(html).toMatch(new RegExp(`<figcaption>${a.caption} <span class="credit">\\(${photographer}: ${a.credit}\\)</span></figcaption>`));
      expect(html).toMatch(/<source srcset="[^"]+\.avif 360w/);
      expect(html).toMatch(/\/2020 16:30<\/time>/);
      expect(html).toContain(`<link rel="canonical" href="https://thapmuoi.example.vn/tin-tuc/${a.slug}/">`);
      expect(html).toContain('"@type":"NewsArticle"');
      expect(html).toContain('type="application/rss+xml"');
      // Paper copies name their source (the print stylesheet shows this element).
      expect(html).toContain(`<p class="print-only print-source" data-pagefind-ignore>Nguồn: https://thapmuoi.example.vn/tin-tuc/${a.slug}/</p>`);
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    }
  });

  it('ships the favicon as SVG and as an ICO for browsers that ask for /favicon.ico', async () => {
    expect(await readFile(path.join(out, 'favicon.svg'), 'utf8')).toMatch(/^<svg /);
    const ico = await readFile(path.join(out, 'favicon.ico'));
    // ICONDIR: reserved 0, type 1 (icon), one image.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
  });

  it('leaves drafts out', async () => {
    expect(existsSync(path.join(out, 'tin-tuc', content.draftSlug))).toBe(false);
    expect(await readFile(path.join(out, 'rss.xml'), 'utf8')).not.toContain(content.draftSlug);
    // Nor anywhere else: no draft preview route (the preview server is a build of its own) and no
    // draft text in any page, feed, sitemap or script (the search index is made from the pages).
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((e) => path.relative(out, path.join(e.parentPath, e.name))).filter((f) => /xem-truoc|_image/.test(f))).toEqual([]);
    for (const entry of files.filter((e) => /\.(html|xml|json|js|txt|css)$/.test(e.name))) {
      const file = path.join(entry.parentPath, entry.name);
      expect({ file, draft: (await readFile(file, 'utf8')).includes(content.draftTitle) }).toEqual({ file, draft: false });
    }
  });

  it('builds an article whose photo file is gone without the photo, and names it in a warning', async () => {
    const html = await page(out, `tin-tuc/${content.brokenPhotoSlug}`);
    expect(html).toContain('Bài vẫn phải hiện, không có ảnh.');
    expect(html).not.toContain('Ảnh đã mất');
    expect(firstLog).toMatch(/WARN.*"Bài có ảnh bị mất".*cover: photo file .* cannot be fetched \(the CMS no longer has the file\); left out/);
  });

  it('paginates categories and lists what a person is credited for', async () => {
    const category = await page(out, 'chuyen-muc/tin-tuc-su-kien');
    expect(category).toContain('Tháp Mười ra quân chiến dịch mùa hè xanh');
    const person = await page(out, 'nguoi-thuc-hien/le-minh-hai');
    expect(person).toContain('Ảnh');
    for (const a of content.published) expect(person).toContain(`/tin-tuc/${a.slug}/`);
    expect(existsSync(path.join(out, 'tu-khoa', 'dai-hoi', 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, '404.html'))).toBe(true);
    expect(await readFile(path.join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://thapmuoi.example.vn/sitemap-index.xml');
  });

  it('writes RSS feeds with full content, creators and credited media', async () => {
    // A strict XML 1.0 parser, for every XML file (fast-xml-parser's validator lets control characters through).
    expect(await malformedXmlFiles(out)).toEqual([]);
    for (const feed of ['rss.xml', 'chuyen-muc/tin-tuc-su-kien/rss.xml']) {
      const xml = await readFile(path.join(out, feed), 'utf8');
      const rss = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).rss;
      expect(rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
      expect(rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/');
      expect(rss['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
      const items = [rss.channel.item].flat();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.link).toMatch(/^https:\/\/thapmuoi\.example\.vn\/tin-tuc\/[^/]+\/$/);
        expect(item.guid['#text']).toBe(item.link);
        expect(new Date(item.pubDate).getFullYear()).toBe(2020);
        expect(item.description).toBeTruthy();
        expect(item['content:encoded']).toContain('<p>');
        expect(item['dc:creator']).toBe('Nguyễn Thị Lan');
        expect(item.category).toBeTruthy();
      }
      // Its title and body were pasted with characters XML forbids.
      const pasted = items.find((i) => i.link.endsWith('/bai-3/'));
      expect(pasted.title).toBe('Hội nghị sơ kết công tác 6 tháng đầu năm');
      expect(pasted['content:encoded']).toContain('Đồng chí Chủ tịch<br>UBND huyện chủ trì hội nghị.');
      const withCover = items.find((i) => i.link.endsWith('/bai-2/'));
      expect(withCover['media:content']['@url']).toMatch(/^https:\/\/thapmuoi\.example\.vn\/_astro\/.+\.jpe?g$/);
      expect(withCover['media:content']['media:description']).toBe('Quang cảnh hội nghị số 2 tại Tháp Mười');
      expect(withCover['media:content']['media:credit']).toEqual({ '#text': 'Đức Anh 2', '@role': 'photographer' });
    }
  });

  it('indexes articles for Pagefind so queries without diacritics, đ included, find them', async () => {
    const search = await searchSite(out);
    try {
      expect(await search.bundles()).toEqual(['/pagefind/']);
      expect(slugs(await search.find('thap muoi'))).toContain('/tin-tuc/bai-2/');
      expect(slugs(await search.find('dang uy'))[0]).toBe('/tin-tuc/bai-1/');
      expect(slugs(await search.find('dong chi'))[0]).toBe('/tin-tuc/bai-3/');
      expect(slugs(await search.find('Đồng chí'))[0]).toBe('/tin-tuc/bai-3/');
      const [hit] = await search.find('dang uy');
      expect(hit!.meta.title).toBe('Đảng ủy xã Mỹ An tổ chức Đại hội điểm');
      expect(hit!.meta.date).toBe('11/07/2020 16:30');
      expect(hit!.meta.image).toMatch(/^https:\/\/thapmuoi\.example\.vn\/_astro\//);
      // Only article bodies are indexed: the footer's address is not a result.
      expect(slugs(await search.find('khom'))).toEqual([]);
      const filters = await search.pagefind.filters();
      // The filter panel shows these keys as headings: Vietnamese words, not code names.
      expect(Object.keys(filters).sort()).toEqual(['Chuyên mục', 'Người thực hiện', 'Năm', 'Đơn vị']);
      expect(filters['Đơn vị']).toHaveProperty('Huyện ủy Tháp Mười');
      // A unit's articles are found by its name typed without diacritics.
      expect(slugs(await search.find('huyen uy thap muoi'))).toContain('/tin-tuc/bai-1/');
      expect(Object.keys(filters['Chuyên mục'] ?? {})).toContain('Xây dựng Đảng');
      expect(filters['Năm']).toHaveProperty('2020');
      expect(filters['Người thực hiện']).toHaveProperty('Nguyễn Thị Lan');
    } finally {
      await search.close();
    }
  });

  it('indexes from each article only what a kept bundle’s key covers: its data-pagefind-body element', async () => {
    // A bundle is kept while the digests of its pages' indexed elements are unchanged
    // (search-bundles.ts). So Pagefind, given each page cut down to that element, must make the
    // very bundle it made of the whole pages: a meta or filter moved out of the element would
    // change the index without changing the key, and readers would search a stale bundle.
    const { pages } = await searchablePages(out, path.join(work, 'element-memo.json'));
    expect(pages.length).toBeGreaterThanOrEqual(content.published.length);
    const cut = path.join(work, 'elements');
    for (const { file } of pages) {
      const html = await readFile(path.join(out, file), 'utf8');
      await mkdir(path.dirname(path.join(cut, 'site', file)), { recursive: true });
      await writeFile(path.join(cut, 'site', file), `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>${indexedElement(html)}</body></html>`);
    }
    await runPagefind(path.join(cut, 'site'), path.join(cut, 'pagefind'));
    const listing = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
    const [built, fromElements] = await Promise.all([listing(path.join(out, 'pagefind')), listing(path.join(cut, 'pagefind'))]);
    expect(built).toEqual(fromElements);
    for (const file of built) {
      const [a, b] = await Promise.all([readFile(path.join(out, 'pagefind', file)), readFile(path.join(cut, 'pagefind', file))]);
      expect(a.equals(b), file).toBe(true);
    }
  });

  it('keeps article bodies in files beside the data store, not in it', async () => {
    const cache = path.join(work, 'astro-cache');
    const store = await readFile(path.join(cache, 'data-store.json'), 'utf8');
    expect(store).toContain('Tháp Mười ra quân chiến dịch mùa hè xanh');
    expect(store).not.toContain('Đoàn viên thanh niên huyện Tháp Mười ra quân.');
    expect(await page(out, 'tin-tuc/bai-2')).toContain('Đoàn viên thanh niên huyện Tháp Mười ra quân.');
    expect(existsSync(path.join(cache, 'toa-soan', 'article-bodies'))).toBe(true);
  });

  it('renders from the data store file: no article text in the bundle Astro renders with', async () => {
    // A sapo lives in the data store only (bodies are in their own files): found in a chunk, the
    // store was bundled as a string literal again (scripts/content-store-on-disk.ts).
    const sapo = 'Ảnh của bài này đã bị xóa khỏi thư mục tải lên.';
    const report = path.join(work, 'probe.json');
    const probed = path.join(work, 'dist-probe');
    // Its own caches: the probe's plugin changes Astro's config digest, which clears a content
    // store, and the builds below count on theirs.
    const cache = path.join(work, 'probe-cache');
    const build = await buildSite(
      work,
      { CMS_URL: cms.url, SITE_OUT_DIR: probed, ASTRO_CACHE_DIR: cache, SEARCH_CACHE_DIR: path.join(work, 'probe-search-cache'), PROBE_TEXT: sapo, PROBE_REPORT: report },
      { astroOnly: true, astro: ['test/support/bundle-probe.ts'] },
    );
    expect(build.code, build.log.slice(-3000)).toBe(0);
    expect(await readFile(path.join(cache, 'data-store.json'), 'utf8')).toContain(sapo);
    const { seen, containing } = JSON.parse(await readFile(report, 'utf8'));
    expect(seen.length).toBeGreaterThan(0);
    expect(containing).toEqual([]);
    expect(await page(probed, 'tin-tuc/anh-bi-mat')).toContain(sapo);
  });

  it('first build: the manifest, then every collection and the site setting fetched in full, articles by the bulk route', () => {
    expect(proxy.apiRequests.map((r) => r.split('?')[0]).sort()).toEqual(
      ['/api/categories', '/api/people', '/api/site-articles', '/api/site-setting', '/api/sync-manifest', '/api/tags', '/api/units'],
    );
  });

  it('rebuilds incrementally: one edit and one deletion cost the manifest and one fetch, into a fresh folder', async () => {
    const api = axios.create({ baseURL: cms.url, headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });
    const list = await api.get('/api/articles?fields[0]=slug');
    const id = (slug: string) => list.data.data.find((a: { slug: string }) => a.slug === slug).documentId;
    // The body too: it lives in a file beside the store (site/CACHES.md), which must follow the edit.
    const body = [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Đoàn viên thanh niên ra quân lần thứ hai.' }] }] }];
    await api.put(`/api/articles/${id('bai-2')}?status=published`, { data: { title: 'Tháp Mười ra quân mùa hè xanh 2020', body } });
    await api.delete(`/api/articles/${id('bai-3')}`);
    // The article built without its photo is retried every build until fixed: fix it now.
    await content.restorePhoto();

    const second = path.join(work, 'dist-2');
    proxy.reset();
    // Two pages per search bundle: the 3 articles left (all of 2020) are indexed as two bundles, searched as one.
    const build = await buildInto(second, { CMS_URL: proxy.url, SEARCH_BUNDLE_PAGES: '2' });
    expect(build.code, build.log.slice(-2000)).toBe(0);
    expect(proxy.apiRequests).toHaveLength(2);
    expect(proxy.apiRequests[0]).toBe('/api/sync-manifest');
    // The edited article plus the one with a missing photo (retried until fixed); nothing else.
    expect(proxy.apiRequests[1]).toMatch(/^\/api\/articles\?.*filters\[documentId\]\[\$in\]\[0\]=\w+&filters\[documentId\]\[\$in\]\[1\]=\w+&pagination/);
    const edited = await page(second, 'tin-tuc/bai-2');
    expect(edited).toContain('<h1>Tháp Mười ra quân mùa hè xanh 2020</h1>');
    expect(edited).toContain('Đoàn viên thanh niên ra quân lần thứ hai.');
    expect(edited).not.toContain('Đoàn viên thanh niên huyện Tháp Mười ra quân.');
    // bai-1 lists bai-2 among its related news (a shared tag): its page is rendered again, not reused.
    expect(await page(second, 'tin-tuc/bai-1')).toContain('>Tháp Mười ra quân mùa hè xanh 2020</a>');
    expect(routeLines(build.log, '/tin-tuc/').filter((l) => l.includes('(restored)'))).toEqual([]);
    expect(await page(second, `tin-tuc/${content.brokenPhotoSlug}`)).toContain('Ảnh đã mất');
    expect(existsSync(path.join(second, 'tin-tuc', 'bai-3'))).toBe(false);
    const search = await searchSite(second);
    try {
      expect(await search.bundles()).toEqual(['/pagefind/', '/pagefind-2020-h1/']);
      // One fragment per indexed page, across both bundles.
      expect(await indexedPages(second)).toBe(3);
      // By date: 2020 holds three, more than two, so it is split in halves: bai-1 and bai-2
      // (July) make the first bundle, anh-bi-mat (June) the second.
      expect(slugs(await search.find('dang uy'))[0]).toBe('/tin-tuc/bai-1/');
      expect(slugs(await search.find('mua he xanh 2020'))[0]).toBe('/tin-tuc/bai-2/');
      // Pagefind leaves out of a query the words a bundle does not have, so anh-bi-mat's bundle
      // answers `thap` alone with a loose match: the pages with both words still come first.
      expect(slugs(await search.find('thap muoi')).slice(0, 2).sort()).toEqual(['/tin-tuc/bai-1/', '/tin-tuc/bai-2/']);
    } finally {
      await search.close();
    }
  });

  it('rebuilds with no change from the manifest alone: one request, no page indexed again', async () => {
    const third = path.join(work, 'dist-3');
    proxy.reset();
    const build = await buildInto(third, { CMS_URL: proxy.url, SEARCH_BUNDLE_PAGES: '2' });
    expect(build.code, build.log.slice(-2000)).toBe(0);
    expect(proxy.apiRequests).toEqual(['/api/sync-manifest']);
    expect(await page(third, 'tin-tuc/bai-2')).toContain('<h1>Tháp Mười ra quân mùa hè xanh 2020</h1>');
    // Nothing an article page shows changed: Astro restores all three from its cache.
    const articleLines = routeLines(build.log, '/tin-tuc/');
    expect(articleLines).toHaveLength(3);
    for (const line of articleLines) expect(line).toContain('(restored)');
    expect(await page(third, '')).toContain('Cổng thông tin điện tử huyện Tháp Mười');
    // Both search bundles are the last build's (the same files, linked from the search cache):
    // nothing Pagefind reads from their pages changed.
    expect(await indexedPages(third)).toBe(3);
    for (const bundle of ['pagefind', 'pagefind-2020-h1']) {
      const [before, after] = await Promise.all([path.join(work, 'dist-2'), third].map((dir) => stat(path.join(dir, bundle, 'pagefind-entry.json'))));
      expect(after!.ino, bundle).toBe(before!.ino);
    }
    const search = await searchSite(third);
    try {
      expect(slugs(await search.find('dang uy'))[0]).toBe('/tin-tuc/bai-1/');
      // Pagefind leaves out of a query the words a bundle does not have, so anh-bi-mat's bundle
      // answers `thap` alone with a loose match: the pages with both words still come first.
      expect(slugs(await search.find('thap muoi')).slice(0, 2).sort()).toEqual(['/tin-tuc/bai-1/', '/tin-tuc/bai-2/']);
    } finally {
      await search.close();
    }
  });

  it('fails with one clear line when the CMS is unreachable', async () => {
    const build = await astroBuild({ CMS_URL: 'http://127.0.0.1:9', SITE_OUT_DIR: path.join(work, 'dist-4') });
    expect(build.code).not.toBe(0);
    // Astro colours the line on a terminal (and under CI=true): the words are what count.
    const errors = stripVTControlCharacters(build.log).split('\n').filter((l) => l.includes('CMS unreachable'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/GET http:\/\/127\.0\.0\.1:9\/api\/.* → ECONNREFUSED after 4 attempts\. Check that Strapi is running and CMS_URL \(http:\/\/127\.0\.0\.1:9\) is right\./);
    expect(existsSync(path.join(work, 'dist-4', 'index.html'))).toBe(false);
  });
});
