/**
 * The fast lane's settings, read from the environment in one place (astro.config.ts and
 * merge-fast-lane.ts). The rebuild service asks for a fast lane when a live build and its route
 * keys exist: Astro then renders only the routes whose key changed (src/lib/route-keys.ts) into a
 * folder of their own, and merge-fast-lane.ts lays them over a hard-linked copy of the live build
 * in the output folder, so the rest of the build script (XML check, search index) runs on a whole
 * site. Plain Node (type stripping).
 */
import path from 'node:path';
import { readEnv } from '../src/env.ts';

export interface FastLane {
  /** Route keys of the live build (SITE_FAST_LANE_FROM): routes whose key is unchanged are not rendered. */
  liveKeysDir: string;
  /** The live build (SITE_LIVE_DIR), copied with hard links into the output folder. */
  liveDir: string;
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
  const { fastLaneFrom, liveDir, routeKeysDir, outDir } = readEnv(env);
  if (!fastLaneFrom || !liveDir) return null;
  if (!routeKeysDir) throw new Error('SITE_FAST_LANE_FROM and SITE_LIVE_DIR are set: SITE_ROUTE_KEYS_DIR must be set too (where this build writes its route keys).');
  return { liveKeysDir: path.resolve(fastLaneFrom), liveDir: path.resolve(liveDir), keysDir: path.resolve(routeKeysDir), ...fastLaneFiles(path.resolve(outDir ?? 'dist')) };
}

/**
 * The fast lane's Astro cache folder beside the full builds' `cacheDir`: Astro empties its content
 * store when the config changes, and a fast lane's config differs (no incremental build), so the
 * two lanes sharing one store would each find it emptied by the other.
 */
export function fastLaneCacheDir(cacheDir: string): string {
  return `${cacheDir.replace(/[/\\]+$/, '')}-fast-lane`;
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
