/**
 * Which search bundle a page belongs to, and when a bundle kept from the last build still holds
 * (used by index-search.ts). Plain Node (type stripping).
 */
import { createHash } from 'node:crypto';

export interface SearchablePage {
  /** Relative path in the output. */
  file: string;
  /** Digest of what Pagefind reads from it (`indexedElement`). */
  digest: string;
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

/**
 * How many bundles for `pages` pages: the fewest of at most `size` on average, and more than one
 * rounded up to a multiple of `jobs`, so the last round does not run alone.
 */
export function bundleCount(pages: number, size: number, jobs: number): number {
  const fewest = Math.ceil(pages / size);
  return Math.min(pages, fewest <= 1 ? fewest : Math.ceil(fewest / jobs) * jobs);
}

/**
 * Pages into `count` bundles by a hash of their path, empty ones left out: a page stays in its
 * bundle as the archive grows (until the count changes), so an edit changes one bundle.
 */
export function assign(pages: SearchablePage[], count: number): SearchablePage[][] {
  const buckets = Array.from({ length: count }, (): SearchablePage[] => []);
  for (const page of pages) buckets[createHash('sha1').update(page.file).digest().readUInt32BE(0) % count]!.push(page);
  return buckets.filter((b) => b.length > 0);
}

/** Names a bundle's index by everything it is made from: the indexer (`indexer`: its version and options) and its pages. */
export function bundleKey(pages: SearchablePage[], indexer: string): string {
  const hash = createHash('sha256').update(`${indexer}\n`);
  for (const page of pages) hash.update(`${page.file}\0${page.digest}\n`);
  return hash.digest('base64url').slice(0, 32);
}
