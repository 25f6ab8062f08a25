/**
 * Builds the Pagefind search bundles of a built site. The site's `build` script runs it after
 * `astro build` has exited (`astro build && … && node scripts/index-search.ts`). With
 * SEARCH_INDEX_AHEAD=true most bundles of a full build were already made while Astro rendered
 * (index-ahead.ts): this finds them kept.
 *
 * Pagefind's indexer holds every page's words until it writes the index: ≈ 0.35 MB per article
 * (3.5 GB at 10,000 articles), whatever its options. So the articles are split into bundles of at
 * most SEARCH_BUNDLE_PAGES pages, each indexed by a Pagefind process of its own, SEARCH_INDEX_JOBS
 * at a time (two by default: a process keeps ~1.3 cores busy): memory is bounded by bundle size ×
 * jobs, not by the archive. Each process runs Pagefind's binary on a staging folder holding hard
 * links to its bundle's pages, so URLs come out exactly as for the whole site.
 *
 * Bundles are periods of publication date (search-bundles.ts `assign`): a year, or its parts
 * when it holds more than SEARCH_BUNDLE_PAGES, and the current month apart. A closed period keeps
 * its pages as the archive grows, so a new article re-indexes the current month's bundle and an
 * edit of a 2016 article a bundle of 2016. The newest bundle is `<out>/pagefind/` (the search
 * page's scripts come from there), the others `<out>/pagefind-<period>/` (`pagefind-2016`,
 * `pagefind-2026-q3`, …), and `<out>/tim-kiem/bundles.json` lists them, newest first, for the
 * search page, which merges them in the browser (Pagefind's `mergeIndex`).
 *
 * Bundles are kept between builds in SEARCH_CACHE_DIR (default: Astro's default cache folder,
 * `node_modules/.astro/toa-soan/search`, from the working directory) under a digest of what
 * Pagefind reads from their pages, and linked into the output when nothing of theirs changed.
 * What Pagefind reads is the page's `data-pagefind-body` element alone (all our pages put their
 * title, meta and filters inside it): a changed "related news" list elsewhere on the page does not
 * count. Each page's digest and date are memoised in the same folder by file identity
 * (search-pages.ts), so the pages of a hard-linked copy of the last build are only `stat`ed.
 *
 * The output folder may be such a copy, its files shared with the live site: nothing in it is
 * written in place. A `pagefind*` folder that is not already a link copy of its kept bundle is
 * removed (unlinked) and linked anew, and `bundles.json` is replaced by a rename.
 *
 * The output folder is SITE_OUT_DIR (relative to the working directory, as in astro.config.ts),
 * else `dist`. Only pages marked `data-pagefind-body` (articles) are indexed.
 * Plain Node (type stripping): run with `node`.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { assign, bundleKey } from './search-bundles.ts';
import { INDEXER, linkFiles, makeBundle } from './search-indexer.ts';
import { PAGE_MEMO, searchablePages } from './search-pages.ts';
import { readSearchSettings, type SearchSettings } from './search-settings.ts';

let settings: SearchSettings;
try {
  settings = readSearchSettings(process.env);
} catch (error) {
  console.error(`[pagefind] ${(error as Error).message}`);
  process.exit(1);
}
const { outDir, bundlePages, jobs, cacheDir } = settings;
if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`[pagefind] No built site in ${outDir} (no index.html): run astro build first, with the same SITE_OUT_DIR.`);
  process.exit(1);
}

/** Where the search page finds the list of bundles (read by public/js/search.js). */
const BUNDLE_LIST = path.join('tim-kiem', 'bundles.json');
/** The newest bundle's directory is `pagefind`: the search page's scripts come from the first listed. */
const bundleDir = (n: number, period: string) => (n === 0 ? 'pagefind' : `pagefind-${period}`);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A bundle's entry file, which its folder in the output gets last. */
const ENTRY = 'pagefind-entry.json';

/** Whether `dir` is a whole hard-linked copy of the kept bundle `kept`: it has the entry file, linked last, of that bundle. */
async function linkedFrom(dir: string, kept: string): Promise<boolean> {
  const [mine, theirs] = await Promise.all([stat(path.join(dir, ENTRY)).catch(() => null), stat(path.join(kept, ENTRY))]);
  return mine !== null && mine.dev === theirs.dev && mine.ino === theirs.ino;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const started = performance.now();
console.log(`[pagefind] Indexing ${outDir} …`);
// A sibling of the output, so hard links stay on one device; removed whatever happens.
const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-search-`));
try {
  await mkdir(cacheDir, { recursive: true });
  const { pages, read, html } = await searchablePages(outDir, path.join(cacheDir, PAGE_MEMO));
  const bundles = assign(pages, bundlePages, Date.now());
  const keys = bundles.map((b) => bundleKey(b.pages, INDEXER));
  console.log(`[pagefind] ${count(html, 'HTML file')}, ${read} read (the others unchanged since the last build), ${count(pages.length, 'article')}`);
  // Bundles of an earlier build in the same folder would otherwise linger unlisted. Removing
  // unlinks: the live site, of which the output may be a hard-linked copy, keeps its own.
  const dirs = new Set(bundles.map((b, n) => bundleDir(n, b.period)));
  for (const entry of await readdir(outDir)) if (/^pagefind(-[\w-]+)?$/.test(entry) && !dirs.has(entry)) await rm(path.join(outDir, entry), { recursive: true });
  let reused = 0;
  await pMap(bundles, async ({ period, pages: files }, n) => {
    const kept = path.join(cacheDir, keys[n]!);
    const unchanged = existsSync(kept);
    if (unchanged) {
      reused++;
    } else {
      await makeBundle(outDir, files.map((p) => p.file), cacheDir, keys[n]!, staging, String(n + 1));
    }
    const target = path.join(outDir, bundleDir(n, period));
    // A hard-linked copy of the last build holds most bundles already: 11,000 files at 10,000
    // articles, 2 s to unlink and link again.
    if (!(await linkedFrom(target, kept))) {
      await rm(target, { recursive: true, force: true });
      const files = await filesUnder(kept);
      await linkFiles(kept, files.filter((f) => f !== ENTRY), target);
      await linkFiles(kept, [ENTRY], target);
    }
    console.log(`[pagefind] Bundle ${n + 1}/${bundles.length} (${period}): ${count(files.length, 'page')} into /${bundleDir(n, period)}/${unchanged ? ' (unchanged, kept from the last build)' : ''}`);
  }, { concurrency: jobs });
  // Only this build's bundles stay (the cache holds one index, whatever the history), and
  // unfinished ones only while the build making them runs.
  const current = new Set(keys);
  for (const entry of await readdir(cacheDir)) {
    const maker = /^\.new-(\d+)-/.exec(entry)?.[1];
    if (current.has(entry) || entry === PAGE_MEMO || (maker && running(Number(maker)))) continue;
    await rm(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  // A portal without articles yet has no bundle; the search page says so.
  if (bundles.length === 0) console.log('[pagefind] No page is marked data-pagefind-body: no search bundle.');
  const paths = bundles.map((b, n) => `/${bundleDir(n, b.period)}/`);
  // Replaced, never written in place: in a hard-linked copy it is the live site's file too.
  const list = path.join(outDir, BUNDLE_LIST);
  await writeFile(`${list}.${process.pid}`, `${JSON.stringify({ bundles: paths })}\n`);
  await rename(`${list}.${process.pid}`, list);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[pagefind] Indexed ${count(pages.length, 'page')} into ${count(paths.length, 'bundle')} (${jobs} at a time) in ${seconds} s: ${bundles.length - reused} indexed, ${reused} unchanged since the last build`,
  );
} catch (error) {
  console.error(`[pagefind] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await rm(staging, { recursive: true, force: true });
}
