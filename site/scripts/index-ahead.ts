/**
 * Indexes search bundles while Astro is still rendering a full build, on the core its render
 * leaves idle (scripts/bench/README.md: ~31 s of it at 10,000 articles). Forked by the
 * search-ahead integration (search-ahead.ts) at the start of the build, told `done` at its end.
 *
 * The article route writes the build's search plan (src/lib/search-plan.ts: the article pages in
 * render order, each with its search date) before Astro renders. From it this assigns the bundles
 * exactly as index-search.ts will (search-bundles.ts `assign`), and as soon as every page of a
 * bundle is written (its file ends in `</html>`) reads them, computes the bundle's key and, unless
 * the cache already keeps it, indexes it into the cache (search-indexer.ts `makeBundle`), one
 * bundle at a time. The index step after Astro (index-search.ts) then finds those bundles kept and
 * only links them. It stays the one that decides: it reads every page itself, so a bundle made
 * here from a wrong plan or a page written again is simply not used.
 *
 * Stops at `done` (once the bundle under way is kept) or when Astro's process goes away (ending
 * the Pagefind process under way). Plain Node (type stripping).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assign, bundleKey, type Bundle } from './search-bundles.ts';
import { INDEXER, makeBundle, stopIndexing } from './search-indexer.ts';
import { describePage, PAGE_MEMO, rememberPages } from './search-pages.ts';
import { readSearchSettings } from './search-settings.ts';

/** How often written pages are looked for. */
const POLL_MS = 200;

// Only the core Astro leaves idle: at equal priority Pagefind (~1.4 cores) took CPU from the
// render and the net gain was a few seconds (scripts/bench/README.md). Pagefind inherits it.
os.setPriority(19);

const { outDir, bundlePages, cacheDir } = readSearchSettings(process.env);
const planFile = process.env.SITE_SEARCH_PLAN;
const log = (text: string) => console.log(`[search-ahead] ${text}`);

let stopping = false;
process.on('message', (message) => {
  if (message === 'done') stopping = true;
});
process.on('disconnect', () => {
  // Astro's process is gone (a failed build): nothing it was building will be used.
  stopping = true;
  stopIndexing();
});

/** The plan once the article route has written it; null if the build ends first. */
async function readPlan(): Promise<Record<string, string> | null> {
  while (!stopping) {
    const text = await readFile(planFile!, 'utf8').catch(() => null);
    if (text !== null) return JSON.parse(text) as Record<string, string>;
    await sleep(POLL_MS);
  }
  return null;
}

/** The bundles of the plan, in the order Astro finishes writing them (it renders in the plan's order). */
function plannedBundles(plan: Record<string, string>): Bundle[] {
  const files = Object.keys(plan);
  const position = new Map(files.map((file, n) => [file, n]));
  const bundles = assign(files.map((file) => ({ file, digest: '', date: Date.parse(plan[file]!) })), bundlePages, Date.now());
  const last = (b: Bundle) => b.pages.reduce((max, page) => Math.max(max, position.get(page.file)!), 0);
  return bundles.map((b) => ({ bundle: b, last: last(b) })).sort((a, b) => a.last - b.last).map((b) => b.bundle);
}

/** What was read of each page once it was written whole and as planned; the index step's page memo gets it at the end. */
const learnt = new Map<string, { digest: string; date: number | null }>();

/** Whether all of `bundle`'s pages are written; false for good if one is not what the plan said. */
async function written(bundle: Bundle): Promise<boolean | 'unplanned'> {
  for (const page of bundle.pages) {
    if (learnt.has(page.file)) continue;
    const html = await readFile(path.join(outDir, page.file), 'utf8').catch(() => null);
    if (html === null || !html.trimEnd().endsWith('</html>')) return false;
    const { digest, date } = describePage(html);
    if (digest === null || date !== page.date) return 'unplanned';
    learnt.set(page.file, { digest, date });
  }
  return true;
}

if (!planFile) {
  log('SITE_SEARCH_PLAN is not set: nothing to follow.');
  process.exit(1);
}
const plan = await readPlan();
const pending = plan ? plannedBundles(plan) : [];
const total = pending.length;
let made = 0;
let kept = 0;
// A sibling of the output, so hard links stay on one device; removed whatever happens.
const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-ahead-`));
try {
  while (pending.length > 0 && !stopping) {
    let next = -1;
    for (let n = 0; n < pending.length && next < 0; n += 1) {
      const state = await written(pending[n]!);
      if (state === 'unplanned') {
        log(`Bundle ${pending[n]!.period}: a page differs from the plan; left to the index step.`);
        pending.splice(n, 1);
        n -= 1;
      } else if (state) next = n;
    }
    if (next < 0) {
      await sleep(POLL_MS);
      continue;
    }
    const [bundle] = pending.splice(next, 1) as [Bundle];
    const key = bundleKey(bundle.pages.map((p) => ({ ...p, digest: learnt.get(p.file)!.digest })), INDEXER);
    if (existsSync(path.join(cacheDir, key))) {
      kept += 1;
      continue;
    }
    const started = performance.now();
    await makeBundle(outDir, bundle.pages.map((p) => p.file), cacheDir, key, staging, `ahead-${bundle.period}`);
    made += 1;
    log(`Bundle ${bundle.period}: ${bundle.pages.length} pages indexed while Astro builds (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  log(`${made} of ${total} bundles indexed, ${kept} found kept from an earlier build, ${pending.length} left to the index step.`);
  // The index step reads every page of the build: those read here it need only `stat`.
  await rememberPages(outDir, path.join(cacheDir, PAGE_MEMO), learnt);
} catch (error) {
  // The index step makes whatever is missing; this only loses time.
  if (!stopping) log(`Stopped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await rm(staging, { recursive: true, force: true });
}
process.disconnect?.();
