/**
 * Builds the Pagefind search bundles of a built site. The site's `build` script runs it after
 * `astro build` has exited (`astro build && node scripts/index-search.ts`), so Pagefind's memory
 * and Astro's are never resident together.
 *
 * Pagefind's indexer holds every page's words until it writes the index: ≈ 0.35 MB per article,
 * 3.5 GB at 10,000 articles, whatever its options. So the articles are split into bundles of at
 * most SEARCH_BUNDLE_PAGES pages, each indexed by its own Pagefind process that exits before the
 * next starts: memory is bounded by the bundle size, not by the archive. The first bundle is
 * `<out>/pagefind/` (the UI's scripts come from there), the others `<out>/pagefind-2/`, … and
 * `<out>/tim-kiem/bundles.json` lists them for the search page, which merges them in the browser
 * (Pagefind's `mergeIndex`); a site under the bundle size gets one bundle, as before.
 *
 * The output folder is SITE_OUT_DIR (relative to the working directory, as in astro.config.ts),
 * else `dist`. Only pages marked `data-pagefind-body` (articles) are indexed.
 * Plain Node (type stripping): run with `node`, no other imports than Pagefind.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

const outDir = path.resolve(process.env.SITE_OUT_DIR?.trim() || 'dist');
if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`[pagefind] No built site in ${outDir} (no index.html): run astro build first, with the same SITE_OUT_DIR.`);
  process.exit(1);
}

/** Pages per bundle: ≈ 0.9 GB of indexer memory at 2,500 articles of the bench's length. */
const bundlePages = Number(process.env.SEARCH_BUNDLE_PAGES?.trim() || 2500);
if (!Number.isInteger(bundlePages) || bundlePages < 1) {
  console.error(`[pagefind] SEARCH_BUNDLE_PAGES must be a whole number ≥ 1, got "${process.env.SEARCH_BUNDLE_PAGES}".`);
  process.exit(1);
}

// Pagefind's Linux binary allocates with jemalloc, which keeps freed pages for reuse; handing them
// back at once lowered its peak by ~17 % at 1,000 articles (428 → 357 MB) at no measured cost in
// time. The service inherits this environment; other platforms' binaries ignore the variable.
process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:0,muzzy_decay_ms:0';

/** Where the search page finds the list of bundles (read by public/js/search.js). */
const BUNDLE_LIST = path.join('tim-kiem', 'bundles.json');
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const bundleDir = (n: number) => (n === 0 ? 'pagefind' : `pagefind-${n + 1}`);

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

/** Splits `items` into the fewest chunks of at most `size`, as even as possible. */
function chunk<T>(items: T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const per = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * per, (i + 1) * per));
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One bundle, in a Pagefind process of its own that is gone when this returns. */
async function writeBundle(files: string[], outputPath: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    await mapLimited(files, 8, async (sourcePath) => {
      const added = await index.addHTMLFile({ sourcePath, content: await readFile(path.join(outDir, sourcePath), 'utf8') });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
    });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return files.length;
  } finally {
    await pagefind.close();
  }
}

const started = performance.now();
console.log(`[pagefind] Indexing ${outDir} …`);
try {
  const pages = await searchablePages(outDir);
  const bundles = chunk(pages, bundlePages);
  // Bundles of an earlier, larger build in the same folder would otherwise stay listed nowhere but linger.
  for (const entry of await readdir(outDir)) if (/^pagefind(-\d+)?$/.test(entry)) await rm(path.join(outDir, entry), { recursive: true });
  const paths: string[] = [];
  for (const [n, files] of bundles.entries()) {
    await writeBundle(files, path.join(outDir, bundleDir(n)));
    paths.push(`/${bundleDir(n)}/`);
    console.log(`[pagefind] Bundle ${n + 1}/${bundles.length}: ${count(files.length, 'page')} into /${bundleDir(n)}/`);
  }
  await writeFile(path.join(outDir, BUNDLE_LIST), `${JSON.stringify({ bundles: paths })}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[pagefind] Indexed ${count(pages.length, 'page')} into ${count(paths.length, 'bundle')} in ${seconds} s`);
} catch (error) {
  console.error(`[pagefind] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
