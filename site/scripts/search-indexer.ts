/**
 * Making one search bundle: Pagefind's binary on a staging folder of hard links to the bundle's
 * pages, its output renamed into the bundle cache under the bundle's key once complete. Used by
 * index-search.ts (after Astro) and index-ahead.ts (during Astro's render). Plain Node (type
 * stripping).
 */
import { copyFile, link, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import pMap from 'p-map';

/**
 * Pagefind's binary for this platform, found as its own CLI wrapper (`npx pagefind`) finds it.
 * Run directly rather than through that wrapper: a Node process less (~46 MB) beside each index,
 * and stopping the process stops the indexer.
 */
const { resolveBinaryPath } = (await import(new URL('resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
  resolveBinaryPath: (names: string[]) => string;
};
const PAGEFIND_BINARY = resolveBinaryPath(['pagefind_extended', 'pagefind']);
const PAGEFIND_ARGS = ['--force-language', 'vi', '--quiet'];
const PAGEFIND_VERSION = (JSON.parse(await readFile(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;
/** What a bundle's key includes besides its pages: the indexer's version and options. */
export const INDEXER = `${PAGEFIND_VERSION}\n${PAGEFIND_ARGS.join(' ')}`;

/** `files` (paths relative to `from`) at the same paths under `to`: hard links, copies across devices. */
export async function linkFiles(from: string, files: string[], to: string): Promise<void> {
  await pMap(files, async (file) => {
    const target = path.join(to, file);
    await mkdir(path.dirname(target), { recursive: true });
    await link(path.join(from, file), target).catch(() => copyFile(path.join(from, file), target));
  }, { concurrency: 32 });
}

const startPagefind = (site: string, output: string) =>
  execa(PAGEFIND_BINARY, ['--site', site, '--output-path', output, ...PAGEFIND_ARGS], { reject: false, all: true });

/** The Pagefind process under way, so a follower told to stop can end it. */
let running: ReturnType<typeof startPagefind> | null = null;

/** Ends the Pagefind process under way, if any (its bundle is then not kept). */
export function stopIndexing(): void {
  running?.kill();
}

/** Pagefind on the pages under `site`, its bundle written to `output`; throws with its last lines when it fails. */
export async function runPagefind(site: string, output: string): Promise<void> {
  running = startPagefind(site, output);
  const run = await running;
  running = null;
  if (run.failed) {
    const said = run.all.trim().split('\n').slice(-5).join(' / ');
    throw new Error(`Pagefind failed on ${output} (exit ${run.exitCode ?? run.signal}): ${said}`);
  }
}

/**
 * Indexes `files` (paths relative to `outDir`) into `<cacheDir>/<key>`. `staging` is a folder of
 * this process's own beside the output (hard links stay on one device); `tag` names the unfinished
 * bundle, `.new-<pid>-<tag>`, which a clean-up leaves alone while this process runs.
 */
export async function makeBundle(outDir: string, files: string[], cacheDir: string, key: string, staging: string, tag: string): Promise<void> {
  const site = path.join(staging, tag);
  // Renamed into place only once complete: a kept bundle is always a whole one.
  const fresh = path.join(cacheDir, `.new-${process.pid}-${tag}`);
  await rm(fresh, { recursive: true, force: true });
  try {
    // A staging folder of the bundle's pages, so URLs come out as for the whole site.
    await linkFiles(outDir, files, site);
    await runPagefind(site, fresh);
    await rename(fresh, path.join(cacheDir, key)).catch(() => rm(fresh, { recursive: true, force: true }));
  } finally {
    await Promise.all([rm(site, { recursive: true, force: true }), rm(fresh, { recursive: true, force: true })]);
  }
}
