/**
 * The editor's journey through the Strapi 5 admin panel: log in, write an article with a
 * credited cover photo, a tag and a byline, publish it. The tag and one person of the byline do
 * not exist yet: the editor creates them from inside the article form, as a newsroom does.
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
  /** `credit` as the editor types it, label included ("Ảnh: …") as it looks in print. */
  cover?: { fileName: string; jpeg: Buffer; caption: string; credit: string };
  /** A tag that does not exist yet, created from the tags field ("Tạo mục liên kết") by its name only. */
  newTagName?: string;
  /**
   * Byline lines in order. `create: true` makes the person from the line's person field
   * ("Tạo mục liên kết") by name only; otherwise the person exists in the CMS and is picked.
   */
  byline: Array<{ role: 'writer' | 'photographer'; personName: string; create?: boolean }>;
  /** Called with the "create" pop-up open and filled, before it is saved (screenshots). */
  onCreatePopup?: (page: Page, field: string) => Promise<void>;
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
  await writeArticle(page, cmsUrl, draft);
  // Only an approved article is published (cms/src/workflow/review.ts): the Trưởng ban approves
  // ("Duyệt bài", offered once the form has no unsaved change), then publishes.
  await runReviewAction(page, /^duyệt bài$/i);
  await publishArticle(page);
}

/** Writes a new article in the form and saves it as a draft ("Lưu"). */
export async function writeArticle(page: Page, cmsUrl: string, draft: ArticleDraft): Promise<void> {
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

  if (draft.cover) {
    // Cover: the first empty-component button on the page is the cover's (body is a dynamic zone).
    await page.getByRole('button', { name: text('no entry yet', 'chưa có') }).first().click();
    await uploadIntoMediaField(page, draft.cover.fileName, draft.cover.jpeg);
    await page.locator('[name="cover.caption"]').fill(draft.cover.caption);
    await page.locator('[name="cover.credit"]').fill(draft.cover.credit);
  }

  await pickRelation(page, 'category', draft.categoryName);

  // Strapi attaches an entry created in the relation pop-up by saving the article it was opened
  // from, and only does so when that article exists: on a never-saved form the new tag or person is
  // created but left unattached. So the editor saves the draft ("Lưu") before creating anything.
  await saveDraft(page);

  if (draft.newTagName) await createInRelationPopup(page, 'tags', draft.newTagName, draft.onCreatePopup);

  for (const [index, credit] of draft.byline.entries()) {
    // The first line comes from the empty placeholder, later ones from "Add an entry".
    if (index === 0) await page.getByRole('button', { name: text('no entry yet', 'chưa có') }).last().click();
    else await page.getByRole('button', { name: text('add an entry', 'thêm (một )?(mục|dòng)') }).click();
    await page.locator(`[name="byline.${index}.role"]`).click();
    await page.getByRole('option', { name: ROLE_OPTION[credit.role] }).click();
    if (credit.create) await createInRelationPopup(page, `byline.${index}.person`, credit.personName, draft.onCreatePopup);
    else await pickRelation(page, `byline.${index}.person`, credit.personName);
  }
  await saveDraft(page);
}

/**
 * Runs a review button of the edit view ("Gửi duyệt", "Duyệt bài", "Trả lại": cms/src/admin/
 * workflow-actions.tsx) and waits for the update it sends. Past the first two, a panel's actions
 * sit in its "Thêm thao tác" menu beside "Xuất bản"; a reporter, who cannot publish, sees them as
 * buttons. `inDialog` fills the action's dialog (the note of "Trả lại") and confirms it.
 */
export async function runReviewAction(page: Page, label: RegExp, inDialog?: (dialog: Locator) => Promise<void>): Promise<void> {
  const updated = page.waitForResponse(
    (res) => res.request().method() === 'PUT' && /\/collection-types\/api::article\.article\/[^/?]+(\?|$)/.test(res.url()),
  );
  // Not awaited if a click below fails first: that failure is the one to report.
  updated.catch(() => {});
  const main = page.getByRole('main');
  const button = main.getByRole('button', { name: label });
  const moreActions = page.getByRole('button', { name: text('^more document actions$', '^thêm thao tác$') });
  // The panel's own menu: the innermost block holding "Lưu" and a menu (body blocks have menus too).
  const panelMenu = main
    .locator('div', { has: page.getByRole('button', { name: text('^save$', '^lưu$') }) })
    .filter({ has: moreActions })
    .last()
    .locator(moreActions);
  await button.or(panelMenu).first().waitFor();
  if (await button.count()) await button.first().click();
  else {
    await panelMenu.click();
    await page.getByRole('menuitem', { name: label }).click();
  }
  if (inDialog) await inDialog(page.getByRole('dialog'));
  const response = await updated;
  if (!response.ok()) throw new Error(`"${label.source}" answered ${response.status()}: ${(await response.text()).slice(0, 500)}\n${await visibleErrors(page)}`);
}

/** "Xuất bản" on the open article, by a Trưởng ban; throws with what the admin shows if refused. */
export async function publishArticle(page: Page): Promise<void> {
  const publishButton = page.getByRole('button', { name: text('^publish$', '^xuất bản$') });
  const published = page.waitForResponse(
    (res) => res.request().method() === 'POST' && /\/api::article\.article\/(actions\/publish|[^/]+\/actions\/publish)/.test(res.url()),
    { timeout: 20_000 },
  );
  await publishButton.click();
  const response = await published.catch(async (error: Error) => {
    throw new Error(`Publish was not sent; the admin shows:\n${await visibleErrors(page)}\n${error.message}`);
  });
  if (!response.ok()) {
    throw new Error(`Publish answered ${response.status()}: ${(await response.text()).slice(0, 500)}\n${await visibleErrors(page)}`);
  }
}

/** "Lưu": saves the draft; a new article gets its own address (…/api::article.article/<documentId>). */
export async function saveDraft(page: Page): Promise<void> {
  const saved = page.waitForResponse(
    (res) => ['POST', 'PUT'].includes(res.request().method()) && /\/collection-types\/api::article\.article(\/[^/?]+)?(\?|$)/.test(res.url()),
  );
  await page.getByRole('button', { name: text('^save$', '^lưu$') }).click();
  const response = await saved;
  if (!response.ok()) throw new Error(`Saving the draft answered ${response.status()}\n${await visibleErrors(page)}`);
  await page.waitForURL((url) => !url.pathname.endsWith('/create'));
}

/**
 * Creates a related entry from inside the form: the relation combobox's creatable option ("Tạo
 * mục liên kết") opens the target's create form in a pop-up (Strapi's RelationModal). Only the
 * name is typed; the slug the pop-up proposes ("tag", "person") is left as is, and the CMS makes
 * the real one from the name (cms/src/documents/slugs.ts). Saving the pop-up creates the entry
 * and saves the article with it attached; the pop-up then shows the new entry and is closed.
 */
async function createInRelationPopup(page: Page, fieldName: string, name: string, onOpen?: (page: Page, field: string) => Promise<void>): Promise<void> {
  const combobox = page.locator(`input[name="${fieldName}"]`);
  await combobox.click();
  await page.getByRole('option', { name: text('^create a relation$', '^tạo mục liên kết$') }).click();
  const dialog = page.getByRole('dialog');
  const nameInput = dialog.locator('input[name=name]');
  await nameInput.fill(name);
  await onOpen?.(page, fieldName);

  const created = page.waitForResponse((res) => res.request().method() === 'POST' && /\/collection-types\/api::(tag\.tag|person\.person)(\?|$)/.test(res.url()));
  const attached = page.waitForResponse((res) => res.request().method() === 'PUT' && /\/collection-types\/api::article\.article\/[^/?]+/.test(res.url()));
  await dialog.getByRole('button', { name: text('^save$', '^lưu$') }).click();
  for (const [what, response] of [['creating', await created], ['attaching', await attached]] as const) {
    if (!response.ok()) throw new Error(`${what} "${name}" from the pop-up answered ${response.status()}: ${(await response.text()).slice(0, 500)}\n${await visibleErrors(page)}`);
  }
  // The pop-up now shows the saved entry ("Sửa mục liên kết"); its close button is labelled in English.
  await dialog.getByRole('button', { name: text('^close', '^đóng') }).first().click();
  await dialog.waitFor({ state: 'detached' });
  // Back in the article, the field lists the new entry as attached.
  await page.getByRole('main').getByRole('link', { name, exact: true }).or(page.getByRole('main').getByText(name, { exact: true })).first().waitFor();
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
 *
 * The box is Strapi's SearchInput: it closes itself when it loses focus while empty, and it
 * starts closed again whenever the list view remounts it (a refetch of the list does). An editor
 * then simply clicks the magnifier again; so does this, until the query is typed and sent.
 */
export async function searchArticleList(page: Page, query: string): Promise<void> {
  const main = page.getByRole('main');
  const box = main.locator('input[name=search]');
  const answered = page.waitForResponse(
    (res) => res.url().includes('/content-manager/collection-types/api::article.article?') && new URL(res.url()).searchParams.get('_q') === query,
    { timeout: 30_000 },
  );
  // Handled here so that a failure to type reports itself, not this wait left unawaited.
  answered.catch(() => {});
  let lastError: unknown;
  await waitFor(
    async () => {
      try {
        if (!(await box.isVisible())) await main.getByRole('button', { name: text('^search$', '^tìm kiếm$') }).click({ timeout: 2_000 });
        await box.fill(query, { timeout: 2_000 });
        await box.press('Enter', { timeout: 2_000 });
        return true;
      } catch (error) {
        lastError = error;
        return undefined;
      }
    },
    { timeoutMs: 20_000, intervalMs: 200, timeoutError: () => new Error(`Could not type "${query}" into the article list's search box: ${String(lastError)}`) },
  );
  const response = await answered;
  if (!response.ok()) throw new Error(`The list search for "${query}" answered ${response.status()}`);
}

/** The titles in the article list as shown (the first column after the checkboxes). */
export async function listedTitles(page: Page): Promise<string[]> {
  const rows = page.getByRole('main').locator('tbody tr');
  return (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent?.trim() ?? ''))).filter(Boolean);
}

/**
 * The Trưởng ban's "Hẹn giờ đăng": types a date and a time (Vietnam time, as the newsroom's
 * PCs are set) into the field's date and time pickers, at least `aheadMs` from now on a whole
 * minute, and saves. Returns the instant chosen.
 */
export async function scheduleArticle(page: Page, aheadMs: number): Promise<Date> {
  const minute = 60_000;
  const at = new Date(Math.ceil((Date.now() + aheadMs) / minute) * minute);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', ...options }).format(at);
  const field = page.getByRole('main').locator('label', { hasText: /^Hẹn giờ đăng/ }).locator('xpath=ancestor::div[count(.//input) >= 2][1]');
  const [date, time] = [field.locator('input').nth(0), field.locator('input').nth(1)];
  await date.fill(part({ day: '2-digit', month: '2-digit', year: 'numeric' }));
  await date.press('Tab');
  await time.fill(part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  await time.press('Tab');
  await saveDraft(page);
  return at;
}
