/// <reference lib="dom" />
/**
 * Acceptance test of the whole newsroom in a real browser: an editor writes and publishes an
 * article in the Strapi admin panel, the site rebuilds from the CMS's webhook, and a reader finds,
 * reads, searches, prints, shares and subscribes to it. The steps run in order and share state;
 * a failed step makes the later ones fail with the reason.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import sharp from 'sharp';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditor, type AdminAccount } from './admin-users';
import { logIn, writeAndPublishArticle, type ArticleDraft } from './admin-journey';
import { launchBrowser } from './browser';
import { createPerson, findPublished, pickCategory, type Person } from './fixtures';
import { EXIT, main as importLegacy } from '../import/cli';
import { describeViolations, focusIndicator, seriousAxeViolations, vietnamDate, waitForSiteText } from './reader';
import { REPO_DIR, startStack, type Stack } from './stack';

const SCREENSHOTS = path.join(REPO_DIR, 'artifacts', 'screenshots');
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, mobile: { width: 390, height: 844 } } as const;
/** A webhook-triggered Astro + Pagefind build on a shared two-core machine. */
const REBUILD_TIMEOUT_MS = 240_000;

// Distinctive words a reader will later type without diacritics, đ included.
const TITLE = 'Đồng chí Bí thư kiểm tra đê bao ấp Rạch Đùng trước mùa lũ';
const SEARCH_AS_TYPED = 'dong chi de bao rach dung';

// An archive of a former district unit, imported by its name, found by its name typed without diacritics.
const FORMER_UNIT = 'Huyện ủy Giồng Riềng';
const FORMER_UNIT_AS_TYPED = 'huyen uy giong rieng';
const ARCHIVED_TITLE = 'Hội nghị sơ kết công tác dân vận sáu tháng đầu năm 2024';

let stack: Stack;
let browser: Browser;
let editor: AdminAccount;
let writer: Person;
let photographer: Person;
let draft: ArticleDraft;
/** The article's address on the site, found by following the home page's link. */
let articleUrl: string | undefined;

function requireArticleUrl(): string {
  if (!articleUrl) throw new Error('The article page was not reached in an earlier step');
  return articleUrl;
}

/** The search field inside a landmark (the header's box, or the search page's own). */
function searchBoxIn(region: Locator): Locator {
  return region.getByRole('searchbox').or(region.getByRole('textbox')).first();
}

/** Runs a reader step in a fresh browser context; a failure leaves a screenshot of where it stood. */
async function withReaderPage(step: string, run: (page: Page) => Promise<void>, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<void> {
  const { context, page } = await newReaderPage(viewport);
  try {
    await run(page);
  } catch (error) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${step}.png`), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

async function newReaderPage(viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

describe('newsroom, editor to reader', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    // Failure screenshots from an earlier run would mislead.
    for (const file of await readdir(SCREENSHOTS)) {
      if (file.startsWith('failed-')) await rm(path.join(SCREENSHOTS, file));
    }
    stack = await startStack();
    browser = await launchBrowser();
    const token = stack.cms.tokens.fullAccess;
    editor = await createEditor(stack.cms.url, stack.cms.admin.jwt);
    writer = await createPerson(stack.cms.url, token, 'Hồ Thị Ngọc Diễm', 'ho-thi-ngoc-diem', 'Phóng viên');
    photographer = await createPerson(stack.cms.url, token, 'Đặng Quốc Khánh', 'dang-quoc-khanh', 'Phóng viên ảnh');
    const category = await pickCategory(stack.cms.url, token);
    const jpeg = await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: { r: 34, g: 120, b: 72 } },
    })
      .composite([{ input: Buffer.from('<svg width="1600" height="1000"><rect x="0" y="620" width="1600" height="380" fill="#6b4f2a"/></svg>') }])
      .jpeg({ quality: 80 })
      .toBuffer();
    draft = {
      title: TITLE,
      sapo: 'Sáng nay, đoàn công tác của Huyện ủy đi kiểm tra tuyến đê bao bảo vệ lúa và nhà dân trước mùa lũ.',
      paragraph:
        'Đồng chí Bí thư yêu cầu xã gia cố ngay những đoạn đê bao xung yếu, chuẩn bị vật tư và lực lượng ứng trực suốt mùa lũ.',
      categoryName: category.name,
      cover: {
        fileName: 'de-bao-rach-dung.jpg',
        jpeg,
        caption: 'Đoàn công tác kiểm tra đoạn đê bao xung yếu ở ấp Rạch Đùng',
        credit: photographer.name,
      },
      byline: [
        { role: 'writer', personName: writer.name },
        { role: 'photographer', personName: photographer.name },
      ],
    };
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an editor writes and publishes an article in the admin panel', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await logIn(page, stack.cms.url, editor.email, editor.password);
      await writeAndPublishArticle(page, stack.cms.url, draft);
    } catch (error) {
      await page.screenshot({ path: path.join(SCREENSHOTS, 'failed-admin.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }

    // What the site will read: the published version, through the public API.
    const article = await findPublished(stack.cms.url, TITLE);
    expect(article, 'the article is published and public').toBeDefined();
    expect(article!.slug).not.toBe('article');
    expect(article!.category?.name).toBe(draft.categoryName);
    expect(article!.cover).toMatchObject({ caption: draft.cover.caption, credit: draft.cover.credit });
    expect(article!.cover?.image?.url).toMatch(/\.jpe?g$/);
    expect(article!.byline.map((c) => [c.role, c.person?.name])).toEqual([
      ['writer', writer.name],
      ['photographer', photographer.name],
    ]);
    expect(JSON.stringify(article!.body)).toContain('đê bao xung yếu');
  });

  it('the site rebuilds from the webhook and the home page links to the article', async () => {
    await waitForSiteText(`${stack.siteUrl}/`, TITLE, REBUILD_TIMEOUT_MS, () => `rebuild service: ${JSON.stringify(stack.rebuild.rebuilder.status().counts)}\n${stack.rebuildLog().slice(-3000)}`);
    // Nothing but Strapi's webhooks asked for a build after the first one.
    const status = (await axios.get(`${stack.rebuild.server.url}/status`)).data as { webhooks: { accepted: number } };
    expect(status.webhooks.accepted).toBeGreaterThan(0);

    await withReaderPage('home-link', async (page) => {
      await page.goto(`${stack.siteUrl}/`);
      await page.getByRole('link', { name: TITLE }).first().click();
      await page.waitForLoadState('load');
      await expect.poll(() => page.locator('h1').first().innerText()).toBe(TITLE);
      articleUrl = page.url();
    });
  });

  it('the article shows its byline, the credited photo and the date', async () => {
    await withReaderPage('article', async (page) => {
      await page.goto(requireArticleUrl());
      const article = page.locator('article').first();
      const byline = await article.innerText();
      expect(byline).toContain(writer.name);
      expect(byline).toContain(photographer.name);

      const figure = article.locator('figure').filter({ hasText: draft.cover.caption }).first();
      await expect.poll(() => figure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const caption = await figure.locator('figcaption').innerText();
      expect(caption).toContain(draft.cover.caption);
      expect(caption).toContain(draft.cover.credit);
      expect(await figure.locator('img').getAttribute('alt')).toBeTruthy();

      expect(await article.locator('time').first().innerText()).toContain(vietnamDate());
    });
  });

  it('search finds the article from words typed without diacritics, đ included', async () => {
    await withReaderPage('search', async (page) => {
      // On the search page, results come as the reader types.
      await page.goto(`${stack.siteUrl}/tim-kiem/`);
      await searchBoxIn(page.getByRole('main')).click();
      await page.keyboard.type(SEARCH_AS_TYPED, { delay: 60 });
      const hit = page.getByRole('main').getByRole('link', { name: TITLE }).first();
      await hit.waitFor({ timeout: 15_000 });
      await hit.click();
      await page.waitForURL(requireArticleUrl());
      expect(await page.locator('h1').first().innerText()).toBe(TITLE);

      // From any page, the header's search box leads to the same results.
      await searchBoxIn(page.getByRole('banner')).click();
      await page.keyboard.type(SEARCH_AS_TYPED, { delay: 30 });
      await page.keyboard.press('Enter');
      await page.getByRole('main').getByRole('link', { name: TITLE }).first().waitFor({ timeout: 15_000 });
    });
  });

  it('an archive imported for a former unit is found by the unit’s name typed without diacritics', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-e2e-archive-'));
    try {
      // One export in the old portals' style that names no unit: --unit files it.
      const lines = [
        'Xuất bản thông tin',
        `null ${ARCHIVED_TITLE}`,
        ARCHIVED_TITLE,
        'Sáng ngày 12/7/2024, Ban Dân vận tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm, triển khai nhiệm vụ những tháng cuối năm.',
        'Sáu tháng qua, các chi bộ ấp thực hiện tốt quy chế dân chủ ở cơ sở, vận động Nhân dân hiến đất làm đường giao thông nông thôn./.',
        'BT: Minh Khoa + Hình: Lê Tính',
      ];
      await writeFile(path.join(dir, 'bai-1.txt'), `${lines.join('\n\n')}\n`);
      const io = { out: () => {}, err: () => {}, tty: false };
      const code = await importLegacy(['--unit', FORMER_UNIT, dir], { CMS_URL: stack.cms.url, STRAPI_TOKEN: stack.cms.tokens.fullAccess }, io);
      expect(code).toBe(EXIT.ok);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await waitForSiteText(`${stack.siteUrl}/don-vi/huyen-uy-giong-rieng/`, ARCHIVED_TITLE, REBUILD_TIMEOUT_MS, () => stack.rebuildLog().slice(-3000));

    await withReaderPage('unit-search', async (page) => {
      await page.goto(`${stack.siteUrl}/tim-kiem/`);
      await searchBoxIn(page.getByRole('main')).click();
      await page.keyboard.type(FORMER_UNIT_AS_TYPED, { delay: 40 });
      const hit = page.getByRole('main').getByRole('link', { name: ARCHIVED_TITLE }).first();
      await hit.waitFor({ timeout: 15_000 });
      await hit.click();
      await page.waitForLoadState('load');
      expect(await page.locator('h1').first().innerText()).toBe(ARCHIVED_TITLE);
      expect(await page.locator('article').getByRole('link', { name: FORMER_UNIT }).getAttribute('href')).toBe('/don-vi/huyen-uy-giong-rieng/');
    });
  });

  it('A−/A+ change the body text size and the choice is remembered on the next page', async () => {
    await withReaderPage('font-size', async (page) => {
      await page.goto(requireArticleUrl());
      const paragraph = page.locator('article p').filter({ hasText: 'đê bao xung yếu' }).first();
      const size = async () => parseFloat(await paragraph.evaluate((p) => getComputedStyle(p).fontSize));
      const initial = await size();
      await page.getByRole('button', { name: /tăng cỡ chữ|A\+/i }).click();
      const larger = await size();
      expect(larger).toBeGreaterThan(initial);

      await page.goto(`${stack.siteUrl}/`);
      await page.goto(requireArticleUrl());
      expect(await size()).toBe(larger);

      await page.getByRole('button', { name: /giảm cỡ chữ|A−/i }).click();
      expect(await size()).toBe(initial);
    });
  });

  it('printing hides navigation and keeps the article with its credits', async () => {
    await withReaderPage('print', async (page) => {
      await page.goto(requireArticleUrl());
      await page.emulateMedia({ media: 'print' });
      const navigation = page.getByRole('navigation');
      for (const nav of await navigation.all()) expect(await nav.isVisible(), await nav.evaluate((n) => n.outerHTML.slice(0, 120))).toBe(false);
      await expect.poll(() => page.locator('h1').first().isVisible()).toBe(true);
      const printed = await page.locator('article').first().innerText();
      for (const text of [TITLE, draft.cover.caption, draft.cover.credit, writer.name, photographer.name, 'đê bao xung yếu']) {
        expect(printed).toContain(text);
      }
      expect(await page.locator('article figure img').first().isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'article-print.png'), fullPage: true });
    });
  });

  it('the e-mail share link carries the title and the address of the article', async () => {
    await withReaderPage('share', async (page) => {
      await page.goto(requireArticleUrl());
      const href = await page.locator('a[href^="mailto:"]').first().getAttribute('href');
      const mail = new URL(href!);
      expect(mail.searchParams.get('subject')).toContain(TITLE);
      expect(mail.searchParams.get('body')).toContain(requireArticleUrl());
    });
  });

  it('the RSS feed linked from the page has the article with dc:creator and media:credit', async () => {
    await withReaderPage('rss', async (page) => {
      await page.goto(requireArticleUrl());
      const feedHref = await page.locator('link[rel=alternate][type="application/rss+xml"]').first().getAttribute('href');
      expect(feedHref).toBeTruthy();
      const feedUrl = new URL(feedHref!, page.url()).toString();
      const res = await page.request.get(feedUrl);
      expect(res.status(), feedUrl).toBe(200);
      const xml = await res.text();
      const item = xml.split('<item>').slice(1).find((chunk) => chunk.includes(TITLE));
      expect(item, `an <item> titled "${TITLE}" in ${feedUrl}`).toBeDefined();
      expect(item).toContain(requireArticleUrl());
      expect(item).toMatch(new RegExp(`<dc:creator>[^<]*${writer.name}`));
      expect(item).toMatch(new RegExp(`<media:credit[^>]*>[^<]*${photographer.name}`));
    });
  });

  it('home, article, category and search pages have no serious or critical axe violations', async () => {
    await withReaderPage('axe', async (page) => {
      await page.goto(requireArticleUrl());
      const categoryHref = await page.getByRole('link', { name: draft.categoryName, exact: true }).first().getAttribute('href');
      const pages = {
        home: `${stack.siteUrl}/`,
        article: requireArticleUrl(),
        category: new URL(categoryHref!, page.url()).toString(),
        search: `${stack.siteUrl}/tim-kiem/`,
      };
      const report: string[] = [];
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        if (name === 'search') {
          // Audit the search page with results on it, as readers see it.
          await searchBoxIn(page.getByRole('main')).fill(SEARCH_AS_TYPED);
          await page.getByRole('main').getByRole('link', { name: TITLE }).first().waitFor();
        }
        const violations = await seriousAxeViolations(page);
        if (violations.length) report.push(`${name} (${url}):\n${describeViolations(violations)}`);
      }
      expect(report.join('\n\n')).toBe('');
    });
  });

  it('keyboard: the first Tab reaches a skip link to the main content, and focus is visible', async () => {
    await withReaderPage('keyboard', async (page) => {
      await page.goto(requireArticleUrl());
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLAnchorElement;
        return { tag: el.tagName, href: el.getAttribute('href') ?? '', visible: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().left >= 0 };
      });
      expect(skip.tag).toBe('A');
      expect(skip.href).toMatch(/^#.+/);
      expect(skip.visible, 'the skip link shows itself when focused').toBe(true);
      const indicator = await focusIndicator(page);
      expect(indicator.outline !== 'none' || indicator.boxShadow !== 'none', JSON.stringify(indicator)).toBe(true);

      await page.keyboard.press('Enter');
      const focused = await page.evaluate((target) => {
        const main = document.getElementById(target.slice(1));
        return { isTarget: document.activeElement === main, isMain: main?.tagName === 'MAIN' || main?.getAttribute('role') === 'main' };
      }, skip.href);
      expect(focused).toEqual({ isTarget: true, isMain: true });

      // The next Tab stops on a link inside the main content, and shows it.
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => ({ tag: document.activeElement?.tagName, inMain: Boolean(document.activeElement?.closest('main')) }));
      expect(next.inMain).toBe(true);
      const nextIndicator = await focusIndicator(page);
      expect(nextIndicator.outline !== 'none' || nextIndicator.boxShadow !== 'none', JSON.stringify(nextIndicator)).toBe(true);
    });
  });

  it('screenshots of the home and article pages at desktop and mobile widths', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const viewport of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      const { context, page } = await newReaderPage(viewport);
      try {
        for (const [name, url] of [['home', `${stack.siteUrl}/`], ['article', requireArticleUrl()]] as const) {
          await page.goto(url, { waitUntil: 'networkidle' });
          // Lazy images below the fold load once scrolled into view.
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
              window.scrollTo(0, y);
              await new Promise((r) => setTimeout(r, 100));
            }
            window.scrollTo(0, 0);
          });
          await page.waitForLoadState('networkidle');
          const file = path.join(SCREENSHOTS, `${name}-${viewport}.png`);
          await page.screenshot({ path: file, fullPage: true });
          // Nothing may overflow sideways on a phone.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} at ${viewport} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
        }
      } finally {
        await context.close();
      }
    }
  });
});
