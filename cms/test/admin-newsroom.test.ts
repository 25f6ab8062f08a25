/**
 * The admin panel as a newsroom uses it, over the content manager's own API on a real Strapi
 * with the demo content: search without diacritics or case, the article list and forms, and
 * what is kept out of an editor's way.
 */
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';
import { creditText } from '../src/newsroom/byline';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const TITLE = 'Đảng ủy xã Tân Phú sơ kết công tác xây dựng Đảng quý III';

let cms: CmsServer;
const http = () => axios.create({ baseURL: cms.url, validateStatus: () => true, headers: { Authorization: `Bearer ${cms.admin.jwt}` } });

async function search(path: string, q: string): Promise<Array<Record<string, any>>> {
  const res = await http().get(path, { params: { _q: q, page: 1, pageSize: 50 } });
  expect(res.status, JSON.stringify(res.data).slice(0, 300)).toBe(200);
  return res.data.results;
}

beforeAll(async () => {
  cms = await startCms({ env: { SEED_DEMO_CONTENT: 'true' } });
  const people = await search('/content-manager/collection-types/api::person.person', '');
  const created = await http().post(ARTICLES, {
    title: TITLE,
    sapo: 'Hội nghị đánh giá kết quả lãnh đạo, chỉ đạo trong quý.',
    byline: [{ role: 'writer', person: { connect: [{ documentId: people[0].documentId }] } }],
  });
  expect(created.status, JSON.stringify(created.data).slice(0, 300)).toBe(201);
});

afterAll(async () => {
  await cms?.stop();
});

describe(`admin search on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it.each(['tan phu', 'dang uy xa tan', 'Đảng ủy xã Tân Phú', 'đảng ủy xã tân phú', 'TAN PHU', 'Tân  Phú', 'dang uy tan phu', 'quy III, tân phú'])(
    'finds the new article with %j',
    async (q) => {
      const titles = (await search(ARTICLES, q)).map((a) => a.title);
      expect(titles).toContain(TITLE);
    },
  );

  it('finds demo articles (filled at start, before any edit) and only matching ones', async () => {
    for (const q of ['dang uy xa thanh loi', 'dang uy thanh loi', 'Thạnh Lợi']) {
      const titles = (await search(ARTICLES, q)).map((a) => a.title);
      expect(titles, q).toEqual([expect.stringMatching(/^Đảng ủy xã Thạnh Lợi/)]);
    }
    expect(await search(ARTICLES, 'khong co bai nao nhu the nay')).toEqual([]);
  });

  it('finds people, categories and tags the same way', async () => {
    const people = await search('/content-manager/collection-types/api::person.person', '');
    const person = people.find((p) => /[^\x00-\x7f]/.test(p.name))!;
    const folded = person.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    expect((await search('/content-manager/collection-types/api::person.person', folded)).map((p) => p.name)).toContain(person.name);
    const categories = await search('/content-manager/collection-types/api::category.category', 'tin tuc su kien');
    expect(categories.map((c) => c.name)).toContain('Tin tức - Sự kiện');
  });

  it('keeps the folded words out of the public API', async () => {
    const res = await axios.get(`${cms.url}/api/articles`, { params: { 'pagination[pageSize]': 1 } });
    expect(Object.keys(res.data.data[0])).not.toContain('searchText');
    expect(Object.keys(res.data.data[0])).not.toContain('bylineNames');
  });
});

describe('article list and forms', () => {
  it('lists articles newest first with title, category, authors, date and review state (status is added by Strapi)', async () => {
    const res = await http().get('/content-manager/content-types/api::article.article/configuration');
    const { settings, layouts, metadatas } = res.data.data.contentType;
    expect(settings).toMatchObject({ defaultSortBy: 'publicationDate', defaultSortOrder: 'DESC' });
    expect(layouts.list).toEqual(['title', 'category', 'bylineNames', 'publicationDate', 'reviewState']);
    expect(metadatas.bylineNames.list.label).toBe('Tác giả');
    // A short header in the list, the full label in the form.
    expect(metadatas.reviewState.list.label).toBe('Duyệt bài');
    expect(metadatas.reviewState.edit.label).toBe('Trạng thái duyệt');
    const editFields = layouts.edit.flat().map((field: { name: string }) => field.name);
    expect(editFields).toEqual(expect.arrayContaining(['title', 'byline', 'cover']));
    for (const hidden of ['sourceKey', 'sourceCaptions', 'bylineNames', 'searchText']) expect(editFields).not.toContain(hidden);

    const credit = res.data.data.components['byline.credit'];
    expect(credit.settings.mainField).toBe('summary');
    expect(credit.layouts.edit.flat().map((field: { name: string }) => field.name)).not.toContain('summary');
    const photo = res.data.data.components['media.credited-photo'].metadatas;
    expect(photo.credit.edit.placeholder).toMatch(/^Nhập /);
    expect(photo.credit.edit.placeholder).not.toContain('Ảnh:');
  });

  it('shows who wrote each article and summarises byline lines', async () => {
    const [article] = await search(ARTICLES, 'tan phu so ket');
    expect(article.bylineNames).toBeTruthy();
    const full = await http().get(`${ARTICLES}/${article.documentId}`);
    const [line] = full.data.data.byline;
    expect(line.summary).toBe(creditText(line.role, article.bylineNames));
  });

  it('names the admin roles in Vietnamese', async () => {
    const res = await http().get('/admin/roles');
    const names = Object.fromEntries(res.data.data.map((role: { code: string; name: string }) => [role.code, role.name]));
    expect(names).toMatchObject({ 'strapi-super-admin': 'Quản trị hệ thống', 'strapi-editor': 'Biên tập (mặc định của Strapi)', 'strapi-author': 'Tác giả (mặc định của Strapi)' });
  });

  it('keeps the users-permissions "User" type out of the content manager', async () => {
    const res = await http().get('/content-manager/content-types');
    const user = res.data.data.find((type: { uid: string }) => type.uid === 'plugin::users-permissions.user');
    expect(user.isDisplayed).toBe(false);
  });
});
