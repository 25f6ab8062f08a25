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
 * Bundles are kept between builds in SEARCH_CACHE_DIR (default: Astro's default cache folder,
 * `node_modules/.astro/toa-soan/search`, from the working directory) under a digest of what
 * Pagefind reads from their pages, and linked into the output when nothing of theirs changed. A
 * page belongs to a bundle by a hash of its path, so an edit touches one bundle, and what Pagefind
 * reads is the page's `data-pagefind-body` element alone (all our pages put their title, meta and
 * filters inside it): a changed "related news" list elsewhere on the page does not count. At
 * 10,000 articles a rebuild after one edit re-indexes one bundle of six instead of all of them.
 *
 * The output folder is SITE_OUT_DIR (relative to the working directory, as in astro.config.ts),
 * else `dist`. Only pages marked `data-pagefind-body` (articles) are indexed.
 * Plain Node (type stripping): run with `node`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import pMap from 'p-map';
import { assign, bundleCount, bundleKey, indexedElement, type SearchablePage } from './search-bundles.ts';
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

/** Pagefind's CLI (what `npx pagefind` runs): it picks the binary for this platform. */
const PAGEFIND_CLI = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
const PAGEFIND_ARGS = ['--force-language', 'vi', '--quiet'];
const PAGEFIND_VERSION = (JSON.parse(await readFile(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;
/** Where the search page finds the list of bundles (read by public/js/search.js). */
const BUNDLE_LIST = path.join('tim-kiem', 'bundles.json');
const bundleDir = (n: number) => (n === 0 ? 'pagefind' : `pagefind-${n + 1}`);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** HTML files under `dir` (relative paths, sorted) whose page marks a `data-pagefind-body`. */
async function searchablePages(dir: string): Promise<SearchablePage[]> {
  const html = (await filesUnder(dir)).filter((file) => file.endsWith('.html')).sort();
  const pages = await pMap(html, async (file): Promise<SearchablePage | null> => {
    const text = await readFile(path.join(dir, file), 'utf8');
    const indexed = indexedElement(text);
    return indexed === null ? null : { file, digest: createHash('sha256').update(indexed).digest('base64url') };
  }, { concurrency: 16 });
  return pages.filter((p): p is SearchablePage => p !== null);
}

/** `files` (paths relative to `from`) at the same paths under `to`: hard links, copies across devices. */
async function linkFiles(from: string, files: string[], to: string): Promise<void> {
  await pMap(files, async (file) => {
    const target = path.join(to, file);
    await mkdir(path.dirname(target), { recursive: true });
    await link(path.join(from, file), target).catch(() => copyFile(path.join(from, file), target));
  }, { concurrency: 32 });
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

async function runPagefind(site: string, output: string): Promise<void> {
  const run = await execa(process.execPath, [PAGEFIND_CLI, '--site', site, '--output-path', output, ...PAGEFIND_ARGS], { reject: false, all: true });
  if (run.failed) {
    const said = run.all.trim().split('\n').slice(-5).join(' / ');
    throw new Error(`Pagefind failed on ${output} (exit ${run.exitCode ?? run.signal}): ${said}`);
  }
}

const started = performance.now();
console.log(`[pagefind] Indexing ${outDir} …`);
// A sibling of the output, so hard links stay on one device; removed whatever happens.
const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-search-`));
try {
  const pages = await searchablePages(outDir);
  const bundles = assign(pages, bundleCount(pages.length, bundlePages, jobs));
  const keys = bundles.map((pages) => bundleKey(pages, `${PAGEFIND_VERSION}\n${PAGEFIND_ARGS.join(' ')}`));
  // Bundles of an earlier, larger build in the same folder would otherwise linger unlisted.
  for (const entry of await readdir(outDir)) if (/^pagefind(-\d+)?$/.test(entry)) await rm(path.join(outDir, entry), { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  let reused = 0;
  await pMap(bundles, async (files, n) => {
    const kept = path.join(cacheDir, keys[n]!);
    const unchanged = existsSync(kept);
    if (unchanged) {
      reused++;
    } else {
      const site = path.join(staging, String(n + 1));
      // Renamed into place only once complete: a kept bundle is always a whole one.
      const fresh = path.join(cacheDir, `.new-${process.pid}-${n}`);
      await rm(fresh, { recursive: true, force: true });
      // A staging folder of the bundle's pages, so URLs come out as for the whole site.
      await linkFiles(outDir, files.map((p) => p.file), site);
      await runPagefind(site, fresh);
      await rm(site, { recursive: true, force: true });
      await rename(fresh, kept).catch(() => rm(fresh, { recursive: true, force: true }));
    }
    await linkFiles(kept, await filesUnder(kept), path.join(outDir, bundleDir(n)));
    console.log(`[pagefind] Bundle ${n + 1}/${bundles.length}: ${count(files.length, 'page')} into /${bundleDir(n)}/${unchanged ? ' (unchanged, kept from the last build)' : ''}`);
  }, { concurrency: jobs });
  // Only this build's bundles stay (the cache holds one index, whatever the history), and
  // unfinished ones only while the build making them runs.
  const current = new Set(keys);
  for (const entry of await readdir(cacheDir)) {
    const maker = /^\.new-(\d+)-/.exec(entry)?.[1];
    if (current.has(entry) || (maker && running(Number(maker)))) continue;
    await rm(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  // A portal without articles yet has no bundle; the search page says so.
  if (bundles.length === 0) console.log('[pagefind] No page is marked data-pagefind-body: no search bundle.');
  const paths = bundles.map((_, n) => `/${bundleDir(n)}/`);
  await writeFile(path.join(outDir, BUNDLE_LIST), `${JSON.stringify({ bundles: paths })}\n`);
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
