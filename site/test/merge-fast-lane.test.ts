/**
 * The fast lane's merge (scripts/merge-fast-lane.ts): the rendered routes over a hard-linked copy
 * of the live build, removed routes gone, the live build's files untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastLaneFiles, outputFile } from '../scripts/fast-lane';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let work: string;
let live: string;
let out: string;

async function put(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

const merge = (env: Record<string, string>) =>
  execa(process.execPath, ['scripts/merge-fast-lane.ts'], { cwd: SITE_DIR, env: { SITE_OUT_DIR: out, ...env }, extendEnv: false, reject: false, all: true });

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-merge-'));
  live = path.join(work, 'live');
  out = path.join(work, 'staging');
  await put(live, {
    'index.html': 'home v1',
    'tin-tuc/bai-a/index.html': 'bai a v1',
    'tin-tuc/bai-b/index.html': 'bai b v1',
    'chuyen-muc/xa-hoi/2/index.html': 'xa hoi page 2',
    'sitemap-0.xml': '<urlset>v1</urlset>',
    '_astro/site.css': 'css',
  });
  await put(path.join(work, 'live-keys'), {
    'tin-tuc.json': JSON.stringify({ '/tin-tuc/bai-a/': 'a1', '/tin-tuc/bai-b/': 'b1' }),
    'chuyen-muc.json': JSON.stringify({ '/chuyen-muc/xa-hoi/': 'x1', '/chuyen-muc/xa-hoi/2/': 'x2' }),
  });
  // This build: bai-a edited, bai-c new, bai-b unpublished, the category down to one page.
  await put(path.join(work, 'keys'), {
    'tin-tuc.json': JSON.stringify({ '/tin-tuc/bai-a/': 'a2', '/tin-tuc/bai-c/': 'c1' }),
    'chuyen-muc.json': JSON.stringify({ '/chuyen-muc/xa-hoi/': 'x3' }),
  });
  await put(fastLaneFiles(out).pagesDir, {
    'index.html': 'home v2',
    'tin-tuc/bai-a/index.html': 'bai a v2',
    'tin-tuc/bai-c/index.html': 'bai c v1',
  });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('merge-fast-lane', () => {
  it('lays the rendered routes over the live build and removes the routes whose key is gone, never writing a live file', async () => {
    const liveInode = (await stat(path.join(live, 'tin-tuc', 'bai-a', 'index.html'))).ino;
    const run = await merge({ SITE_FAST_LANE_FROM: path.join(work, 'live-keys'), SITE_LIVE_DIR: live, SITE_ROUTE_KEYS_DIR: path.join(work, 'keys') });
    expect(run.exitCode, run.all).toBe(0);

    const read = (root: string, file: string) => readFile(path.join(root, file), 'utf8');
    expect(await read(out, 'index.html')).toBe('home v2');
    expect(await read(out, 'tin-tuc/bai-a/index.html')).toBe('bai a v2');
    expect(await read(out, 'tin-tuc/bai-c/index.html')).toBe('bai c v1');
    expect(existsSync(path.join(out, 'tin-tuc', 'bai-b'))).toBe(false);
    expect(existsSync(path.join(out, 'chuyen-muc', 'xa-hoi'))).toBe(false);
    // Not rendered (a fast lane writes no sitemap): the live build's file, as a hard link.
    expect(await read(out, 'sitemap-0.xml')).toBe('<urlset>v1</urlset>');
    expect((await stat(path.join(out, '_astro', 'site.css'))).ino).toBe((await stat(path.join(live, '_astro', 'site.css'))).ino);

    // The live build is as it was.
    expect(await read(live, 'index.html')).toBe('home v1');
    expect(await read(live, 'tin-tuc/bai-a/index.html')).toBe('bai a v1');
    expect((await stat(path.join(live, 'tin-tuc', 'bai-a', 'index.html'))).ino).toBe(liveInode);
    expect(await read(live, 'tin-tuc/bai-b/index.html')).toBe('bai b v1');

    const summary = JSON.parse(await readFile(fastLaneFiles(out).summaryFile, 'utf8'));
    expect(summary.written.sort()).toEqual(['index.html', 'tin-tuc/bai-a/index.html', 'tin-tuc/bai-c/index.html']);
    expect(summary.removed.sort()).toEqual(['chuyen-muc/xa-hoi/2/index.html', 'tin-tuc/bai-b/index.html']);
    expect(existsSync(fastLaneFiles(out).pagesDir)).toBe(false);
  });

  it('moves the copy of the live build made ahead into place instead of copying again', async () => {
    const clone = path.join(work, 'live-clone');
    await execa('cp', ['-al', live, clone]);
    const run = await merge({ SITE_FAST_LANE_FROM: path.join(work, 'live-keys'), SITE_LIVE_DIR: live, SITE_LIVE_CLONE: clone, SITE_ROUTE_KEYS_DIR: path.join(work, 'keys') });
    expect(run.exitCode, run.all).toBe(0);
    expect(existsSync(clone)).toBe(false);
    expect(await readFile(path.join(out, 'tin-tuc', 'bai-a', 'index.html'), 'utf8')).toBe('bai a v2');
    expect(await readFile(path.join(out, 'sitemap-0.xml'), 'utf8')).toBe('<urlset>v1</urlset>');
    expect(existsSync(path.join(out, 'tin-tuc', 'bai-b'))).toBe(false);
    expect(await readFile(path.join(live, 'tin-tuc', 'bai-a', 'index.html'), 'utf8')).toBe('bai a v1');
  });

  it('does nothing in a full build', async () => {
    const run = await merge({});
    expect(run.exitCode).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('fails, naming what is missing, when the live build is gone', async () => {
    await rm(live, { recursive: true });
    const run = await merge({ SITE_FAST_LANE_FROM: path.join(work, 'live-keys'), SITE_LIVE_DIR: live, SITE_ROUTE_KEYS_DIR: path.join(work, 'keys') });
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain(live);
  });

  it('maps a pathname to its output file', () => {
    expect(outputFile('/')).toBe('index.html');
    expect(outputFile('/tin-tuc/bai-a/')).toBe('tin-tuc/bai-a/index.html');
    expect(outputFile('/chuyen-muc/xa-hoi/rss.xml')).toBe('chuyen-muc/xa-hoi/rss.xml');
  });
});
