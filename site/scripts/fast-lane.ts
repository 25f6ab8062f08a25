/**
 * The fast lane's settings, read from the environment in one place (astro.config.ts and
 * merge-fast-lane.ts). The rebuild service asks for a fast lane when a live build and its route
 * keys exist: Astro then renders only the routes whose key changed (src/lib/route-keys.ts) into a
 * folder of their own, and merge-fast-lane.ts lays them over a hard-linked copy of the live build
 * in the output folder, so the rest of the build script (XML check, search index) runs on a whole
 * site. Plain Node (type stripping).
 */
import path from 'node:path';

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

/** The fast lane asked for, or null for a full build; throws, naming the variable, on a half-given one. */
export function readFastLane(env: NodeJS.ProcessEnv): FastLane | null {
  const liveKeysDir = env.SITE_FAST_LANE_FROM?.trim();
  if (!liveKeysDir) return null;
  const liveDir = env.SITE_LIVE_DIR?.trim();
  const keysDir = env.SITE_ROUTE_KEYS_DIR?.trim();
  if (!liveDir || !keysDir) throw new Error('SITE_FAST_LANE_FROM is set: SITE_LIVE_DIR and SITE_ROUTE_KEYS_DIR must be set too (the live build and where this build writes its route keys).');
  const outDir = path.resolve(env.SITE_OUT_DIR?.trim() || 'dist');
  return { liveKeysDir: path.resolve(liveKeysDir), liveDir: path.resolve(liveDir), keysDir: path.resolve(keysDir), ...fastLaneFiles(outDir) };
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

/** The output file of a route's pathname (`build.format: 'directory'`): `/a/b/` → `a/b/index.html`, `/a/rss.xml` → `a/rss.xml`. */
export function outputFile(pathname: string): string {
  const trimmed = pathname.replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') || !path.posix.extname(trimmed) ? path.posix.join(trimmed, 'index.html') : trimmed;
}
