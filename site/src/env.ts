/**
 * Build-time settings, read once from the environment. Plain Node (no `import.meta.env`) so the
 * same module serves astro.config, the loaders and the tests.
 */
export interface SiteEnv {
  /** Where Strapi answers REST, without a trailing slash. */
  cmsUrl: string;
  /** Optional API token; without it the build reads as the Public role (published content only). */
  strapiToken: string | undefined;
  /** Public origin of the static site, used for canonical URLs, feeds and the sitemap. */
  siteUrl: string;
  /** Output folder of the build; the rebuild service points it at a fresh folder. */
  outDir: string | undefined;
  /**
   * documentIds per `$in` request for changed documents (default 50, which keeps URLs well under
   * header limits). When the collection's listing takes fewer requests, it is read instead: tests
   * lower this so a small newsroom's cold build takes the bulk route too.
   */
  idsPerRequest: number;
  /** Astro's cache folder (content store, body files, images, incremental pages); Astro's default when unset. */
  astroCacheDir: string | undefined;
  /** Where each keyed route writes its `{ pathname: key }` file (src/lib/route-keys.ts). */
  routeKeysDir: string | undefined;
  /** A fast lane: the route-keys folder of the live build; only pages whose key differs are rendered. */
  fastLaneFrom: string | undefined;
  /** The rebuild service's live build, which a fast lane's routes are laid over (scripts/merge-fast-lane.ts). */
  liveDir: string | undefined;
  /** A hard-linked copy of the live build the rebuild service made ahead (SITE_LIVE_CLONE): the merge takes it instead of copying. */
  liveClone: string | undefined;
  /** Set by the search-ahead integration in a full build: where the article route writes its search plan (src/lib/search-plan.ts). */
  searchPlan: string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  return {
    cmsUrl: normaliseUrl('CMS_URL', env.CMS_URL || 'http://localhost:1337'),
    strapiToken: env.STRAPI_TOKEN?.trim() || undefined,
    siteUrl: normaliseUrl('SITE_URL', env.SITE_URL || 'http://localhost:4321'),
    outDir: env.SITE_OUT_DIR?.trim() || undefined,
    idsPerRequest: wholeNumber('CMS_IDS_PER_REQUEST', env.CMS_IDS_PER_REQUEST, 50),
    astroCacheDir: env.ASTRO_CACHE_DIR?.trim() || undefined,
    routeKeysDir: env.SITE_ROUTE_KEYS_DIR?.trim() || undefined,
    fastLaneFrom: env.SITE_FAST_LANE_FROM?.trim() || undefined,
    liveDir: env.SITE_LIVE_DIR?.trim() || undefined,
    liveClone: env.SITE_LIVE_CLONE?.trim() || undefined,
    searchPlan: env.SITE_SEARCH_PLAN?.trim() || undefined,
  };
}

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (!raw?.trim()) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}

function normaliseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${name} is not a URL: "${value}" (expected e.g. http://localhost:1337)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be http or https, got "${value}"`);
  }
  return url.toString().replace(/\/+$/, '');
}
