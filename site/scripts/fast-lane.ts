/**
 * The fast lane's settings, read from the environment in one place (astro.config.ts and
 * merge-fast-lane.ts). The rebuild service asks for a fast lane when a live build and its route
 * keys exist: Astro then renders only the routes whose key changed (src/lib/route-keys.ts) into a
 * folder of their own, and merge-fast-lane.ts lays them over a hard-linked copy of the live build
 * in the output folder, so the rest of the build script (XML check, search index) runs on a whole
 * site. Plain Node (type stripping).
 */
import { lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { readEnv } from '../src/env.ts';

export interface FastLane {
  /** Route keys of the live build (SITE_FAST_LANE_FROM): routes whose key is unchanged are not rendered. */
  liveKeysDir: string;
  /** The live build (SITE_LIVE_DIR), copied with hard links into the output folder. */
  liveDir: string;
  /** That copy, made ahead by the rebuild service (SITE_LIVE_CLONE), if it made one: moved into place instead. */
  liveClone: string | undefined;
  /** Where Astro writes the rendered routes: beside the output folder, constant for a constant output folder. */
  pagesDir: string;
  /** Where this build's route keys go (SITE_ROUTE_KEYS_DIR). */
  keysDir: string;
  /** What the merge wrote and removed (`FastLaneSummary`), for the rebuild service. */
  summaryFile: string;
}

/** Output files (relative to the output folder) the merge replaced or removed. */
export interface FastLaneSummary {
  written: string[];
  removed: string[];
}

/**
 * The fast lane over the live build, or null: for a full build, and for a fast lane without
 * SITE_LIVE_DIR, whose routes Astro writes into the output folder itself (the site's tests).
 */
export function readFastLane(env: NodeJS.ProcessEnv): FastLane | null {
  const { fastLaneFrom, liveDir, liveClone, routeKeysDir, outDir } = readEnv(env);
  if (!fastLaneFrom || !liveDir) return null;
  if (!routeKeysDir) throw new Error('SITE_FAST_LANE_FROM and SITE_LIVE_DIR are set: SITE_ROUTE_KEYS_DIR must be set too (where this build writes its route keys).');
  return {
    liveKeysDir: path.resolve(fastLaneFrom),
    liveDir: path.resolve(liveDir),
    liveClone: liveClone && path.resolve(liveClone),
    keysDir: path.resolve(routeKeysDir),
    ...fastLaneFiles(path.resolve(outDir ?? 'dist')),
  };
}

/**
 * The fast lane's Astro cache folder beside the full builds' `cacheDir`: Astro empties its content
 * store when the config changes, and a fast lane's config differs (no incremental build), so the
 * two lanes sharing one store would each find it emptied by the other.
 */
export function fastLaneCacheDir(cacheDir: string): string {
  return `${cacheDir.replace(/[/\\]+$/, '')}-fast-lane`;
}

/**
 * Makes the fast lane's image cache (Astro's `<cacheDir>/assets`) the full builds' own, through a
 * symlink: the images a fast lane's pages use were encoded by the full build before it (the first
 * fast lane at 10,000 articles spent 23 s encoding them again). Safe because the rebuild service
 * runs one build at a time, and an entry is named by a hash of its source and transform.
 */
export function shareImageCache(cacheDir: string, fastLaneDir: string): void {
  const shared = path.resolve(cacheDir, 'assets');
  const link = path.resolve(fastLaneDir, 'assets');
  mkdirSync(shared, { recursive: true });
  mkdirSync(fastLaneDir, { recursive: true });
  const existing = lstatOrNull(link);
  if (existing?.isSymbolicLink()) return;
  if (existing) rmSync(link, { recursive: true, force: true });
  symlinkSync(shared, link, 'dir');
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** The fast lane's own files beside the output folder `outDir` (the rebuild service reads the summary). */
export function fastLaneFiles(outDir: string): Pick<FastLane, 'pagesDir' | 'summaryFile'> {
  return { pagesDir: `${outDir}.fast-lane`, summaryFile: `${outDir}.fast-lane.json` };
}

/** Where a route key's pathname (src/lib/route-keys.ts) lies in the output (`build.format: 'directory'`): `/a/b/` → `a/b/index.html`, `/a/rss.xml` → `a/rss.xml`. */
export function outputFile(pathname: string): string {
  const relative = decodeURI(pathname).replace(/^\//, '');
  return pathname.endsWith('/') ? `${relative}index.html` : relative;
}
