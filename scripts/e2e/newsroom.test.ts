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
import { ARTICLE_LIST_PATH, listedTitles, logIn, searchArticleList, writeAndPublishArticle, type ArticleDraft } from './admin-journey';
import { launchBrowser } from './browser';
import { createPerson, findPublished, pickCategory, setSiteAddress, type Person } from './fixtures';
import { EXIT, main as importLegacy } from '../import/cli';
import { describeViolations, focusIndicator, seriousAxeViolations, vietnamDate, waitForSiteText } from './reader';
import { REPO_DIR, startStack, type Stack } from './stack';

const SCREENSHOTS = path.join(REPO_DIR, 'artifacts', 'screenshots');
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, mobile: { width: 390, height: 844 } } as const;
/** The admin is checked on a newsroom's usual screen and on a phone. */
const ADMIN_VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
/** How long the admin may take to show what it fetched (vitest's poll gives up after 1 s by default). */
const ADMIN_UPDATE_MS = 15_000;
/** A webhook-triggered Astro + Pagefind build on a shared two-core machine. */
const REBUILD_TIMEOUT_MS = 240_000;

// Distinctive words a reader will later type without diacritics, đ included.
const TITLE = 'Đồng chí Bí thư kiểm tra đê bao ấp Rạch Đùng trước mùa lũ';
const SEARCH_AS_TYPED = 'dong chi de bao rach dung';
/** A demo article the admin search must find however its words are typed. */
const DEMO_TITLE = /^Đảng ủy xã Thạnh Lợi/;
/**
 * Created by the editor from inside the article form ("Tạo mục liên kết"), by name only: the CMS
 * makes the slug from the name (not the pop-up's "tag"/"person" placeholder), which the site's
 * addresses are built from.
 */
const NEW_TAG = { name: 'Đê bao chống lũ', slug: 'de-bao-chong-lu' };
const writer = { name: 'Hồ Thị Ngọc Diễm', slug: 'ho-thi-ngoc-diem' };

// An archive of a former district unit, imported by its name, found by its name typed without diacritics.
const FORMER_UNIT = 'Huyện ủy Giồng Riềng';
const FORMER_UNIT_AS_TYPED = 'huyen uy giong rieng';
const ARCHIVED_TITLE = 'Hội nghị sơ kết công tác dân vận sáu tháng đầu năm 2024';

let stack: Stack;
let browser: Browser;
let editor: AdminAccount;
let photographer: Person;
let draft: ArticleDraft & { cover: NonNullable<ArticleDraft['cover']> };
/** The editor's admin tab, kept logged in across the admin steps (Strapi rate-limits logins). */
let adminContext: BrowserContext | undefined;
let adminPage: Page;
/** What the admin's own scripts reported (uncaught errors, console errors): shown with a failed step. */
const adminErrors: string[] = [];
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

/** Runs an admin step in the editor's tab; a failure leaves a screenshot of where it stood. */
async function withAdminPage(step: string, run: (page: Page) => Promise<void>): Promise<void> {
  if (!adminContext) throw new Error('The editor did not reach the admin in an earlier step');
  try {
    await run(adminPage);
  } catch (error) {
    await adminPage.screenshot({ path: path.join(SCREENSHOTS, `failed-admin-${step}.png`), fullPage: true }).catch(() => {});
    if (adminErrors.length > 0 && error instanceof Error) error.message += `\nThe admin reported:\n${adminErrors.slice(-10).join('\n')}`;
    throw error;
  }
}

/** `<name>-desktop.png` at 1,440 px and `<name>-phone.png` at 390 px, as an editor would see them. */
async function adminScreenshots(page: Page, name: string): Promise<void> {
  for (const [viewport, size] of Object.entries(ADMIN_VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.waitForFunction((width) => window.innerWidth === width, size.width);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${viewport}.png`), fullPage: true });
  }
  await page.setViewportSize(ADMIN_VIEWPORTS.desktop);
  await page.waitForFunction((width) => window.innerWidth === width, ADMIN_VIEWPORTS.desktop.width);
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
    photographer = await createPerson(stack.cms.url, token, 'Đặng Quốc Khánh', 'dang-quoc-khanh', 'Phóng viên ảnh');
    const category = await pickCategory(stack.cms.url, token);
    await setSiteAddress(stack.cms.url, token, stack.siteUrl);
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
        // Typed with its label, as it looks in print: the CMS stores the name, the site adds the label once.
        credit: `Ảnh: ${photographer.name}`,
      },
      newTagName: NEW_TAG.name,
      byline: [
        { role: 'writer', personName: writer.name, create: true },
        { role: 'photographer', personName: photographer.name },
      ],
      // The form with the "create" pop-up open and the name typed, as the editor sees it.
      onCreatePopup: (page, field) => adminScreenshots(page, field === 'tags' ? 'admin-form-popup-tag' : 'admin-form-popup-person'),
    };
  });

  afterAll(async () => {
    await adminContext?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('the admin opens in Vietnamese in a browser that never chose a language, and the editor logs in', async () => {
    // A fresh profile: nothing in localStorage, the browser asking for Vietnamese as a newsroom's PC does.
    adminContext = await browser.newContext({ viewport: ADMIN_VIEWPORTS.desktop, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    adminPage = await adminContext.newPage();
    adminPage.on('pageerror', (error) => adminErrors.push(`uncaught: ${error.message}`));
    adminPage.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) adminErrors.push(`console: ${message.text()}`);
    });
    adminPage.setDefaultTimeout(20_000);
    await withAdminPage('login', async (page) => {
      await page.goto(`${stack.cms.url}/admin/auth/login`);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      expect(await page.locator('body').innerText()).toContain('Đăng nhập để viết và biên tập tin bài');
      await adminScreenshots(page, 'admin-login');

      await logIn(page, stack.cms.url, editor.email, editor.password);
      // The editor has no preferred language of their own: the admin stays Vietnamese after login.
      await page.getByRole('link', { name: 'Quản lý nội dung' }).first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    });
  });

  it('an editor writes and publishes an article in the admin panel', async () => {
    await withAdminPage('write', (page) => writeAndPublishArticle(page, stack.cms.url, draft));

    // What the site will read: the published version, through the public API.
    const article = await findPublished(stack.cms.url, TITLE);
    expect(article, 'the article is published and public').toBeDefined();
    expect(article!.slug).not.toBe('article');
    expect(article!.category?.name).toBe(draft.categoryName);
    // The label the editor typed ("Ảnh: …") is not stored: the site prints it.
    expect(article!.cover).toMatchObject({ caption: draft.cover.caption, credit: photographer.name });
    expect(article!.cover?.image?.url).toMatch(/\.jpe?g$/);
    expect(article!.byline.map((c) => [c.role, c.person?.name])).toEqual([
      ['writer', writer.name],
      ['photographer', photographer.name],
    ]);
    // Tag and writer made in the pop-ups: attached, with slugs made from their names.
    expect(article!.tags.map((t) => [t.name, t.slug])).toEqual([[NEW_TAG.name, NEW_TAG.slug]]);
    expect(article!.byline[0]?.person?.slug).toBe(writer.slug);
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

  it('the article list: newest first, status in view at 1,440 px, search without diacritics or case', async () => {
    await withAdminPage('list', async (page) => {
      await page.goto(`${stack.cms.url}${ARTICLE_LIST_PATH}`);
      await expect.poll(async () => (await listedTitles(page))[0], { timeout: ADMIN_UPDATE_MS }).toBe(TITLE);
      for (const name of ['Tiêu đề', 'Chuyên mục', 'Tác giả', 'Ngày đăng', 'Duyệt bài', 'Trạng thái']) {
        const header = page.getByRole('main').locator('thead th').filter({ hasText: new RegExp(name, 'i') });
        const box = await header.boundingBox();
        expect(box, `the "${name}" column`).not.toBeNull();
        expect(box!.x + box!.width, `the "${name}" column ends inside the screen`).toBeLessThanOrEqual(ADMIN_VIEWPORTS.desktop.width);
      }
      const newest = await page.getByRole('main').locator('tbody tr').first().innerText();
      for (const shown of [draft.categoryName, writer.name, 'Đã xuất bản', 'Đã duyệt', vietnamDate()]) expect(newest).toContain(shown);
      await adminScreenshots(page, 'admin-list');

      // Each query once: the admin caches answers, so a repeated query sends no request.
      for (const [query, expected] of [
        ['dang uy thanh loi', DEMO_TITLE],
        ['Đảng ủy xã Thạnh Lợi', DEMO_TITLE],
        ['đảng ủy', DEMO_TITLE],
        ['DE BAO rach đùng', TITLE],
        ['đê bao Rạch Đùng', TITLE],
        ['de bao rach dung', TITLE],
      ] as const) {
        await searchArticleList(page, query);
        await expect
          .poll(() => listedTitles(page), { message: `titles found by "${query}"`, timeout: ADMIN_UPDATE_MS })
          .toContainEqual(expect.stringMatching(expected));
      }
      await adminScreenshots(page, 'admin-search');
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
      // The credit typed as "Ảnh: …" is printed once, with its label once.
      expect(caption).toContain(`(Ảnh: ${photographer.name})`);
      expect(caption.match(/Ảnh\s*:/g), caption).toHaveLength(1);
      expect(await figure.locator('img').getAttribute('alt')).toBeTruthy();

      expect(await article.locator('time').first().innerText()).toContain(vietnamDate());
    });
  });

  it('the tag and the person created in the form have their pages, linked from the article', async () => {
    await withReaderPage('new-tag-person', async (page) => {
      await page.goto(requireArticleUrl());
      const article = page.locator('article').first();
      // The tag's link, and the writer's in the byline, lead to addresses made from their names.
      // Tags read "#Đê bao chống lũ".
      const tagLink = article.getByRole('link', { name: new RegExp(`^#?\\s*${NEW_TAG.name}$`) }).first();
      expect(new URL((await tagLink.getAttribute('href'))!, page.url()).pathname).toBe(`/tu-khoa/${NEW_TAG.slug}/`);
      const writerLink = article.getByRole('link', { name: writer.name, exact: true }).first();
      expect(new URL((await writerLink.getAttribute('href'))!, page.url()).pathname).toBe(`/nguoi-thuc-hien/${writer.slug}/`);

      // Section titles are upper-cased by CSS: their text is read as written.
      await tagLink.click();
      await page.waitForURL(`${stack.siteUrl}/tu-khoa/${NEW_TAG.slug}/`);
      expect(await page.locator('h1').first().textContent()).toContain(NEW_TAG.name);
      await page.getByRole('main').getByRole('link', { name: TITLE }).first().waitFor();

      await page.goto(`${stack.siteUrl}/nguoi-thuc-hien/${writer.slug}/`);
      expect(await page.locator('h1').first().textContent()).toContain(writer.name);
      await page.getByRole('main').getByRole('link', { name: TITLE }).first().waitFor();
    });
    // The pop-up's placeholder slug never became an address.
    const placeholder = await axios.get(`${stack.siteUrl}/tu-khoa/tag/`, { validateStatus: () => true });
    expect(placeholder.status).toBe(404);
  });

  it('the article form: importer fields hidden, byline lines named, "Xem trên trang" opens the article', async () => {
    await withAdminPage('form', async (page) => {
      // A fresh load of the list. After adminScreenshots' 390 px → 1,440 px resize, headless
      // Chromium sometimes stops granting idle time to the page; Strapi's side panels render only
      // from a requestIdleCallback (DescriptionComponentRenderer, no timeout), so the form opened
      // from the list showed none until a reload. Not the panels' code: see cms/README.md.
      await page.goto(`${stack.cms.url}${ARTICLE_LIST_PATH}`);
      await page.getByRole('main').locator('tbody tr').filter({ hasText: TITLE }).first().click();
      await page.locator('input[name=title]').waitFor();
      expect(await page.locator('[name=sourceKey], [name=sourceCaptions], [name=bylineNames]').count()).toBe(0);
      const form = await page.getByRole('main').innerText();
      expect(form).toContain(`Bài: ${writer.name}`);
      expect(form).toContain(`Ảnh: ${photographer.name}`);

      const siteLink = page.getByRole('link', { name: /Xem trên trang/ });
      expect(await siteLink.getAttribute('href')).toBe(requireArticleUrl());
      await adminScreenshots(page, 'admin-form');
      // The form scrolls inside the admin's frame, so a full-page shot stops at its top: the byline,
      // category and yes/no field get a shot of their own.
      await page.getByText(`Bài: ${writer.name}`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-form-byline-desktop.png') });
      const [tab] = await Promise.all([page.waitForEvent('popup'), siteLink.click()]);
      await tab.waitForLoadState('load');
      expect(await tab.locator('h1').first().innerText()).toBe(TITLE);
      await tab.close();
    });
  });

  it('the Trưởng ban reads the article’s history and the audit trail of its steps', async () => {
    await withAdminPage('history', async (page) => {
      const documentId = new URL(page.url()).pathname.split('/').pop()!;
      // "Lịch sử xuất bản": the one publish, by this editor; the draft is what was published.
      const panel = page.getByTestId('version-panel');
      expect(await panel.innerText()).toMatch(/Bản 1 · \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await page.getByRole('button', { name: /Xem lịch sử, so sánh \(1 bản\)/ }).click();
      const history = page.getByRole('dialog');
      const versions = history.getByTestId('version-list').locator('li');
      expect(await versions.count()).toBe(1);
      expect(await versions.first().innerText()).toContain(editor.email);
      await history.getByText('Hai bản giống nhau').waitFor();
      await history.getByRole('button', { name: /^Đóng$/ }).click();
      await history.waitFor({ state: 'detached' });

      // "Nhật ký biên tập", from the menu, filtered to this article: every step, by this editor.
      await page.getByRole('link', { name: 'Nhật ký biên tập' }).click();
      await page.getByRole('heading', { name: 'Nhật ký biên tập' }).waitFor();
      await page.getByLabel('Bài viết').fill(documentId);
      const answered = page.waitForResponse((res) => res.url().includes('/admin/toa-soan/audit?') && res.url().includes(documentId));
      await page.getByRole('button', { name: 'Lọc' }).click();
      expect((await answered).ok()).toBe(true);
      const rows = page.getByRole('main').locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(2);
      const steps = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
      expect(steps).toEqual(expect.arrayContaining(['create', 'approve', 'publish']));
      for (const row of await rows.allInnerTexts()) expect(row).toContain(editor.email);
      expect(await page.locator('tr[data-action=approve]').innerText()).toMatch(/Duyệt[\s\S]*Nháp → Đã duyệt/);
    });
    await adminContext?.close();
    adminContext = undefined;
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
      for (const text of [TITLE, draft.cover.caption, `(Ảnh: ${photographer.name})`, writer.name, photographer.name, 'đê bao xung yếu']) {
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
      // The credit is the name alone in media:credit, and printed once with its label in the content.
      expect(item).toMatch(new RegExp(`<media:credit[^>]*>${photographer.name}</media:credit>`));
      expect(item!.split(`(Ảnh: ${photographer.name})`)).toHaveLength(2);
      expect(item).not.toMatch(/Ảnh\s*:\s*Ảnh/);
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
