/**
 * The demo content (cms/src/seed) built into the site, as a fresh install shows it: every page and
 * feed prints a photo credit with its label once ("Ảnh: Lê Tính", never "Ảnh: Ảnh: Lê Tính"), and
 * every feed item names someone.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';
import { astroBuild } from './support/astro-build';

let cms: CmsServer;
let work: string;
let out: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-demo-site-'));
  cms = await startCms({ env: { SEED_DEMO_CONTENT: 'true' } });
  out = path.join(work, 'dist');
  const build = await astroBuild(work, { CMS_URL: cms.url, SITE_OUT_DIR: out });
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.log.slice(-3000)}`);
}, 300_000);

afterAll(async () => {
  await cms?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every HTML and XML file of the build, by path. */
async function pagesAndFeeds(): Promise<Map<string, string>> {
  const files = (await readdir(out, { recursive: true })).filter((f) => /\.(html|xml)$/.test(f));
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(out, f), 'utf8')] as const)));
}

describe('the site built from the demo content', () => {
  it('prints each photo credit with one label, in pages and feeds', async () => {
    const files = await pagesAndFeeds();
    const doubled = [...files].filter(([, text]) => /(?:Ảnh|Hình)\s*:\s*(?:Ảnh|Hình)\b/u.test(text)).map(([file]) => file);
    expect(doubled).toEqual([]);
    // The credits are there (the check above is not passing on pages without any).
    expect(files.get('rss.xml')).toContain('(Ảnh: Lê Tính)');
    const withCredit = [...files].filter(([file, text]) => file.startsWith('tin-tuc') && text.includes('<span class="credit">(Ảnh: Minh Khoa)</span>'));
    expect(withCredit.length).toBeGreaterThan(0);
  });

  it('names a creator on every feed item: the writer, else the editor or the source', async () => {
    const rss = new XMLParser().parse((await pagesAndFeeds()).get('rss.xml')!).rss;
    const items = [rss.channel.item].flat() as Array<{ title: string; 'dc:creator'?: string | string[] }>;
    expect(items.length).toBe(12);
    for (const item of items) expect(item['dc:creator'], item.title).toBeTruthy();
    const fromTtxvn = items.find((i) => i.title.startsWith('Hội nghị toàn quốc quán triệt'));
    expect(fromTtxvn?.['dc:creator']).toBe('Thanh Tâm');
  });
});
