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
  // A unit nothing refers to: it must get no page.
  const unit = await fetch(`${cms.url}/api/units`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${cms.tokens.fullAccess}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { name: 'Phòng Tư pháp huyện Tân Hòa', kind: 'Phòng' } }),
  });
  if (unit.status !== 201) throw new Error(`POST /api/units: ${unit.status} ${await unit.text()}`);
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

describe('units in the demo content (a district Party committee that ended on 30/6/2025)', () => {
  const articlePage = (files: Map<string, string>, title: string) => [...files].find(([file, text]) => file.startsWith('tin-tuc') && text.includes(`<h1>${title}</h1>`))?.[1] ?? '';
  const ARCHIVED = 'Đảng ủy xã Thạnh Lợi tổ chức Đại hội Đảng bộ lần thứ XIII, nhiệm kỳ 2025 - 2030';
  const CURRENT = 'Nông dân vùng Đồng Tháp Mười thu hoạch sen, lãi gần 100 triệu đồng mỗi hecta';

  it('gives a unit with articles a page with its description, period, successor and articles', async () => {
    const page = (await pagesAndFeeds()).get('don-vi/huyen-uy-tan-hoa/index.html') ?? '';
    expect(page).toContain('<h1 class="section-title"><span>Huyện ủy Tân Hòa</span></h1>');
    expect(page).toContain('Ban Chấp hành Đảng bộ huyện Tân Hòa.');
    expect(page).toContain('<dd>1/10/2015 – 30/6/2025</dd>');
    expect(page).toContain('<a href="/don-vi/dang-uy-xa-tan-hoa/">Đảng ủy xã Tân Hòa</a>');
    expect(page).toContain(ARCHIVED);
    expect(page).not.toContain(CURRENT);
  });

  it('gives a unit without articles no page and no feed', async () => {
    const files = [...(await pagesAndFeeds()).keys()];
    expect(files.filter((f) => f.startsWith('don-vi/phong-tu-phap'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('don-vi/') && f.endsWith('rss.xml')).length).toBeGreaterThan(3);
  });

  it('has a feed per unit with that unit’s articles only', async () => {
    const rss = new XMLParser().parse((await pagesAndFeeds()).get('don-vi/huyen-uy-tan-hoa/rss.xml')!).rss;
    const titles = [rss.channel.item].flat().map((i: { title: string }) => i.title);
    expect(titles).toContain(ARCHIVED);
    expect(titles).toHaveLength(2);
  });

  it('names and links the unit on each article, with a search filter, and an archive notice only for a unit that ended', async () => {
    const files = await pagesAndFeeds();
    const archived = articlePage(files, ARCHIVED);
    expect(archived).toContain('data-pagefind-filter="Đơn vị:Huyện ủy Tân Hòa"');
    expect(archived).toContain('<a href="/don-vi/huyen-uy-tan-hoa/">Huyện ủy Tân Hòa</a>');
    const notice = /<aside class="archive-notice"[^]*?<\/aside>/.exec(archived)?.[0].replace(/\s+/g, ' ') ?? '';
    expect(notice).toContain('Tư liệu lưu trữ.');
    expect(notice.replace(/<[^>]+>/g, '')).toContain('đơn vị đã kết thúc hoạt động. Nhiệm vụ của đơn vị do Đảng ủy xã Tân Hòa tiếp nhận.');
    expect(notice).toContain('(1/10/2015 – 30/6/2025)');
    expect(notice).toContain('<a href="/don-vi/dang-uy-xa-tan-hoa/">Đảng ủy xã Tân Hòa</a>');

    const current = articlePage(files, CURRENT);
    expect(current).toContain('data-pagefind-filter="Đơn vị:UBND xã Tân Hòa"');
    expect(current).not.toContain('archive-notice');
  });
});
