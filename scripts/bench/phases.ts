/**
 * Splits one site build into phases from what Astro prints (arrival time of each line) and its
 * own timer. Markers are Astro's fixed log lines; the RSS and Pagefind parts come from the site's
 * route lines and the `[pagefind]` lines of its index step (site/scripts/index-search.ts). A phase
 * whose markers are missing is null, never a guess.
 */
import type { BuildLine } from './site-build';

export interface BuildPhases {
  /** Process start to "[content] Syncing content" (npm, Astro and config start-up). */
  startupSeconds: number | null;
  /** Content Layer sync: REST pull plus the loaders' own work. */
  contentSyncSeconds: number | null;
  /** Vite bundling of the pages. */
  bundleSeconds: number | null;
  /** Rendering every route (HTML, feeds, robots); includes rssSeconds. */
  renderSeconds: number | null;
  /** Time Astro reports for the RSS routes, summed (part of renderSeconds). */
  rssSeconds: number | null;
  rssRoutes: number;
  /** "generating optimized images"; null when the build had no image to generate. */
  imagesSeconds: number | null;
  imagesEncoded: number;
  imagesReused: number;
  imagesRevalidated: number;
  /**
   * From the line before the first Pagefind line (Astro's last line) to the last Pagefind line:
   * the index step of the build script, with Astro's exit and Node's start-up before it.
   */
  pagefindSeconds: number | null;
  /** Search bundles indexed during Astro's build (site/scripts/index-ahead.ts), of those the plan held; null without its summary line. */
  searchAhead: { indexed: number; planned: number } | null;
  /** Routes Astro generated (rendered or reused). */
  routes: number;
  /** Of those, pages Astro's incremental build reused from its cache instead of rendering. */
  reusedRoutes: number;
  /** "N page(s) built in" as Astro counts them. */
  pages: number | null;
  /** The site loaders' one-line reports, e.g. "/api/articles: 300 published, 0 fetched, …". */
  loaderReports: string[];
}

const seconds = (ms: number) => Math.round(ms) / 1000;

function find(lines: BuildLine[], pattern: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]!.text)) return i;
  return -1;
}

/** Time between the line matching `start` and the first line after it matching `end`. */
function span(lines: BuildLine[], start: RegExp, end: RegExp): { seconds: number | null; endIndex: number } {
  const a = find(lines, start);
  if (a < 0) return { seconds: null, endIndex: -1 };
  const b = find(lines, end, a + 1);
  return b < 0 ? { seconds: null, endIndex: -1 } : { seconds: seconds(lines[b]!.t - lines[a]!.t), endIndex: b };
}

const ROUTE_LINE = /[├└]─ (\S+) \(\+([\d.]+)(ms|s|m)\)/;
/** A route starting; with several pages in flight one log line may hold several. */
const ROUTE_START = /[├└]─ \S+/g;
const ROUTE_REUSED = /[├└]─ \S+ \((restored|cached)\)/g;

function durationMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'ms' ? n : unit === 's' ? n * 1000 : n * 60_000;
}

export function parsePhases(lines: BuildLine[]): BuildPhases {
  const syncStart = find(lines, /\[content\] Syncing content/);
  const render = span(lines, /(generating|prerendering) static routes/, /✓ Completed in/);
  const images = span(lines, /generating optimized images/, /✓ Completed in/);

  // Astro prints a route's path when it starts and its time when it ends; with pages rendered
  // concurrently (build.concurrency) the two can land on different lines, so RSS times are
  // approximate then, while route counts stay exact.
  let rssMs = 0;
  let rssRoutes = 0;
  let routes = 0;
  let reusedRoutes = 0;
  for (const line of lines) {
    routes += line.text.match(ROUTE_START)?.length ?? 0;
    reusedRoutes += line.text.match(ROUTE_REUSED)?.length ?? 0;
    const match = line.text.match(ROUTE_LINE);
    if (!match) continue;
    if (/(^|\/)(rss|feed)[^/]*\.xml$/.test(match[1]!)) {
      rssRoutes++;
      rssMs += durationMs(match[2]!, match[3]!);
    }
  }

  const pagefindFirst = lines.findIndex((l) => /pagefind/i.test(l.text) && !ROUTE_LINE.test(l.text));
  let pagefindLast = -1;
  lines.forEach((l, i) => /pagefind/i.test(l.text) && !ROUTE_LINE.test(l.text) && (pagefindLast = i));
  const pagefindSeconds = pagefindFirst > 0 ? seconds(lines[pagefindLast]!.t - lines[pagefindFirst - 1]!.t) : null;

  const ahead = lines.map((l) => l.text.match(/\[search-ahead\] (\d+) of (\d+) bundles indexed/)).find(Boolean);
  const built = lines.map((l) => l.text.match(/(\d+) page\(s\) built in/)).find(Boolean);
  return {
    startupSeconds: syncStart >= 0 ? seconds(lines[syncStart]!.t) : null,
    contentSyncSeconds: span(lines, /\[content\] Syncing content/, /\[content\] Synced content/).seconds,
    bundleSeconds: span(lines, /Building (static|server) entrypoints/, /(generating|prerendering) static routes/).seconds,
    renderSeconds: render.seconds,
    rssSeconds: rssRoutes > 0 ? seconds(rssMs) : null,
    rssRoutes,
    imagesSeconds: images.seconds,
    imagesEncoded: lines.filter((l) => /▶ .*\(before: [\d.]+kB, after: [\d.]+kB\)/.test(l.text)).length,
    imagesReused: lines.filter((l) => /▶ .*\(reused cache entry\)/.test(l.text)).length,
    imagesRevalidated: lines.filter((l) => /▶ .*\(revalidated cache entry\)/.test(l.text)).length,
    pagefindSeconds,
    searchAhead: ahead ? { indexed: Number(ahead[1]), planned: Number(ahead[2]) } : null,
    routes,
    reusedRoutes,
    pages: built ? Number(built[1]) : null,
    loaderReports: lines.map((l) => l.text.match(/\] (\/api\/\S+: \d+ published.*)$/)?.[1]).filter((x): x is string => Boolean(x)),
  };
}
