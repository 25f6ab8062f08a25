/**
 * Builds the Pagefind search bundles of a built site. The site's `build` script runs it after
 * `astro build` has exited (`astro build && node scripts/index-search.ts`), so Pagefind's memory
 * and Astro's are never resident together.
 *
 * Pagefind's indexer holds every page's words until it writes the index: ≈ 0.35 MB per article
 * (3.5 GB at 10,000 articles), whatever its options. So the articles are split into bundles of at
 * most SEARCH_BUNDLE_PAGES pages, each indexed by a Pagefind process of its own, SEARCH_INDEX_JOBS
 * at a time (two by default: a process keeps ~1.3 cores busy): memory is bounded by bundle size ×
 * jobs, not by the archive. The first bundle is `<out>/pagefind/` (the search page's scripts come
 * from there), the others `<out>/pagefind-2/`, …, and `<out>/tim-kiem/bundles.json` lists them for
 * the search page, which merges them in the browser (Pagefind's `mergeIndex`); a site under the
 * bundle size gets one bundle.
 *
 * Each process runs Pagefind's own CLI on a staging folder holding hard links to its bundle's
 * pages, so URLs come out exactly as for the whole site.
 *
 * The output folder is SITE_OUT_DIR (relative to the working directory, as in astro.config.ts),
 * else `dist`. Only pages marked `data-pagefind-body` (articles) are indexed.
 * Plain Node (type stripping): run with `node`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = path.resolve(process.env.SITE_OUT_DIR?.trim() || 'dist');
if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`[pagefind] No built site in ${outDir} (no index.html): run astro build first, with the same SITE_OUT_DIR.`);
  process.exit(1);
}

function setting(name: string, raw: string | undefined, fallback: number): number {
  const value = raw?.trim() ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`[pagefind] ${name} must be a whole number ≥ 1, got "${raw}".`);
    process.exit(1);
  }
  return value;
}
/**
 * 2,000 pages: ≈ 0.7 GB per process at the bench's article length (1,400 words). Measured at
 * 10,000 articles, 2 at a time: 6 bundles took 41 s with two processes of 0.69 GB; 4 took 39 s
 * but with two of 1.04 GB; one process for everything 55 s and 3.4 GB.
 */
const bundlePages = setting('SEARCH_BUNDLE_PAGES', process.env.SEARCH_BUNDLE_PAGES, 2000);
const jobs = setting('SEARCH_INDEX_JOBS', process.env.SEARCH_INDEX_JOBS, Math.min(2, os.availableParallelism()));

/** Pagefind's CLI (what `npx pagefind` runs): it picks the binary for this platform. */
const PAGEFIND_CLI = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
/** Where the search page finds the list of bundles (read by public/js/search.js). */
const BUNDLE_LIST = path.join('tim-kiem', 'bundles.json');
const bundleDir = (n: number) => (n === 0 ? 'pagefind' : `pagefind-${n + 1}`);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** HTML files under `dir` (relative paths, sorted) whose page marks a `data-pagefind-body`. */
async function searchablePages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const html = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const marked = await mapLimited(html, 16, async (file) => ((await readFile(path.join(dir, file), 'utf8')).includes('data-pagefind-body') ? file : null));
  return marked.filter((f): f is string => f !== null);
}

/**
 * Splits `items` into the fewest chunks of at most `size`, as even as possible, and more than
 * one chunk into a multiple of `jobs`, so the last round does not run alone.
 */
function chunk<T>(items: T[], size: number, jobs: number): T[][] {
  const fewest = Math.ceil(items.length / size);
  const chunks = Math.min(items.length, fewest <= 1 ? fewest : Math.ceil(fewest / jobs) * jobs);
  // The first `extra` chunks take one item more.
  const base = Math.floor(items.length / chunks);
  const extra = items.length % chunks;
  const start = (i: number) => i * base + Math.min(i, extra);
  return Array.from({ length: chunks }, (_, i) => items.slice(start(i), start(i + 1)));
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A folder with `files` of the site at their own relative paths: hard links, copies across devices. */
async function stage(files: string[], dir: string): Promise<void> {
  await mapLimited(files, 32, async (file) => {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await link(path.join(outDir, file), target).catch(() => copyFile(path.join(outDir, file), target));
  });
}

function runPagefind(site: string, output: string): Promise<void> {
  const args = [PAGEFIND_CLI, '--site', site, '--output-path', output, '--force-language', 'vi', '--quiet'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve();
      const said = `${stderr}\n${stdout}`.trim().split('\n').slice(-5).join(' / ');
      reject(new Error(`Pagefind failed on ${output} (${error.message.split('\n')[0]}): ${said}`));
    });
  });
}

const started = performance.now();
console.log(`[pagefind] Indexing ${outDir} …`);
// A sibling of the output, so hard links stay on one device; removed whatever happens.
const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-search-`));
try {
  const pages = await searchablePages(outDir);
  const bundles = chunk(pages, bundlePages, jobs);
  // Bundles of an earlier, larger build in the same folder would otherwise linger unlisted.
  for (const entry of await readdir(outDir)) if (/^pagefind(-\d+)?$/.test(entry)) await rm(path.join(outDir, entry), { recursive: true });
  await mapLimited(bundles, jobs, async (files, n) => {
    const site = path.join(staging, String(n + 1));
    await stage(files, site);
    await runPagefind(site, path.join(outDir, bundleDir(n)));
    await rm(site, { recursive: true, force: true });
    console.log(`[pagefind] Bundle ${n + 1}/${bundles.length}: ${count(files.length, 'page')} into /${bundleDir(n)}/`);
  });
  // A portal without articles yet has no bundle; the search page says so.
  if (bundles.length === 0) console.log('[pagefind] No page is marked data-pagefind-body: no search bundle.');
  const paths = bundles.map((_, n) => `/${bundleDir(n)}/`);
  await writeFile(path.join(outDir, BUNDLE_LIST), `${JSON.stringify({ bundles: paths })}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[pagefind] Indexed ${count(pages.length, 'page')} into ${count(paths.length, 'bundle')} (${jobs} at a time) in ${seconds} s`);
} catch (error) {
  console.error(`[pagefind] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await rm(staging, { recursive: true, force: true });
}
