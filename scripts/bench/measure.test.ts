/** Unit tests of the bench's measuring parts: request classes, the build-log phase parser and the output count. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectOutput } from './output';
import { parsePhases } from './phases';
import { classify, summarise, type RecordedRequest } from './proxy';
import { siteBuildSteps } from './site-build';

describe('classify', () => {
  it('tells change-detection listings from content fetches', () => {
    expect(classify('/api/articles?fields[0]=documentId&fields[1]=updatedAt&pagination[page]=1')).toBe('listing');
    expect(classify('/api/articles?fields[0]=title&populate[cover][fields][0]=caption')).toBe('content');
    expect(classify('/api/articles?populate=*')).toBe('content');
    expect(classify('/api/articles?fields[0]=documentId&populate[tags][fields][0]=documentId')).toBe('content');
    expect(classify('/api/site-setting')).toBe('content');
    expect(classify('/api/sync-manifest')).toBe('listing');
    // The cold build's bulk read of whole articles (cms/src/api/site-articles).
    expect(classify('/api/site-articles?pagination[page]=1&pagination[pageSize]=250')).toBe('content');
    expect(classify('/uploads/anh_01_abc.jpg')).toBe('media');
    expect(classify('/_health')).toBe('other');
  });
});

describe('summarise', () => {
  it('adds up requests and bytes per kind and measures the window', () => {
    const r = (url: string, start: number, end: number, bytes: number): RecordedRequest => ({
      method: 'GET',
      url,
      kind: classify(url),
      status: 200,
      bytes,
      start,
      end,
    });
    const summary = summarise([
      r('/api/articles?fields[0]=documentId&fields[1]=updatedAt', 1000, 1100, 50),
      r('/api/articles?populate=*', 1050, 2500, 900),
      r('/uploads/a.jpg', 3000, 3100, 5000),
    ], ['content', 'listing']);
    expect(summary).toMatchObject({ requests: 2, bytes: 950, seconds: 1.5, errors: 0 });
    expect(summary.byKind.listing).toEqual({ requests: 1, bytes: 50 });
    expect(summary.byPath).toEqual({ '/api/articles': 2 });
  });
});

describe('parsePhases', () => {
  const log = [
    [100, '> astro build --config x'],
    [1800, '20:03:47 [content] Syncing content'],
    [2400, '20:03:48 [strapi-articles] /api/articles: 300 published, 300 fetched, 0 removed, 0 left out (6 requests)'],
    [2500, '20:03:48 [content] Synced content'],
    [2600, '20:03:48 [build] Building static entrypoints...'],
    [3100, ' generating static routes '],
    [3200, '20:03:49   ├─ /tin-tuc/a/index.html (+2ms) '],
    // Pages in flight together, one reused from the incremental build's cache.
    [3250, '20:03:49   ├─ /tin-tuc/b/index.html ├─ /tin-tuc/c/index.html (restored)'],
    [3260, '(+3ms) '],
    [3300, '20:03:49   ├─ /chuyen-muc/kinh-te/rss.xml (+35ms) '],
    [3400, '20:03:49   └─ /rss.xml (+1.20s) '],
    [4600, '20:03:50 ✓ Completed in 1.44s.'],
    [4600, ' generating optimized images '],
    [4700, '20:03:50   ▶ /_astro/a.jpeg (before: 502kB, after: 28kB) (+91ms) (1/3)'],
    [4800, '20:03:50   ▶ /_astro/a.webp (reused cache entry) (+2ms) (2/3)'],
    [4900, '20:03:50   ▶ /_astro/a.avif (revalidated cache entry) (+2ms) (3/3)'],
    // Bundles indexed while Astro builds (site/scripts/index-ahead.ts), before Astro's last lines.
    [9500, '[search-ahead] 2 of 3 bundles indexed, 0 found kept from an earlier build, 1 left to the index step.'],
    [9600, '20:03:55 ✓ Completed in 5s.'],
    [9700, '20:03:55 [@astrojs/sitemap] `sitemap-index.xml` created'],
    [9800, '20:03:55 [build] 432 page(s) built in 9.8s'],
    [9800, '20:03:55 [build] Complete!'],
    // The site's build script indexes once Astro has exited: `astro build && node scripts/index-search.ts`.
    [10100, '[pagefind] Indexing /out …'],
    [10600, '[pagefind] Indexed 432 pages into /out/pagefind in 0.5 s'],
  ].map(([t, text]) => ({ t: t as number, text: text as string }));

  it('finds every phase from Astro\'s own lines', () => {
    expect(parsePhases(log)).toEqual({
      startupSeconds: 1.8,
      contentSyncSeconds: 0.7,
      bundleSeconds: 0.5,
      renderSeconds: 1.5,
      rssSeconds: 1.235,
      rssRoutes: 2,
      imagesSeconds: 5,
      imagesEncoded: 1,
      imagesReused: 1,
      imagesRevalidated: 1,
      pagefindSeconds: 0.8,
      searchAhead: { indexed: 2, planned: 3 },
      routes: 5,
      reusedRoutes: 1,
      pages: 432,
      loaderReports: ['/api/articles: 300 published, 300 fetched, 0 removed, 0 left out (6 requests)'],
    });
  });

  it('leaves a phase null when its markers are missing', () => {
    const phases = parsePhases(log.filter((l) => !l.text.includes('optimized images') && !l.text.includes('pagefind')));
    expect(phases.pagefindSeconds).toBeNull();
    expect(phases.imagesSeconds).toBeNull();
    expect(parsePhases(log.filter((l) => !l.text.includes('search-ahead'))).searchAhead).toBeNull();
  });
});

describe('siteBuildSteps', () => {
  it('splits the build script into the astro build and the node steps after it', () => {
    expect(siteBuildSteps('astro build && node scripts/index-search.ts')).toEqual({ astroArgs: ['build'], nodeSteps: [['scripts/index-search.ts']] });
    expect(siteBuildSteps('astro build --silent')).toEqual({ astroArgs: ['build', '--silent'], nodeSteps: [] });
  });

  it('refuses what it could not measure step by step', () => {
    for (const script of ['vite build', 'astro build; node x.ts', 'astro build && pagefind --site dist', 'astro build & node x.ts', undefined]) {
      expect(() => siteBuildSteps(script)).toThrow(/must be `astro build …`/);
    }
  });
});

describe('inspectOutput', () => {
  it('counts the pages and bundles of every search bundle, date-named ones included', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'bench-output-'));
    try {
      const files = [
        'pagefind/pagefind-entry.json',
        'pagefind/fragment/a.pf_fragment',
        'pagefind-2016-h2/pagefind-entry.json',
        'pagefind-2016-h2/fragment/b.pf_fragment',
        'pagefind-2016-h2/fragment/c.pf_fragment',
        'pagefind-undated-1/pagefind-entry.json',
        'pagefind-undated-1/fragment/d.pf_fragment',
        // Not a bundle: a page whose address starts like one.
        'pagefind-tips/index.html',
      ];
      for (const file of files) {
        await mkdir(path.dirname(path.join(out, file)), { recursive: true });
        await writeFile(path.join(out, file), '');
      }
      const output = await inspectOutput(out);
      expect(output.searchBundles).toBe(3);
      expect(output.pagefindFragments).toBe(4);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
