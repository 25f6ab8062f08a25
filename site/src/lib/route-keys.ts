/**
 * The one door every `getStaticPaths` goes through (`keyedPaths`): each path gets its page key
 * (page-key.ts) as Astro's `cacheKey`, the route's keys are written down for the next fast lane,
 * and a fast lane keeps only the paths whose key changed.
 *
 * - `SITE_ROUTE_KEYS_DIR`: writes `<dir>/<route id>.json` = `{ "<pathname>": "<key>", ... }` for
 *   every path of the route.
 * - `SITE_FAST_LANE_FROM` (the keys folder of the live build): returns only the paths whose key is
 *   new or differs from that folder's; a route without a file there returns all its paths. The
 *   keys file written beside it still lists every path, so a path the live build has and this one
 *   does not is a page that was removed.
 *
 * A pathname is the page's address as served, with a trailing slash for pages (`/tin-tuc/abc/`,
 * `/chuyen-muc/x/2/`, written to `<outDir>/tin-tuc/abc/index.html`) and none for files with an
 * extension (`/chuyen-muc/x/rss.xml`, written to `<outDir>/chuyen-muc/x/rss.xml`); see `outputFile`
 * (scripts/fast-lane.ts, where the merge reads it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readEnv } from '../env';

/** A route with `getStaticPaths`: `id` names its keys file, `pattern` is its address with params in brackets. */
export interface KeyedRoute {
  id: string;
  pattern: string;
}

/** Every route with getStaticPaths; the fast-lane test checks there is one per dynamic page file. */
export const ROUTES = {
  article: { id: 'tin-tuc', pattern: '/tin-tuc/[slug]/' },
  category: { id: 'chuyen-muc', pattern: '/chuyen-muc/[slug]/[...page]/' },
  categoryFeed: { id: 'chuyen-muc-rss', pattern: '/chuyen-muc/[slug]/rss.xml' },
  unit: { id: 'don-vi', pattern: '/don-vi/[slug]/[...page]/' },
  unitFeed: { id: 'don-vi-rss', pattern: '/don-vi/[slug]/rss.xml' },
  tag: { id: 'tu-khoa', pattern: '/tu-khoa/[slug]/' },
  person: { id: 'nguoi-thuc-hien', pattern: '/nguoi-thuc-hien/[slug]/' },
} as const satisfies Record<string, KeyedRoute>;

export type Params = Record<string, string | number | undefined>;
/** Route id → pathname → key. */
export type RouteKeys = Record<string, string>;

/** The address `params` give on `route`: a rest parameter left undefined (page 1) drops its segment. */
export function pathnameOf(route: KeyedRoute, params: Params): string {
  return route.pattern.replace(/\[(\.\.\.)?([^\]]+)\]\/?/g, (segment, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      if (rest) return '';
      throw new Error(`${route.pattern}: parameter "${name}" missing`);
    }
    return `${value}${segment.endsWith('/') ? '/' : ''}`;
  });
}

/**
 * `paths` with their keys (`keyOf`) as Astro's `cacheKey`: all of them, or in a fast lane those
 * whose key changed. Call it with every path of the route: the keys file must list them all.
 */
export function keyedPaths<T extends { params: Params }>(route: KeyedRoute, paths: T[], keyOf: (path: T) => string): Array<T & { cacheKey: string }> {
  const env = readEnv();
  const keyed = paths.map((p) => ({ path: { ...p, cacheKey: keyOf(p) }, pathname: pathnameOf(route, p.params) }));
  if (env.routeKeysDir) {
    mkdirSync(env.routeKeysDir, { recursive: true });
    const keys: RouteKeys = Object.fromEntries(keyed.map((k) => [k.pathname, k.path.cacheKey]));
    writeFileSync(keysFile(env.routeKeysDir, route), JSON.stringify(keys, null, 1));
  }
  const live = env.fastLaneFrom ? readKeys(env.fastLaneFrom, route) : undefined;
  return keyed.filter((k) => !live || live[k.pathname] !== k.path.cacheKey).map((k) => k.path);
}

const keysFile = (dir: string, route: KeyedRoute) => path.join(dir, `${route.id}.json`);

/** The live build's keys of `route`, or undefined when it wrote none (a route new since): render all. */
function readKeys(dir: string, route: KeyedRoute): RouteKeys | undefined {
  let text: string;
  try {
    text = readFileSync(keysFile(dir, route), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as RouteKeys;
}
