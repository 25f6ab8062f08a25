/**
 * Which search bundle a page belongs to (by its publication date), and when a bundle kept from
 * the last build still holds (used by index-search.ts). Plain Node (type stripping).
 */
import { createHash } from 'node:crypto';

export interface SearchablePage {
  /** Relative path in the output. */
  file: string;
  /** Digest of what Pagefind reads from it (`indexedElement`). */
  digest: string;
  /** Its publication date in ms (`sortDate`), null without one. */
  date: number | null;
}

/**
 * The element marked `data-pagefind-body`, from its start tag to its matching end tag: what
 * Pagefind reads of a page, since our pages put their title, meta and filters inside it. The whole
 * page when that end cannot be found (a digest then changes more often, never less); null for a
 * page without the mark.
 */
export function indexedElement(html: string): string | null {
  const mark = html.indexOf('data-pagefind-body');
  if (mark < 0) return null;
  const start = html.lastIndexOf('<', mark);
  const tag = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start))?.[1];
  if (!tag) return html;
  const tags = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html;
}

/** Where a page's date sits: Pagefind's sort key `date` on the indexed element's start tag. */
const SORT_DATE = /^<[^>]*\sdata-pagefind-sort="(?:[^"]*,)?date:([^",]+)"/;

/** The page's publication date (`data-pagefind-sort="date:<iso>"` on its indexed element), in ms; null without one. */
export function sortDate(indexed: string): number | null {
  const iso = SORT_DATE.exec(indexed)?.[1];
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** A span of publication dates, [from, to) in UTC, named as in its bundle's directory. */
interface Period {
  name: string;
  from: number;
  to: number;
  /** year, half, quarter, month, ten days, day: how it is split further. */
  level: 0 | 1 | 2 | 3 | 4 | 5;
}
const MONTH = 3;
const utc = (y: number, m: number, d = 1) => Date.UTC(y, m, d);
const two = (n: number) => String(n).padStart(2, '0');

function yearOf(ms: number): Period {
  const y = new Date(ms).getUTCFullYear();
  return { name: String(y), from: utc(y, 0), to: utc(y + 1, 0), level: 0 };
}

/** A year's halves, a half's quarters, a quarter's months, a month's thirds (1–10, 11–20, 21–end), their days. */
function parts(p: Period): Period[] {
  const start = new Date(p.from);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  const span = (name: string, from: number, to: number): Period => ({ name, from, to, level: (p.level + 1) as Period['level'] });
  switch (p.level) {
    case 0: return [span(`${y}-h1`, utc(y, 0), utc(y, 6)), span(`${y}-h2`, utc(y, 6), utc(y + 1, 0))];
    case 1: return [0, 3].map((k) => span(`${y}-q${(m + k) / 3 + 1}`, utc(y, m + k), utc(y, m + k + 3)));
    case 2: return [0, 1, 2].map((k) => span(`${y}-${two(m + k + 1)}`, utc(y, m + k), utc(y, m + k + 1)));
    case 3: return [1, 11, 21].map((day, k) => span(`${y}-${two(m + 1)}-t${k + 1}`, utc(y, m, day), k < 2 ? utc(y, m, day + 10) : utc(y, m + 1)));
    case 4: return Array.from({ length: Math.round((p.to - p.from) / 86_400_000) }, (_, k) => span(`${y}-${two(m + 1)}-${two(d + k)}`, utc(y, m, d + k), utc(y, m, d + k + 1)));
    default: return [];
  }
}

export interface Bundle {
  /** Its dates, as named in its directory: `2016`, `2016-h2`, `2026-q3`, `2026-11`, `2026-12-t1`, `2026-12-03`, `undated-1`. */
  period: string;
  pages: SearchablePage[];
}

/**
 * Pages into bundles by publication date, newest period first, each of at most `size` pages
 * where a single day allows. A closed period keeps its pages as the archive grows, so an edit of
 * an old article re-indexes its period's bundle alone and a new article the current one:
 *
 * - a year is one bundle, split into halves, quarters, months, thirds of a month and days while a
 *   part holds more than `size` pages;
 * - the period holding `now` is split down to its month, so closed halves, quarters and months of
 *   the current year are bundles of their own and a new month starts an empty bundle: only at the
 *   end of a quarter, a half and a year do the closed parts merge (and get indexed once again);
 * - the current month is split into thirds, then days, above `recent` pages, so a publish
 *   re-indexes at most about that many.
 *
 * Pages without a date go into `undated-N` bundles by a hash of their path.
 */
export function assign(pages: SearchablePage[], size: number, now: number, recent = Math.max(1, Math.floor(size / 4))): Bundle[] {
  const bundles: Bundle[] = [];
  const split = (p: Period, members: SearchablePage[]): void => {
    const current = p.from <= now && now < p.to;
    const limit = current && p.level >= MONTH ? recent : size;
    const children = parts(p);
    if (children.length === 0 || (members.length <= limit && !(current && p.level < MONTH))) {
      if (members.length > 0) bundles.push({ period: p.name, pages: members });
      return;
    }
    for (const child of children) split(child, members.filter((page) => page.date! >= child.from && page.date! < child.to));
  };
  const years = new Map<string, { year: Period; members: SearchablePage[] }>();
  const undated: SearchablePage[] = [];
  for (const page of pages) {
    if (page.date === null) {
      undated.push(page);
      continue;
    }
    const year = yearOf(page.date);
    const entry = years.get(year.name) ?? { year, members: [] };
    entry.members.push(page);
    years.set(year.name, entry);
  }
  for (const { year, members } of [...years.values()].sort((a, b) => b.year.from - a.year.from)) {
    const before = bundles.length;
    split(year, members);
    // Newest first within the year too.
    bundles.splice(before, Infinity, ...bundles.slice(before).reverse());
  }
  const count = Math.ceil(undated.length / size);
  const buckets = Array.from({ length: count }, (): SearchablePage[] => []);
  for (const page of undated) buckets[createHash('sha1').update(page.file).digest().readUInt32BE(0) % count]!.push(page);
  buckets.forEach((b, n) => b.length > 0 && bundles.push({ period: `undated-${n + 1}`, pages: b }));
  return bundles;
}

/**
 * Names a bundle's index by everything it is made from: the indexer (`indexer`: its version and
 * options) and its pages, in whatever order they come (the index step lists them by path, the
 * follower during the render by date).
 */
export function bundleKey(pages: SearchablePage[], indexer: string): string {
  const hash = createHash('sha256').update(`${indexer}\n`);
  const byPath = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const page of byPath) hash.update(`${page.file}\0${page.digest}\n`);
  return hash.digest('base64url').slice(0, 32);
}
