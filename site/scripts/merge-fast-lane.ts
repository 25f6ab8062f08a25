/**
 * The fast lane's second step (site `build` script, after `astro build`; a no-op in a full build):
 * makes the output folder the live build with the fast lane's routes laid over it.
 *
 * 1. The live build is copied into the output folder with hard links (`cp -al`): no file content
 *    is copied, and the live build's files are never written, only linked. The rebuild service
 *    makes that copy ahead, right after the swap (SITE_LIVE_CLONE): it is then moved into place.
 * 2. Every file Astro rendered is renamed over its link. A rename replaces the directory entry,
 *    so the live build keeps its own file. A fast lane writes no sitemap (astro.config.ts): the
 *    live one stays until the rebuild service's next full build.
 * 3. Routes the live build had and this one does not (their key is gone: an unpublished article,
 *    an emptied listing page) lose their file.
 *
 * What it wrote and removed goes to the summary file for the rebuild service's log and status.
 * Plain Node (type stripping): run with `node`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { outputFile, readFastLane, type FastLaneSummary } from './fast-lane.ts';

let lane;
try {
  lane = readFastLane(process.env);
} catch (error) {
  console.error(`[fast-lane] ${(error as Error).message}`);
  process.exit(1);
}
if (!lane) process.exit(0);

const started = performance.now();
const outDir = path.resolve(process.env.SITE_OUT_DIR?.trim() || 'dist');

/** Every file under `dir`, relative to it, with `/` separators. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** The pathnames of a route-keys folder (one `<route>.json` of pathname → key per route). */
async function pathnames(keysDir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of await readdir(keysDir)) {
    if (!file.endsWith('.json')) continue;
    for (const pathname of Object.keys(JSON.parse(await readFile(path.join(keysDir, file), 'utf8')) as Record<string, string>)) names.add(pathname);
  }
  return names;
}

/** Removes `dir` and its parents up to `root` while they are empty. */
async function pruneEmpty(dir: string, root: string): Promise<void> {
  for (let d = dir; d.startsWith(`${root}${path.sep}`); d = path.dirname(d)) {
    if ((await readdir(d).catch(() => ['?'])).length > 0) return;
    await rmdir(d).catch(() => {});
  }
}

try {
  if (!existsSync(path.join(lane.liveDir, 'index.html'))) throw new Error(`the live build ${lane.liveDir} has no index.html`);
  await rm(outDir, { recursive: true, force: true });
  if (lane.liveClone && existsSync(path.join(lane.liveClone, 'index.html'))) await rename(lane.liveClone, outDir);
  else await execa('cp', ['-al', lane.liveDir, outDir]);
  const cloned = performance.now();

  const written = await filesUnder(lane.pagesDir);
  for (const file of written) {
    const target = path.join(outDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(lane.pagesDir, file), target);
  }

  const now = await pathnames(lane.keysDir);
  const removed: string[] = [];
  for (const pathname of await pathnames(lane.liveKeysDir)) {
    if (now.has(pathname)) continue;
    const file = outputFile(pathname);
    const target = path.join(outDir, file);
    if (!existsSync(target)) continue;
    await rm(target);
    await pruneEmpty(path.dirname(target), outDir);
    removed.push(file);
  }
  await rm(lane.pagesDir, { recursive: true, force: true });
  const summary: FastLaneSummary = { written, removed };
  await writeFile(lane.summaryFile, `${JSON.stringify(summary)}\n`);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const copy = lane.liveClone && !existsSync(lane.liveClone) ? 'its copy made ahead' : `linked in ${s(cloned - started)} s`;
  console.log(`[fast-lane] ${written.length} files over the live build (${copy}), ${removed.length} removed, in ${s(performance.now() - started)} s`);
} catch (error) {
  console.error(`[fast-lane] merging into ${outDir} failed: ${(error as Error).message}`);
  process.exit(1);
}
