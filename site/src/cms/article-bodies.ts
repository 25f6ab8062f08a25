/**
 * Article bodies live in files beside Astro's data store, one per article, not in the store.
 *
 * The build embeds the whole data store in its bundle as one JSON string literal that Vite
 * bundles and Node then compiles and parses; bodies are ~93 % of it (64 of 80 MB at 10,000
 * articles), which cost ~20 s of every 10,000-article build and most of Astro's peak memory
 * (scripts/bench/README.md). Only the article page and the feeds read a body, one at a time.
 * The store keeps the file's path; the loader rewrites the file whenever it refetches the
 * article and refetches any article whose file has gone (a cleared cache).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyEntry } from './entries';

export interface BodyFiles {
  /** Where `id`'s body is kept. */
  fileOf(id: string): string;
  /** Saves `id`'s body; answers its file. */
  write(id: string, body: BodyEntry[]): Promise<string>;
  remove(id: string): Promise<void>;
  /** The stored path is this folder's and the file is there. */
  holds(id: string, file: string): boolean;
}

/** The bodies folder inside Astro's cache folder (`cacheDir`, kept between builds). */
export function bodyFiles(cacheDir: URL | string): BodyFiles {
  const dir = path.join(typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), 'toa-soan', 'article-bodies');
  // documentIds are Strapi's [a-z0-9] strings; anything else is encoded rather than trusted in a path.
  const fileOf = (id: string) => path.join(dir, `${encodeURIComponent(id)}.json`);
  let ready: Promise<unknown> | undefined;
  return {
    fileOf,
    async write(id, body) {
      await (ready ??= mkdir(dir, { recursive: true }));
      const file = fileOf(id);
      await writeFile(file, JSON.stringify(body));
      return file;
    },
    remove: (id) => rm(fileOf(id), { force: true }),
    holds: (id, file) => file === fileOf(id) && existsSync(file),
  };
}

/** An article's body, read when its page or feed item is rendered. */
export function readBody(file: string, label: string): BodyEntry[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BodyEntry[];
  } catch (error) {
    throw new Error(`Body of ${label} unreadable at ${file} (${error instanceof Error ? error.message : String(error)}); run the build again to refetch it`);
  }
}
