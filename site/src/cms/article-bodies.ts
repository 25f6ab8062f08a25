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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyEntry } from './entries';

export interface BodyFiles {
  /** Where `id`'s body is kept. */
  fileOf(id: string): string;
  /**
   * Saves `id`'s body; answers its file and a digest of the body (page keys hash that, not the
   * file, whose path depends on the cache folder and whose content can change without the
   * article's `updatedAt`: a body photo whose file came back). Synchronous on purpose: 10,000 small files took 1.8 s
   * written one after the other this way, 5.1 s awaiting each async write and 6.1 s with 16 in
   * flight (file creation is what costs, and the thread pool only adds to it).
   */
  write(id: string, body: BodyEntry[]): { file: string; digest: string };
  remove(id: string): Promise<void>;
  /** The stored path is this folder's and the file is there. */
  holds(id: string, file: string): boolean;
}

/** The bodies folder inside Astro's cache folder (`cacheDir`, kept between builds). */
export function bodyFiles(cacheDir: URL | string): BodyFiles {
  const dir = path.join(typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), 'toa-soan', 'article-bodies');
  // documentIds are Strapi's [a-z0-9] strings; anything else is encoded rather than trusted in a path.
  const fileOf = (id: string) => path.join(dir, `${encodeURIComponent(id)}.json`);
  let ready = false;
  return {
    fileOf,
    write(id, body) {
      if (!ready) {
        mkdirSync(dir, { recursive: true });
        ready = true;
      }
      const file = fileOf(id);
      const json = JSON.stringify(body);
      writeFileSync(file, json);
      return { file, digest: createHash('sha256').update(json).digest('base64url') };
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
