/**
 * The editor's journey through the Strapi 5 admin panel: log in, write an article with a
 * credited cover photo and a byline, publish it.
 *
 * Selectors lean on what survives translation and restyling: form field `name` attributes
 * (`title`, `cover.caption`, `byline.0.person`), ARIA roles, the Slate editor's own
 * `data-slate-editor` attribute, and button names matched in English or Vietnamese (the admin
 * may run in either, depending on cms/src/admin and the editor's preferred language).
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../lib/wait-for';

export interface ArticleDraft {
  title: string;
  sapo: string;
  /** One paragraph typed into a `body.text` block. */
  paragraph: string;
  categoryName: string;
  cover: { fileName: string; jpeg: Buffer; caption: string; credit: string };
  /** Byline lines in order, each naming a person that exists in the CMS. */
  byline: Array<{ role: 'writer' | 'photographer'; personName: string }>;
}

/** Role labels as the admin shows them: the raw enum value, or a Vietnamese label. */
const ROLE_OPTION: Record<ArticleDraft['byline'][number]['role'], RegExp> = {
  writer: /^(writer|bài(\s*\/\s*tin)?|tác giả)\b/i,
  photographer: /^(photographer|ảnh)\b/i,
};

const text = (english: string, vietnamese: string) => new RegExp(`${english}|${vietnamese}`, 'i');

export async function logIn(page: Page, cmsUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: text('^log ?in$', '^đăng nhập$') }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'));
}

export async function writeAndPublishArticle(page: Page, cmsUrl: string, draft: ArticleDraft): Promise<void> {
  await page.goto(`${cmsUrl}/admin/content-manager/collection-types/api::article.article/create`);
  await page.locator('input[name=title]').waitFor();
  // Strapi's "new Media Library" announcement banner sits over the top of the page.
  const banner = page.getByRole('button', { name: text('close the banner', 'đóng') });
  if (await banner.count()) await banner.first().click();

  await page.locator('input[name=title]').fill(draft.title);
  // Strapi 5 proposes a slug when the form opens (from the still empty title) and does not follow
  // later title edits: the editor asks for a fresh one from the title.
  const slug = page.locator('input[name=slug]');
  const proposed = await slug.inputValue();
  await page.getByRole('button', { name: text('^regenerate$', '^tạo lại$') }).click();
  await expectValueChange(slug, proposed);
  await page.locator('textarea[name=sapo]').fill(draft.sapo);

  // Body: one text block. The component picker lists components by display name.
  await page.getByRole('button', { name: text('^add a component to', '^thêm (một )?(thành phần|khối)') }).click();
  await page.getByRole('button', { name: /đoạn văn/i }).click();
  const editor = page.locator('[data-slate-editor=true]').first();
  await editor.click();
  await page.keyboard.type(draft.paragraph);

  // Cover: the first empty-component button on the page is the cover's (body is a dynamic zone).
  await page.getByRole('button', { name: text('no entry yet', 'chưa có') }).first().click();
  await uploadIntoMediaField(page, draft.cover.fileName, draft.cover.jpeg);
  await page.locator('[name="cover.caption"]').fill(draft.cover.caption);
  await page.locator('[name="cover.credit"]').fill(draft.cover.credit);

  await pickRelation(page, 'category', draft.categoryName);

  for (const [index, credit] of draft.byline.entries()) {
    // The first line comes from the empty placeholder, later ones from "Add an entry".
    if (index === 0) await page.getByRole('button', { name: text('no entry yet', 'chưa có') }).last().click();
    else await page.getByRole('button', { name: text('add an entry', 'thêm (một )?(mục|dòng)') }).click();
    await page.locator(`[name="byline.${index}.role"]`).click();
    await page.getByRole('option', { name: ROLE_OPTION[credit.role] }).click();
    await pickRelation(page, `byline.${index}.person`, credit.personName);
  }

  const published = page.waitForResponse(
    (res) => res.request().method() === 'POST' && /\/api::article\.article\/(actions\/publish|[^/]+\/actions\/publish)/.test(res.url()),
    { timeout: 20_000 },
  );
  await page.getByRole('button', { name: text('^publish$', '^xuất bản$') }).click();
  const response = await published.catch(async (error: Error) => {
    throw new Error(`Publish was not sent; the admin shows:\n${await visibleErrors(page)}\n${error.message}`);
  });
  if (!response.ok()) {
    throw new Error(`Publish answered ${response.status()}: ${(await response.text()).slice(0, 500)}\n${await visibleErrors(page)}`);
  }
}

async function expectValueChange(input: Locator, from: string): Promise<void> {
  await waitFor(async () => ((await input.inputValue()) === from ? undefined : true), {
    timeoutMs: 10_000,
    intervalMs: 100,
    timeoutError: () => new Error(`The slug stayed "${from}" after Regenerate`),
  });
}

/** Opens the media library from an empty media field, uploads one image and selects it. */
async function uploadIntoMediaField(page: Page, fileName: string, jpeg: Buffer): Promise<void> {
  await page.getByRole('button', { name: text('click to add an asset', 'thêm (một )?(tệp|ảnh)|tải') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: text('add (more|new) assets', 'thêm tệp') }).first().click();
  await dialog.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'image/jpeg', buffer: jpeg });
  await dialog.getByRole('button', { name: text('upload 1 asset', 'tải lên 1|tải 1 tệp lên') }).click();
  // After the upload the library shows the new asset already selected; Finish attaches it.
  await dialog.getByText(fileName).waitFor();
  await dialog.getByRole('button', { name: text('^finish$', '^(xong|hoàn tất)$') }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Types into a relation combobox and picks the option with exactly this label. */
async function pickRelation(page: Page, fieldName: string, label: string): Promise<void> {
  const combobox = page.locator(`input[name="${fieldName}"]`);
  await combobox.click();
  await combobox.fill(label);
  await page.getByRole('option', { name: label, exact: true }).click();
}

async function visibleErrors(page: Page): Promise<string> {
  const alerts = await page.getByRole('alert').allInnerTexts();
  const fieldErrors = await page.locator('[id$="-error"], [role=alert]').allInnerTexts();
  return [...new Set([...alerts, ...fieldErrors])].join('\n') || '(no error message on the page)';
}

export const ARTICLE_LIST_PATH = '/admin/content-manager/collection-types/api::article.article';

/**
 * Types into the article list's search box as an editor does (the magnifier opens it, Enter
 * searches) and waits for the list the admin asked for with exactly this query.
 */
export async function searchArticleList(page: Page, query: string): Promise<void> {
  const box = page.getByRole('main').locator('input[name=search]');
  if (!(await box.isVisible())) await page.getByRole('main').getByRole('button', { name: text('^search$', '^tìm kiếm$') }).click();
  const answered = page.waitForResponse(
    (res) => res.url().includes('/content-manager/collection-types/api::article.article?') && new URL(res.url()).searchParams.get('_q') === query,
  );
  await box.fill(query);
  await box.press('Enter');
  const response = await answered;
  if (!response.ok()) throw new Error(`The list search for "${query}" answered ${response.status()}`);
}

/** The titles in the article list as shown (the first column after the checkboxes). */
export async function listedTitles(page: Page): Promise<string[]> {
  const rows = page.getByRole('main').locator('tbody tr');
  return (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent?.trim() ?? ''))).filter(Boolean);
}
