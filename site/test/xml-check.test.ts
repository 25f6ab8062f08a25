/** The build's XML check (scripts/check-xml.ts): a malformed feed fails the build, naming file and line. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastLaneFiles } from '../scripts/fast-lane';
import { malformedXmlFiles, xmlError } from '../scripts/xml-check';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const checkXml = (dir: string) =>
  execa(process.execPath, ['scripts/check-xml.ts'], { cwd: SITE_DIR, env: { SITE_OUT_DIR: dir }, reject: false });
const GOOD = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Tin</title><item><title>Đại hội 😀</title><dc:creator>Lan</dc:creator></item></channel></rss>';
const BROKEN = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n<title>Tin\x0btức</title>\n</channel>\n</rss>';
const bytes = (s: string) => new TextEncoder().encode(s);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-xml-'));
  await mkdir(path.join(dir, 'chuyen-muc', 'tin-tuc'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<p>\x0b not XML, not checked</p>');
  await writeFile(path.join(dir, 'rss.xml'), GOOD);
  await writeFile(path.join(dir, 'sitemap-0.xml'), '<urlset><url><loc>https://a.vn/</loc></url></urlset>');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xmlError', () => {
  it('accepts a well-formed feed', () => {
    expect(xmlError(bytes(GOOD), 'rss.xml')).toBeNull();
  });

  it('names file, line and column of a forbidden character, a broken tag, an unbound prefix, bad UTF-8', () => {
    expect(xmlError(bytes(BROKEN), 'rss.xml')).toMatch(/^rss\.xml:4:\d+: /);
    expect(xmlError(bytes('<rss>\n<a></b></rss>'), 'x.xml')).toMatch(/^x\.xml:2:\d+: /);
    expect(xmlError(bytes('<rss><dc:creator>Lan</dc:creator></rss>'), 'x.xml')).toMatch(/^x\.xml:1:\d+: /);
    expect(xmlError(Uint8Array.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), 'x.xml')).toMatch(/^x\.xml: /);
  });
});

describe('the XML check of a built site', () => {
  it('passes a site whose XML files all parse', async () => {
    expect(await malformedXmlFiles(dir)).toEqual([]);
    const run = await checkXml(dir);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('fails the build for a hand-made broken feed in a subfolder', async () => {
    await writeFile(path.join(dir, 'chuyen-muc', 'tin-tuc', 'rss.xml'), BROKEN);
    const feed = path.join('chuyen-muc', 'tin-tuc', 'rss.xml');
    expect(await malformedXmlFiles(dir)).toEqual([expect.stringMatching(new RegExp(`^${feed.replace(/\./g, '\\.')}:4:`))]);
    const run = await checkXml(dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`${feed}:4:`);
  });

  it('in a fast lane reads only the files the merge wrote: the rest were checked when the live build was made', async () => {
    await writeFile(path.join(dir, 'chuyen-muc', 'tin-tuc', 'rss.xml'), BROKEN);
    const lane = { SITE_FAST_LANE_FROM: path.join(dir, 'keys'), SITE_LIVE_DIR: dir, SITE_ROUTE_KEYS_DIR: path.join(dir, 'keys') };
    const summary = fastLaneFiles(dir).summaryFile;
    await writeFile(summary, JSON.stringify({ written: ['rss.xml', 'index.html'], removed: [] }));
    try {
      expect(await malformedXmlFiles(dir, ['rss.xml', 'index.html'])).toEqual([]);
      expect((await execa(process.execPath, ['scripts/check-xml.ts'], { cwd: SITE_DIR, env: { SITE_OUT_DIR: dir, ...lane }, reject: false })).exitCode).toBe(0);
      await writeFile(summary, JSON.stringify({ written: ['rss.xml', 'chuyen-muc/tin-tuc/rss.xml'], removed: [] }));
      const run = await execa(process.execPath, ['scripts/check-xml.ts'], { cwd: SITE_DIR, env: { SITE_OUT_DIR: dir, ...lane }, reject: false });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('chuyen-muc/tin-tuc/rss.xml:4:');
    } finally {
      await rm(summary, { force: true });
    }
  });
});
