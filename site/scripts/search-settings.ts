/**
 * The search index step's settings (index-search.ts), read from the environment in one place so
 * a test can read them from any environment. Plain Node (type stripping).
 */
import os from 'node:os';
import path from 'node:path';

export interface SearchSettings {
  /** The built site: SITE_OUT_DIR (relative to the working directory, as in astro.config.ts), else `dist`. */
  outDir: string;
  /** Articles per Pagefind bundle. */
  bundlePages: number;
  /** Pagefind processes at once. */
  jobs: number;
  /** Where bundles are kept between builds. */
  cacheDir: string;
  /** Index bundles during a full build's render (index-ahead.ts); off, all are indexed after Astro. */
  ahead: boolean;
}

/** Throws, naming the variable, on a setting that is not a whole number ≥ 1. */
export function readSearchSettings(env: NodeJS.ProcessEnv): SearchSettings {
  return {
    outDir: path.resolve(env.SITE_OUT_DIR?.trim() || 'dist'),
    /**
     * 500 pages. Bundles follow publication date, so this is what an edit of an old article
     * re-indexes: at 10,000 articles a year of ~990 pages took 5.0 s of a 16.1 s publish-to-live
     * (scripts/bench/README.md), half a year takes half. It also bounds memory (≈ 0.35 MB a
     * page in Pagefind's indexer: 2,000 pages were 0.7 GB per process). The search page loads
     * bundles newest first, so more of them cost a first search little (site/README.md "Search").
     */
    bundlePages: wholeNumber('SEARCH_BUNDLE_PAGES', env.SEARCH_BUNDLE_PAGES, 500),
    jobs: wholeNumber('SEARCH_INDEX_JOBS', env.SEARCH_INDEX_JOBS, Math.min(2, os.availableParallelism())),
    cacheDir: path.resolve(env.SEARCH_CACHE_DIR?.trim() || path.join('node_modules', '.astro', 'toa-soan', 'search')),
    /**
     * Off unless `true`. At 10,000 articles it took a cold build 7 s less on average (three
     * pairs of runs), a full rebuild after an edit 6.5 s less, and put one Pagefind process and
     * its follower (~0.2–0.3 GB) beside Astro at its peak: 1.9–2.0 GB instead of 1.6–1.75, over
     * the 2 GB goal in one run of four (scripts/bench/README.md, "Search indexed during the
     * render"). Worth it where memory is not the limit.
     */
    ahead: yesNo('SEARCH_INDEX_AHEAD', env.SEARCH_INDEX_AHEAD, false),
  };
}

function yesNo(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false, got "${raw}".`);
}

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  const value = raw?.trim() ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${raw}".`);
  return value;
}
