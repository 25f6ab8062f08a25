/**
 * The build folders of the rebuild service: `<state>/builds/<timestamp>` per build, and
 * `<state>/current`, a symlink to the live one. The swap writes a new symlink beside it and renames
 * it over `current` (rename(2) is atomic), so a reader resolves either the old or the new build and
 * never a missing or half-written one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, readdir, readlink, realpath, rename, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { FastLaneSummary } from '@toa-soan/site/fast-lane';

export interface SiteChanges {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Up to 20 page paths each (HTML and feeds), for the log and the status. */
  pages: { added: string[]; removed: string[]; changed: string[] };
}

export class BuildFolders {
  readonly buildsDir: string;
  readonly currentLink: string;
  readonly stagingDir: string;
  /** Route keys of each build (`<state>/route-keys/<build>`), written by the site build: a fast lane renders the routes whose key changed. */
  readonly routeKeysDir: string;
  /** Where the build under way writes its route keys. */
  readonly stagingKeysDir: string;
  /** A hard-linked copy of the live build, made after its swap for the next fast lane to build on. */
  readonly liveCloneDir: string;

  constructor(readonly stateDir: string) {
    this.buildsDir = path.join(stateDir, 'builds');
    this.stagingDir = path.join(stateDir, 'staging');
    this.currentLink = path.join(stateDir, 'current');
    this.routeKeysDir = path.join(stateDir, 'route-keys');
    this.stagingKeysDir = path.join(stateDir, 'staging.route-keys');
    this.liveCloneDir = path.join(stateDir, 'live-clone');
  }

  /** The route keys folder of a build. */
  keysOf(buildDir: string): string {
    return path.join(this.routeKeysDir, path.basename(buildDir));
  }

  /** The name of the next build's folder (created when the build moves in). */
  async reserve(now = new Date()): Promise<string> {
    await mkdir(this.buildsDir, { recursive: true });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const existing = new Set(await readdir(this.buildsDir));
    let name = stamp;
    for (let n = 1; existing.has(name); n += 1) name = `${stamp}-${n}`;
    return path.join(this.buildsDir, name);
  }

  /** The live build folder, or null before the first successful build. */
  async current(): Promise<string | null> {
    try {
      return await realpath(this.currentLink);
    } catch {
      return null;
    }
  }

  /** Makes `buildDir` the live site in one atomic rename. */
  async swap(buildDir: string): Promise<void> {
    const existing = await lstat(this.currentLink).catch(() => null);
    if (existing && !existing.isSymbolicLink()) {
      throw new Error(`${this.currentLink} exists and is not a symlink; move it away so builds can be swapped in`);
    }
    // Relative target: the state folder may be mounted elsewhere (nginx's container).
    const target = path.relative(this.stateDir, buildDir);
    const temp = path.join(this.stateDir, `.current-${randomBytes(6).toString('hex')}`);
    await symlink(target, temp, 'dir');
    try {
      await rename(temp, this.currentLink);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
  }

  /** Removes all but the newest `keep` builds, never the live one. */
  async prune(keep: number): Promise<string[]> {
    const names = (await readdir(this.buildsDir).catch(() => [] as string[])).sort();
    const live = await readlink(this.currentLink).catch(() => '');
    const liveName = path.basename(live);
    const old = names.slice(0, Math.max(0, names.length - keep)).filter((name) => name !== liveName);
    for (const name of old) {
      await removeTree(path.join(this.buildsDir, name));
      await removeTree(path.join(this.routeKeysDir, name));
    }
    return old;
  }
}

/**
 * Removes a folder and everything in it, if it exists, in a child process (`rm -rf`). Node's own
 * recursive `rm` runs its thousands of unlinks on libuv's four threads, which the live site's file
 * server needs for every read: at 30,000 articles a search that loads ~400 files took 7.2 s while
 * this process removed an old build and 1.5 s otherwise; with the removal in a child, 2.7 s while
 * a cold build ran beside it (scripts/bench/README.md, "The live site during a prune").
 */
export async function removeTree(dir: string): Promise<void> {
  await execa('rm', ['-rf', '--', dir]);
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function listFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join('/'), await hashFile(full));
  }
  return files;
}

const isPage = (file: string) => file.endsWith('.html') || file.endsWith('.xml');
const pageUrl = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** What a new build changes for readers compared to the previous live one. */
export async function diffBuilds(previous: string | null, next: string): Promise<SiteChanges> {
  const before = previous ? await listFiles(previous).catch(() => new Map<string, string>()) : new Map<string, string>();
  const after = await listFiles(next);
  const changes: SiteChanges = { added: 0, removed: 0, changed: 0, unchanged: 0, pages: { added: [], removed: [], changed: [] } };
  const note = (list: string[], file: string) => {
    if (isPage(file) && list.length < 20) list.push(pageUrl(file));
  };
  for (const [file, hash] of after) {
    const old = before.get(file);
    if (old === undefined) {
      changes.added += 1;
      note(changes.pages.added, file);
    } else if (old !== hash) {
      changes.changed += 1;
      note(changes.pages.changed, file);
    } else {
      changes.unchanged += 1;
    }
  }
  for (const file of before.keys()) {
    if (!after.has(file)) {
      changes.removed += 1;
      note(changes.pages.removed, file);
    }
  }
  return changes;
}

/**
 * What a fast lane changed (the site's merge summary: files it wrote over the hard-linked live
 * build, files it removed): only the written files are hashed, so this costs a few hundred reads,
 * not a pass over the whole site. The search index's own files are not counted.
 */
export async function fastLaneChanges(previous: string, next: string, summary: FastLaneSummary): Promise<SiteChanges> {
  const changes: SiteChanges = { added: 0, removed: 0, changed: 0, unchanged: 0, pages: { added: [], removed: [], changed: [] } };
  const note = (list: string[], file: string) => {
    if (isPage(file) && list.length < 20) list.push(pageUrl(file));
  };
  for (const file of summary.written) {
    const before = await hashFile(path.join(previous, file)).catch(() => undefined);
    if (before === undefined) {
      changes.added += 1;
      note(changes.pages.added, file);
    } else if (before !== (await hashFile(path.join(next, file)))) {
      changes.changed += 1;
      note(changes.pages.changed, file);
    } else {
      changes.unchanged += 1;
    }
  }
  for (const file of summary.removed) {
    changes.removed += 1;
    note(changes.pages.removed, file);
  }
  return changes;
}
