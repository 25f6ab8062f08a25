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
}

/** Throws, naming the variable, on a setting that is not a whole number ≥ 1. */
export function readSearchSettings(env: NodeJS.ProcessEnv): SearchSettings {
  return {
    outDir: path.resolve(env.SITE_OUT_DIR?.trim() || 'dist'),
    /**
     * 2,000 pages: ≈ 0.7 GB per process at the bench's article length (1,400 words). Measured at
     * 10,000 articles, 2 at a time: 6 bundles took 41 s with two processes of 0.69 GB; 4 took 39 s
     * but with two of 1.04 GB; one process for everything 55 s and 3.4 GB.
     */
    bundlePages: wholeNumber('SEARCH_BUNDLE_PAGES', env.SEARCH_BUNDLE_PAGES, 2000),
    jobs: wholeNumber('SEARCH_INDEX_JOBS', env.SEARCH_INDEX_JOBS, Math.min(2, os.availableParallelism())),
    cacheDir: path.resolve(env.SEARCH_CACHE_DIR?.trim() || path.join('node_modules', '.astro', 'toa-soan', 'search')),
  };
}

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  const value = raw?.trim() ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${raw}".`);
  return value;
}
