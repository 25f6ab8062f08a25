/// <reference lib="dom" />
/**
 * The newsroom's review in a real browser (issue 15), each person in their own admin session:
 * a Phóng viên writes and submits; a Biên tập viên returns it with a note; the reporter reads the
 * note, fixes the text and submits again; the editor approves; the Trưởng ban biên tập previews
 * the draft and schedules it a minute ahead. Nobody presses "Xuất bản": the CMS publishes it when
 * due and the site, its feed and its search follow by themselves. The history then holds the
 * published version and the audit trail every step, each under the right person.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import axios from 'axios';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroomAccount, type AdminAccount, type NewsroomRole } from './admin-users';
import { logIn, runReviewAction, saveDraft, scheduleArticle, writeArticle, type ArticleDraft } from './admin-journey';
import { launchBrowser } from './browser';
import { createPerson, pickCategory } from './fixtures';
import { waitForSiteText } from './reader';
import { REPO_DIR, startStack, type Stack } from './stack';

const SCREENSHOTS = path.join(REPO_DIR, 'artifacts', 'screenshots');
const ADMIN_VIEWPORT = { width: 1440, height: 900 };
/** How long the admin may take to show what it fetched, on a loaded machine. */
const ADMIN_UPDATE_MS = 15_000;
/** A webhook-triggered Astro + Pagefind build on a shared two-core machine, after the schedule comes due. */
const LIVE_TIMEOUT_MS = 300_000;

// No commas: the audit CSV is read below by splitting its first columns.
const TITLE = 'Xã Định An ra quân dọn vệ sinh kênh rạch đón Tết';
const TITLE_AS_TYPED = 'dinh an don ve sinh kenh rach';
const RETURN_NOTE = 'Ghi rõ số người tham gia và thời gian ra quân.';
const FIXED_SAPO = 'Sáng chủ nhật, hơn 300 đoàn viên và người dân xã Định An ra quân dọn vệ sinh kênh rạch.';

let stack: Stack;
let browser: Browser;
const accounts = {} as Record<NewsroomRole, AdminAccount>;
/** One logged-in admin tab per person: Strapi rate-limits logins, so each logs in once. */
const desks = {} as Record<NewsroomRole, { context: BrowserContext; page: Page }>;
/** What the admin's own scripts reported, per person: shown with a failed step. */
const adminErrors: string[] = [];
let documentId: string;
let scheduledFor: Date;

async function deskOf(role: NewsroomRole, step: string, run: (page: Page) => Promise<void>): Promise<void> {
  desks[role] ??= await (async () => {
    const context = await browser.newContext({ viewport: ADMIN_VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => adminErrors.push(`${role}, uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) adminErrors.push(`${role}, console: ${message.text()}`);
    });
    await logIn(page, stack.cms.url, accounts[role].email, accounts[role].password);
    return { context, page };
  })();
  const { page } = desks[role];
  try {
    await run(page);
  } catch (error) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `failed-workflow-${step}.png`), fullPage: true }).catch(() => {});
    if (adminErrors.length > 0 && error instanceof Error) error.message += `\nThe admin reported:\n${adminErrors.slice(-10).join('\n')}`;
    throw error;
  }
}

async function openArticle(page: Page): Promise<void> {
  await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::article.article/${documentId}`);
  await page.locator('input[name=title]').waitFor();
  await expect.poll(() => page.locator('input[name=title]').inputValue(), { timeout: ADMIN_UPDATE_MS }).toBe(TITLE);
}

/** The article as readers' API serves it (published version), or undefined while it is not public. */
async function publicVersion(): Promise<{ publishedAt: string } | undefined> {
  const res = await axios.get(`${stack.cms.url}/api/articles?filters[documentId][$eq]=${documentId}`);
  return res.data.data[0];
}

async function reviewState(): Promise<{ reviewState: string; reviewNote: string | null }> {
  const res = await axios.get(`${stack.cms.url}/content-manager/collection-types/api::article.article/${documentId}`, {
    headers: { Authorization: `Bearer ${stack.cms.admin.jwt}` },
  });
  return res.data.data;
}

/** The audit trail's rows for the article, as [action, actor] in the order they happened. */
async function auditTrail(jwt: string): Promise<Array<[string, string]>> {
  const res = await axios.get<string>(`${stack.cms.url}/admin/toa-soan/audit/export.csv`, {
    headers: { Authorization: `Bearer ${jwt}` },
    responseType: 'text',
  });
  expect(res.status).toBe(200);
  // Columns: at, action, subjectType, subjectId, subjectTitle, actor, …; the title has no comma.
  return res.data
    .split('\r\n')
    .map((line) => line.split(','))
    .filter((cells) => cells[3] === documentId)
    .map((cells) => [cells[1]!, cells[5]!]);
}

describe('editorial workflow: reporter, editor, publisher', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    // The scheduling task looks every 5 s instead of 30 s: the journey waits for it.
    stack = await startStack({ cmsEnv: { SCHEDULED_PUBLISHING_RULE: '*/5 * * * * *' }, preview: true });
    browser = await launchBrowser();
    const jwt = stack.cms.admin.jwt;
    accounts.reporter = await createNewsroomAccount(stack.cms.url, jwt, 'reporter', { firstname: 'Phóng', lastname: 'viên' });
    accounts.editor = await createNewsroomAccount(stack.cms.url, jwt, 'editor', { firstname: 'Biên tập', lastname: 'viên' });
    accounts.publisher = await createNewsroomAccount(stack.cms.url, jwt, 'publisher', { firstname: 'Trưởng', lastname: 'ban' });
  });

  afterAll(async () => {
    for (const desk of Object.values(desks)) await desk.context.close();
    await browser?.close();
    await stack?.stop();
  });

  it('a reporter writes an article and submits it; they cannot publish it', async () => {
    const token = stack.cms.tokens.fullAccess;
    const writer = await createPerson(stack.cms.url, token, 'Lâm Thị Bích Ngọc', 'lam-thi-bich-ngoc', 'Phóng viên');
    const category = await pickCategory(stack.cms.url, token);
    const draft: ArticleDraft = {
      title: TITLE,
      sapo: 'Xã Định An ra quân dọn vệ sinh kênh rạch.',
      paragraph: 'Các tuyến kênh chính của xã được vớt lục bình, dọn rác và phát quang bờ kênh.',
      categoryName: category.name,
      byline: [{ role: 'writer', personName: writer.name }],
    };
    await deskOf('reporter', 'write', async (page) => {
      await writeArticle(page, stack.cms.url, draft);
      documentId = page.url().split('/').pop()!.split('?')[0]!;
      // Publishing is the Trưởng ban's: the reporter's form offers no "Xuất bản".
      expect(await page.getByRole('button', { name: /^xuất bản$/i }).count()).toBe(0);
      await runReviewAction(page, /^gửi duyệt$/i);
    });
    expect(await reviewState()).toMatchObject({ reviewState: 'cho-duyet' });
    expect(await publicVersion()).toBeUndefined();
  });

  it('the editor returns it with a note, which the reporter reads', async () => {
    await deskOf('editor', 'return', async (page) => {
      await openArticle(page);
      await runReviewAction(page, /^trả lại$/i, async (dialog) => {
        await dialog.getByRole('textbox').fill(RETURN_NOTE);
        await dialog.getByRole('button', { name: /^trả lại$/i }).click();
      });
    });
    expect(await reviewState()).toMatchObject({ reviewState: 'tra-lai', reviewNote: RETURN_NOTE });

    await deskOf('reporter', 'read-note', async (page) => {
      await openArticle(page);
      await expect.poll(() => page.locator('[name=reviewNote]').inputValue(), { timeout: ADMIN_UPDATE_MS }).toBe(RETURN_NOTE);
    });
  });

  it('the reporter fixes the text and submits again; the editor approves', async () => {
    await deskOf('reporter', 'resubmit', async (page) => {
      await page.locator('textarea[name=sapo]').fill(FIXED_SAPO);
      await saveDraft(page);
      await runReviewAction(page, /^gửi duyệt$/i);
    });
    expect(await reviewState()).toMatchObject({ reviewState: 'cho-duyet' });

    await deskOf('editor', 'approve', async (page) => {
      await openArticle(page);
      await expect.poll(() => page.locator('textarea[name=sapo]').inputValue(), { timeout: ADMIN_UPDATE_MS }).toBe(FIXED_SAPO);
      await runReviewAction(page, /^duyệt bài$/i);
    });
    expect(await reviewState()).toMatchObject({ reviewState: 'da-duyet' });
    expect(await publicVersion()).toBeUndefined();
  });

  it('the publisher previews the draft as readers will see it', async () => {
    await deskOf('publisher', 'preview', async (page) => {
      await openArticle(page);
      await page.getByRole('link', { name: /mở bản xem trước|open preview/i }).click();
      await page.waitForURL(/\/preview(\?|$)/);
      const frame = page.frameLocator('iframe[data-testid="preview-iframe"]');
      await frame.locator('h1').filter({ hasText: TITLE }).waitFor({ timeout: ADMIN_UPDATE_MS });
      expect(await frame.locator('.preview-notice strong').textContent()).toBe('Bản xem trước — chưa xuất bản');
      // The reporter's fixed sapo, in the site's own article layout and header.
      expect(await frame.locator('.sapo').innerText()).toBe(FIXED_SAPO);
      expect(await frame.getByRole('banner').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-preview-desktop.png') });
    });
  });

  it('the publisher schedules it a minute ahead; the site, its feed and its search follow by themselves', async () => {
    await deskOf('publisher', 'schedule', async (page) => {
      await openArticle(page);
      scheduledFor = await scheduleArticle(page, 60_000);
    });
    // Still a draft until due: nothing is public before the time the publisher chose.
    if (Date.now() < scheduledFor.getTime() - 5_000) expect(await publicVersion()).toBeUndefined();

    await waitForSiteText(`${stack.siteUrl}/`, TITLE, LIVE_TIMEOUT_MS, () => `rebuild service: ${stack.rebuildLog().slice(-3000)}`);
    expect(new Date((await publicVersion())!.publishedAt).getTime()).toBeGreaterThanOrEqual(scheduledFor.getTime());

    const feed = await axios.get<string>(`${stack.siteUrl}/rss.xml`, { responseType: 'text' });
    expect(feed.data).toContain(TITLE);

    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    try {
      const page = await context.newPage();
      await page.goto(`${stack.siteUrl}/tim-kiem/?q=${encodeURIComponent(TITLE_AS_TYPED)}`);
      await page.getByRole('main').getByRole('link', { name: TITLE }).first().waitFor({ timeout: 20_000 });
    } finally {
      await context.close();
    }
  });

  it('the history holds the published version and the audit trail every step, each under its person', async () => {
    const versions = await axios.get(`${stack.cms.url}/admin/toa-soan/articles/${documentId}/versions`, {
      headers: { Authorization: `Bearer ${accounts.publisher.jwt}` },
    });
    expect(versions.data.data).toHaveLength(1);
    expect(versions.data.data[0]).toMatchObject({ number: 1 });

    const { reporter, editor, publisher } = accounts;
    const trail = await auditTrail(publisher.jwt);
    const steps = trail.filter(([action]) => action !== 'update');
    expect(steps).toEqual([
      ['create', reporter.email],
      ['submit', reporter.email],
      ['return', editor.email],
      ['submit', reporter.email],
      ['approve', editor.email],
      ['schedule', publisher.email],
      // The scheduling task publishes: the system, on the publisher's schedule.
      ['publish', 'system'],
    ]);
    // The reporter's fix is there too, under their name.
    expect(trail).toContainEqual(['update', reporter.email]);
  });
});
