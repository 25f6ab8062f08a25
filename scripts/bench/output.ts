/** What a site build left on disk: page, feed, index and image counts, and cache writes. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface BuildOutput {
  htmlFiles: number;
  /** HTML files that carry `data-pagefind-body` (the pages meant for search: articles). */
  searchablePages: number;
  rssFeeds: number;
  /** Pagefind fragments (one per indexed page) in all search bundles; 0 when there is no index. */
  pagefindFragments: number;
  /** Search bundles (`pagefind/`, `pagefind-2016-h2/`, `pagefind-undated-1/`, …: site/scripts/index-search.ts splits archives by date). */
  searchBundles: number;
  /** Image files Astro emitted under _astro/. */
  images: number;
  bytes: number;
}

const IMAGE = /\.(avif|webp|jpe?g|png|gif)$/i;
// Bundle folders are `pagefind` and `pagefind-<period>` (site/scripts/index-search.ts, bundleDir).
const SEARCH_FRAGMENT = /^pagefind(-[\w-]+)?\/fragment$/;
const SEARCH_ENTRY = /^pagefind(-[\w-]+)?\/pagefind-entry\.json$/;

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

export async function inspectOutput(outDir: string): Promise<BuildOutput> {
  const files = await walk(outDir);
  let searchablePages = 0;
  let rssFeeds = 0;
  let bytes = 0;
  for (const file of files) {
    bytes += (await stat(file)).size;
    if (file.endsWith('.html')) {
      if ((await readFile(file, 'utf8')).includes('data-pagefind-body')) searchablePages++;
    } else if (file.endsWith('.xml') && /<rss[\s>]/.test((await readFile(file, 'utf8')).slice(0, 500))) {
      rssFeeds++;
    }
  }
  const relative = files.map((f) => path.relative(outDir, f));
  return {
    htmlFiles: relative.filter((f) => f.endsWith('.html')).length,
    searchablePages,
    rssFeeds,
    pagefindFragments: relative.filter((f) => SEARCH_FRAGMENT.test(f.split(path.sep).slice(0, 2).join('/'))).length,
    searchBundles: relative.filter((f) => SEARCH_ENTRY.test(f.split(path.sep).join('/'))).length,
    images: relative.filter((f) => f.startsWith(`_astro${path.sep}`) && IMAGE.test(f)).length,
    bytes,
  };
}

/** Image files in Astro's asset cache written at or after `since` (ms epoch): re-encodes. */
export async function imageCacheWrites(cacheDir: string, since: number): Promise<{ files: number; writtenSince: number }> {
  const files = (await walk(path.join(cacheDir, 'assets'))).filter((f) => IMAGE.test(f));
  let writtenSince = 0;
  for (const file of files) if ((await stat(file)).mtimeMs >= since) writtenSince++;
  return { files: files.length, writtenSince };
}
