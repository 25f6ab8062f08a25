/**
 * The searchable pages of a built site, read once per file (used by index-search.ts). Plain Node
 * (type stripping).
 *
 * Reading and hashing 10,000 pages costs seconds, and the rebuild service's fast lane makes the
 * next build as a hard-linked copy of the live one with only the touched pages replaced. So what
 * was learnt of each HTML file (its indexed element's digest and its date) is kept in a memo keyed
 * by the file's identity: path, device, inode, size and mtime. A hard link of a file read before
 * matches and is only `stat`ed; a replaced file (new inode) or one written in place (new mtime)
 * does not, and is read again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { indexedElement, sortDate, type SearchablePage } from './search-bundles.ts';

interface Known {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** null: the page has no `data-pagefind-body` (not indexed). */
  digest: string | null;
  date: number | null;
}

/** The memo's file name in the search cache folder. */
export const PAGE_MEMO = 'pages.json';

/** The memo file: the reader's version and what it learnt of each HTML file, by relative path. */
interface Memo {
  reader: string;
  files: Record<string, Known>;
}

/**
 * What reads a page: the code of search-bundles.ts (the indexed element, the date). Another
 * version of it makes every memo entry stale.
 */
const READER = createHash('sha256').update(await readFile(new URL('./search-bundles.ts', import.meta.url))).digest('base64url');

/**
 * HTML files under `dir`, relative to it, but not in the `pagefind*` folders at its top (the
 * index's own files, 11,000 at 10,000 articles): walked synchronously, which takes 0.3 s at
 * 10,000 articles where `readdir({ recursive: true })` of everything took 1.8 s.
 */
function htmlFiles(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const file = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return under === '' && entry.name.startsWith('pagefind') ? [] : htmlFiles(dir, file);
    return entry.isFile() && entry.name.endsWith('.html') ? [file] : [];
  });
}

async function readMemo(file: string): Promise<Record<string, Known>> {
  try {
    const memo = JSON.parse(await readFile(file, 'utf8')) as Memo;
    return memo.reader === READER ? memo.files : {};
  } catch {
    return {};
  }
}

/**
 * Adds to the memo what was learnt of pages of `dir` read whole while the build was under way
 * (index-ahead.ts), so the index step only `stat`s them. Each is `stat`ed now: a page written
 * whole is not written again in the same build.
 */
export async function rememberPages(dir: string, memoFile: string, learnt: Map<string, Pick<Known, 'digest' | 'date'>>): Promise<void> {
  const files = await readMemo(memoFile);
  for (const [file, known] of learnt) {
    const { dev, ino, size, mtimeMs } = statSync(path.join(dir, file));
    files[file] = { dev, ino, size, mtimeMs, ...known };
  }
  await writeMemo(memoFile, files);
}

async function writeMemo(memoFile: string, files: Record<string, Known>): Promise<void> {
  // Replaced, never written in place: two builds may share the cache folder (whose clean-up
  // leaves `.new-<pid>-…` alone while that process runs).
  const fresh = path.join(path.dirname(memoFile), `.new-${process.pid}-memo`);
  await writeFile(fresh, JSON.stringify({ reader: READER, files } satisfies Memo));
  await rename(fresh, memoFile);
}

/** What the search reads of a page: its indexed element's digest and its date; both null for a page not indexed. */
export function describePage(html: string): Pick<Known, 'digest' | 'date'> {
  const indexed = indexedElement(html);
  if (indexed === null) return { digest: null, date: null };
  return { digest: createHash('sha256').update(indexed).digest('base64url'), date: sortDate(indexed) };
}

/**
 * The pages of `dir` marked `data-pagefind-body` (sorted by path), with how many HTML files had to
 * be read: the others matched the memo in `memoFile`, which then holds this folder's files alone.
 */
export async function searchablePages(dir: string, memoFile: string): Promise<{ pages: SearchablePage[]; read: number; html: number }> {
  const html = htmlFiles(dir).sort();
  const before = await readMemo(memoFile);
  const now: Record<string, Known> = {};
  // Synchronous: 10,000 stats take ~0.25 s so, twice that through promises.
  const stale = html.flatMap((file) => {
    const { dev, ino, size, mtimeMs } = statSync(path.join(dir, file));
    const known = before[file];
    if (known && known.dev === dev && known.ino === ino && known.size === size && known.mtimeMs === mtimeMs) {
      now[file] = known;
      return [];
    }
    return [{ file, dev, ino, size, mtimeMs }];
  });
  await pMap(stale, async ({ file, ...identity }) => {
    now[file] = { ...identity, ...describePage(await readFile(path.join(dir, file), 'utf8')) };
  }, { concurrency: 16 });
  await writeMemo(memoFile, now);
  const pages = html.flatMap((file) => {
    const { digest, date } = now[file]!;
    return digest === null ? [] : [{ file, digest, date }];
  });
  return { pages, read: stale.length, html: html.length };
}
