/**
 * Search bundle membership and reuse (scripts/search-bundles.ts), the page memo (search-pages.ts),
 * the index step on a hard-linked output (index-search.ts) and indexing ahead during the render
 * (index-ahead.ts).
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, vi } from 'vitest';
import { assign, bundleKey, indexedElement, sortDate, type Bundle, type SearchablePage } from '../scripts/search-bundles.ts';
import { INDEXER as PAGEFIND_INDEXER } from '../scripts/search-indexer.ts';
import { describePage, searchablePages } from '../scripts/search-pages.ts';

const articlePage = (body: string, related: string) =>
  `<!DOCTYPE html><html lang="vi"><head><title>Tin</title></head><body><main><div class="layout-2col"><div>` +
  `<article class="article" data-pagefind-body data-pagefind-sort="date:2026-01-02"><h1>Đảng ủy xã họp</h1>${body}</article>` +
  `</div><aside class="related"><ul class="list">${related}</ul></aside></div></main></body></html>`;

describe('indexedElement', () => {
  it('is the data-pagefind-body element alone: related news beside it does not count', () => {
    const before = articlePage('<p>Nội dung.</p>', '<li><article class="card"><a href="/tin-tuc/a/">Tin A</a></article></li>');
    const after = articlePage('<p>Nội dung.</p>', '<li><article class="card"><a href="/tin-tuc/a/">Tin A đã sửa tên</a></article></li>');
    expect(indexedElement(before)).toBe('<article class="article" data-pagefind-body data-pagefind-sort="date:2026-01-02"><h1>Đảng ủy xã họp</h1><p>Nội dung.</p></article>');
    expect(indexedElement(after)).toBe(indexedElement(before));
    expect(indexedElement(articlePage('<p>Nội dung đã sửa.</p>', ''))).not.toBe(indexedElement(before));
  });

  it('finds the matching end tag past elements of the same name inside', () => {
    const html = '<div data-pagefind-body><div><div>a</div></div><div>b</div></div><div>c</div>';
    expect(indexedElement(html)).toBe('<div data-pagefind-body><div><div>a</div></div><div>b</div></div>');
    // <articles> is not <article>.
    expect(indexedElement('<article data-pagefind-body><articles>x</articles></article>')).toBe('<article data-pagefind-body><articles>x</articles></article>');
  });

  it('is the whole page when the element never ends, and null without the mark', () => {
    const broken = '<html><article data-pagefind-body><p>cut off';
    expect(indexedElement(broken)).toBe(broken);
    expect(indexedElement('<html><body><h1>Trang chủ</h1></body></html>')).toBeNull();
  });
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12);
/** `n` pages, one per day back from `last` (ms), files named from `from`. */
const daily = (n: number, last: number, from = 0): SearchablePage[] =>
  Array.from({ length: n }, (_, i) => ({ file: `tin-tuc/bai-${from + i}/index.html`, digest: `d${from + i}`, date: last - i * DAY }));
const periods = (bundles: Bundle[]) => bundles.map((b) => `${b.period}:${b.pages.length}`);
const membership = (bundles: Bundle[]) => new Map(bundles.flatMap((b) => b.pages.map((p) => [p.file, b.period] as const)));
const INDEXER = 'pagefind 1.6.0 --force-language vi';
const keys = (bundles: Bundle[]) => new Map(bundles.map((b) => [b.period, bundleKey(b.pages, INDEXER)]));

describe('sortDate', () => {
  it('reads the date Pagefind sorts by from the indexed element’s start tag', () => {
    expect(sortDate('<article class="article" data-pagefind-body data-pagefind-sort="date:2016-03-04T05:06:07.000Z"><h1>x</h1></article>')).toBe(Date.UTC(2016, 2, 4, 5, 6, 7));
    expect(sortDate('<article data-pagefind-body data-pagefind-sort="weight:2,date:2016-03-04"></article>')).toBe(Date.UTC(2016, 2, 4));
    // A date further in is not the element's own.
    expect(sortDate('<article data-pagefind-body><p data-pagefind-sort="date:2016-03-04"></p></article>')).toBeNull();
    expect(sortDate('<article data-pagefind-body data-pagefind-sort="date:hôm qua"></article>')).toBeNull();
  });
});

describe('assign', () => {
  // Ten years of three articles a day, to the day of NOW.
  const archive = daily(3650 * 3, NOW).map((p, i) => ({ ...p, date: NOW - Math.floor(i / 3) * DAY }));

  it('makes a bundle of each closed year, of the current year’s closed parts, and of the current month, newest first', () => {
    const bundles = assign(archive, 2000, NOW);
    expect(periods(bundles)).toEqual([
      '2026-12:9', '2026-11:90', '2026-10:93', '2026-q3:276', '2026-h1:543',
      '2025:1095', '2024:1098', '2023:1095', '2022:1095', '2021:1095', '2020:1098', '2019:1095', '2018:1095', '2017:1095', '2016:78',
    ]);
    expect(bundles.flatMap((b) => b.pages)).toHaveLength(archive.length);
  });

  it('splits a year above the size into halves, quarters and months', () => {
    const of2025 = (size: number) => periods(assign(archive, size, NOW)).filter((p) => p.startsWith('2025'));
    expect(of2025(1000)).toEqual(['2025-h2:552', '2025-h1:543']);
    expect(of2025(500)).toEqual(['2025-q4:276', '2025-q3:276', '2025-q2:273', '2025-q1:270']);
    expect(of2025(200)).toEqual(['2025-12:93', '2025-11:90', '2025-10:93', '2025-09:90', '2025-08:93', '2025-07:93', '2025-06:90', '2025-05:93', '2025-04:90', '2025-03:93', '2025-02:84', '2025-01:93']);
    for (const bundle of assign(archive, 300, NOW)) expect(bundle.pages.length, bundle.period).toBeLessThanOrEqual(300);
  });

  it('puts new articles in the current month alone, and an old edit touches its own period alone', () => {
    const before = assign(archive, 2000, NOW);
    const burst = daily(20, NOW + 3600_000, 100_000).map((p) => ({ ...p, date: NOW + 3600_000 }));
    const after = assign([...archive, ...burst], 2000, NOW + 2 * 3600_000);
    const [was, now] = [keys(before), keys(after)];
    expect([...now.keys()].filter((period) => now.get(period) !== was.get(period))).toEqual(['2026-12']);
    expect(membership(after).get(burst[0]!.file)).toBe('2026-12');

    const old = archive.findIndex((p) => new Date(p.date!).getUTCFullYear() === 2016);
    const edited = archive.map((p, i) => (i === old ? { ...p, digest: 'edited' } : p));
    const changed = keys(assign(edited, 2000, NOW));
    expect([...changed.keys()].filter((period) => changed.get(period) !== was.get(period))).toEqual(['2016']);
  });

  it('keeps last month’s bundle when a month starts; closed months merge into their quarter when it ends', () => {
    const late = keys(assign(archive, 2000, NOW));
    const nextMonth = keys(assign(archive, 2000, Date.UTC(2026, 11, 31)));
    expect(nextMonth.get('2026-11')).toBe(late.get('2026-11'));
    const newYear = assign(archive, 2000, Date.UTC(2027, 0, 2));
    expect(periods(newYear).slice(0, 2)).toEqual(['2026:1011', '2025:1095']);
  });

  it('splits a current month above `recent` pages into thirds, then days', () => {
    // Ten a day from 1 to 30 December, on the 25th.
    const busy = daily(300, NOW).map((p, i) => ({ ...p, date: Date.UTC(2026, 11, 1 + (i % 30)) }));
    const day25 = Date.UTC(2026, 11, 25, 12);
    expect(periods(assign(busy, 2000, day25))).toEqual(['2026-12:300']);
    expect(periods(assign(busy, 2000, day25, 200))).toEqual(['2026-12-t3:100', '2026-12-t2:100', '2026-12-t1:100']);
    expect(periods(assign(busy, 2000, day25, 50)).slice(0, 3)).toEqual(['2026-12-30:10', '2026-12-29:10', '2026-12-28:10']);
    expect(periods(assign(busy, 2000, day25, 50)).slice(-2)).toEqual(['2026-12-t2:100', '2026-12-t1:100']);
  });

  it('bundles pages without a date by a hash of their path, and leaves out empty bundles', () => {
    const undated = daily(5, NOW).map((p) => ({ ...p, date: null }));
    expect(periods(assign(undated, 2, NOW)).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^undated-\d:\d$/)]));
    expect(assign(undated, 2, NOW).flatMap((b) => b.pages)).toHaveLength(5);
    expect(assign([], 2000, NOW)).toEqual([]);
  });
});

describe('bundleKey', () => {
  it('changes with any page’s indexed content, its path or the indexer, and only then (not with their order)', () => {
    const bundle = daily(3, NOW);
    const key = bundleKey(bundle, INDEXER);
    expect(bundleKey(daily(3, NOW), INDEXER)).toBe(key);
    expect(bundleKey([bundle[0]!, bundle[1]!, { ...bundle[2]!, digest: 'edited' }], INDEXER)).not.toBe(key);
    expect(bundleKey([bundle[0]!, bundle[1]!, { ...bundle[2]!, file: 'tin-tuc/khac/index.html' }], INDEXER)).not.toBe(key);
    expect(bundleKey(bundle, 'pagefind 1.7.0 --force-language vi')).not.toBe(key);
    expect(bundleKey([...bundle].reverse(), INDEXER)).toBe(key);
  });
});

describe('index-ahead.ts', () => {
  it('indexes a bundle once all its pages are written whole and as planned, and the index step then keeps it', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'search-ahead-'));
    try {
      const [out, cache] = [path.join(work, 'out'), path.join(work, 'cache')];
      const plan = path.join(work, 'plan.json');
      const dates = { 'bai-4': '2020-07-11T09:30:00.000Z', 'bai-3': '2018-05-01T00:00:00.000Z', 'bai-2': '2016-09-01T00:00:00.000Z', 'bai-1': '2016-03-04T05:06:07.000Z', 'bai-5': '2015-01-01T00:00:00.000Z' };
      const env = { SITE_OUT_DIR: out, SEARCH_CACHE_DIR: cache, SEARCH_BUNDLE_PAGES: '2000', SITE_SEARCH_PLAN: plan };
      await builtSite(out, []);
      await replacePage(out, 'bai-1', dates['bai-1'], 'Đảng ủy xã họp lần 1');
      // Half written: no end yet.
      const bai2 = path.join(out, 'tin-tuc', 'bai-2', 'index.html');
      await mkdir(path.dirname(bai2), { recursive: true });
      const whole = articlePage('<p>Đảng ủy xã họp lần 2</p>', '').replace('date:2026-01-02', `date:${dates['bai-2']}`);
      await writeFile(bai2, whole.slice(0, whole.indexOf('</p>')));
      // Not the date the plan says: its bundle is left to the index step.
      await replacePage(out, 'bai-3', '2019-05-01T00:00:00.000Z', 'Đảng ủy xã họp lần 3');

      const follower = fork(fileURLToPath(new URL('../scripts/index-ahead.ts', import.meta.url)), [], { env: { ...process.env, ...env } });
      const exited = once(follower, 'exit');
      // Render order, newest first, as the article route writes it.
      await writeFile(plan, JSON.stringify(Object.fromEntries(Object.entries(dates).map(([slug, date]) => [`tin-tuc/${slug}/index.html`, date]))));
      await replacePage(out, 'bai-4', dates['bai-4'], 'Đảng ủy xã họp lần 4');

      const keyOf = async (slugs: string[]) => {
        const pages = await Promise.all(slugs.map(async (slug) => {
          const file = `tin-tuc/${slug}/index.html`;
          return { file, ...describePage(await readFile(path.join(out, file), 'utf8')) } as SearchablePage;
        }));
        return bundleKey(pages, PAGEFIND_INDEXER);
      };
      const kept = (key: string) => existsSync(path.join(cache, key));
      const bundle2020 = await keyOf(['bai-4']);
      await vi.waitFor(() => expect(kept(bundle2020)).toBe(true), { timeout: 20_000, interval: 50 });

      await writeFile(bai2, whole);
      const bundle2016 = await keyOf(['bai-1', 'bai-2']);
      // Made from the whole page: a bundle of the half-written one would have another key.
      await vi.waitFor(() => expect(kept(bundle2016)).toBe(true), { timeout: 20_000, interval: 50 });
      // bai-5 is never written: the follower waits for it until the build is done.
      follower.send('done');
      expect((await exited)[0]).toBe(0);
      // The 2018 bundle was looked at before 2016's (render order) and left alone.
      expect((await readdir(cache)).filter((entry) => entry !== 'pages.json').sort()).toEqual([bundle2016, bundle2020].sort());

      // The pages read ahead are in the page memo: the index step stats them (the home and search
      // pages and the one off the plan it reads).
      expect((await searchablePages(out, path.join(cache, 'pages.json'))).read).toBe(3);

      const entries = async () => Promise.all([bundle2020, bundle2016].map(async (key) => (await stat(path.join(cache, key, 'pagefind-entry.json'))).ino));
      const made = await entries();
      await execa(process.execPath, [fileURLToPath(new URL('../scripts/index-search.ts', import.meta.url))], { env });
      // The index step kept both (the same files, not indexed again) and made the 2019 bundle itself.
      expect(await entries()).toEqual(made);
      expect(JSON.parse(await readFile(path.join(out, 'tim-kiem', 'bundles.json'), 'utf8'))).toEqual({ bundles: ['/pagefind/', '/pagefind-2019/', '/pagefind-2016/'] });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 60_000);
});

/** A tiny built site: the home page and one article page per date given. */
async function builtSite(dir: string, dates: string[]): Promise<void> {
  await mkdir(path.join(dir, 'tim-kiem'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!DOCTYPE html><html lang="vi"><body><h1>Trang chủ</h1></body></html>');
  await writeFile(path.join(dir, 'tim-kiem', 'index.html'), '<!DOCTYPE html><html lang="vi"><body><div id="tim-kiem"></div></body></html>');
  for (const [n, date] of dates.entries()) await replacePage(dir, `bai-${n + 1}`, date, `Đảng ủy xã họp lần ${n + 1}`);
}

/** Writes an article page as a build does: a new file, renamed over any old one (never written in place). */
async function replacePage(dir: string, slug: string, date: string, text: string): Promise<void> {
  const file = path.join(dir, 'tin-tuc', slug, 'index.html');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, articlePage(`<p>${text}</p>`, '').replace('date:2026-01-02', `date:${date}`));
  await rename(`${file}.tmp`, file);
}

/** Every file under `dir` with a digest of its content. */
async function contents(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [path.relative(dir, f), createHash('sha256').update(await readFile(f)).digest('hex')] as const)));
}

describe('searchablePages', () => {
  it('reads each page once: a hard-linked copy is only stat’ed, a replaced or rewritten page is read again', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'search-pages-'));
    try {
      const memo = path.join(work, 'pages.json');
      await builtSite(path.join(work, 'a'), ['2016-03-04T05:06:07.000Z', '2026-01-02T00:00:00.000Z']);
      const first = await searchablePages(path.join(work, 'a'), memo);
      expect(first.read).toBe(4);
      expect(first.pages.map((p) => [p.file, p.date])).toEqual([
        ['tin-tuc/bai-1/index.html', Date.UTC(2016, 2, 4, 5, 6, 7)],
        ['tin-tuc/bai-2/index.html', Date.UTC(2026, 0, 2)],
      ]);

      await execa('cp', ['-al', path.join(work, 'a'), path.join(work, 'b')]);
      const copy = await searchablePages(path.join(work, 'b'), memo);
      expect(copy.read).toBe(0);
      expect(copy.pages).toEqual(first.pages);

      await replacePage(path.join(work, 'b'), 'bai-1', '2016-03-04T05:06:07.000Z', 'Nội dung đã sửa');
      const replaced = await searchablePages(path.join(work, 'b'), memo);
      expect(replaced.read).toBe(1);
      expect(replaced.pages[0]!.digest).not.toBe(first.pages[0]!.digest);
      expect(replaced.pages[1]).toEqual(first.pages[1]);

      // Written in place, same inode and same size: the mtime tells.
      const page2 = path.join(work, 'b', 'tin-tuc', 'bai-2', 'index.html');
      const before = await stat(page2);
      await writeFile(page2, (await readFile(page2, 'utf8')).replace('lần 2', 'lần 9'));
      await utimes(page2, before.atime, new Date(before.mtimeMs + 1000));
      expect((await stat(page2)).ino).toBe(before.ino);
      const rewritten = await searchablePages(path.join(work, 'b'), memo);
      expect(rewritten.read).toBe(1);
      expect(rewritten.pages[1]!.digest).not.toBe(first.pages[1]!.digest);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('index-search.ts', () => {
  const index = (out: string, cache: string) =>
    execa(process.execPath, [fileURLToPath(new URL('../scripts/index-search.ts', import.meta.url))], {
      env: { SITE_OUT_DIR: out, SEARCH_CACHE_DIR: cache, SEARCH_BUNDLE_PAGES: '2000' },
      all: true,
    });

  it('leaves alone the folder whose hard-linked copy it indexes (the live site of a fast rebuild)', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
    try {
      const [live, next, cache] = ['live', 'next', 'cache'].map((d) => path.join(work, d));
      await builtSite(live!, ['2016-03-04T05:06:07.000Z', '2020-07-11T09:30:00.000Z']);
      await index(live!, cache!);
      const liveFiles = await contents(live!);
      expect(JSON.parse(await readFile(path.join(live!, 'tim-kiem', 'bundles.json'), 'utf8'))).toEqual({ bundles: ['/pagefind/', '/pagefind-2016/'] });

      await execa('cp', ['-al', live!, next!]);
      await replacePage(next!, 'bai-9', new Date().toISOString(), 'Bài mới xuất bản');
      await replacePage(next!, 'bai-1', '2016-03-04T05:06:07.000Z', 'Nội dung đã sửa');
      await index(next!, cache!);
      // The next build has its own list and bundles…
      expect(JSON.parse(await readFile(path.join(next!, 'tim-kiem', 'bundles.json'), 'utf8')).bundles).toHaveLength(3);
      // …and every file of the live site is as it was.
      expect(await contents(live!)).toEqual(liveFiles);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 60_000);
});
