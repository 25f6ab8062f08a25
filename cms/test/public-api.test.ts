/**
 * One Strapi boot with the demo content loaded by bootstrap and a rebuild webhook pointing at a
 * local receiver: what the site build, anonymous readers, editors' tools and the rebuild
 * service see over HTTP.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';

/** The populate recommended to the site (cms/README.md). */
const SITE_POPULATE = {
  category: { fields: ['name', 'slug'] },
  tags: { fields: ['name', 'slug'] },
  byline: { populate: { person: { fields: ['name', 'slug', 'jobTitle'] } } },
  cover: { populate: { image: { fields: ['url', 'width', 'height', 'alternativeText', 'formats'] } } },
  gallery: { populate: { image: { fields: ['url', 'width', 'height', 'alternativeText', 'formats'] } } },
  body: {
    on: {
      'body.text': true,
      'media.credited-photo': { populate: { image: { fields: ['url', 'width', 'height', 'alternativeText', 'formats'] } } },
    },
  },
};

interface Delivery {
  headers: IncomingHttpHeaders;
  body: { event?: string; model?: string };
}

const WEBHOOK_SECRET = 'rebuild-secret-for-tests';
let cms: CmsServer;
let receiver: Server;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: JSON.parse(raw || '{}') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  cms = await startCms({
    env: {
      SEED_DEMO_CONTENT: 'true',
      REBUILD_WEBHOOK_URL: `http://127.0.0.1:${port}/rebuild`,
      REBUILD_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
});

afterAll(async () => {
  await cms?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const http = () => axios.create({ baseURL: cms.url, validateStatus: () => true });
const withToken = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

/** A complete article as an editor's tool would send it; `image` is an uploaded file id. */
function completeArticle(image: number, category: string, person: string, title: string) {
  return {
    title,
    sapo: 'Một câu tóm tắt.',
    category,
    byline: [{ role: 'writer', person }],
    cover: { image, caption: 'Quang cảnh buổi lễ.', credit: 'Ảnh: Lê Tính' },
    body: [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung bài.' }] }] }],
  };
}

describe('public REST API with the demo content', () => {
  it('lists the 12 published articles with byline, category and credited photos populated', async () => {
    const res = await http().get('/api/articles', {
      params: { populate: SITE_POPULATE, sort: 'publicationDate:desc', pagination: { pageSize: 100 } },
    });
    expect(res.status, JSON.stringify(res.data).slice(0, 500)).toBe(200);
    const articles = res.data.data as Array<Record<string, any>>;
    expect(articles).toHaveLength(12);
    expect(res.data.meta.pagination.total).toBe(12);

    for (const article of articles) {
      expect(article.slug).toMatch(/^[a-z0-9-]+$/);
      expect(article.publicationDate).toBeTruthy();
      expect(article.category.name).toBeTruthy();
      expect(article.byline.length).toBeGreaterThanOrEqual(1);
      for (const credit of article.byline) {
        if (credit.role === 'source') expect(credit.outlet || credit.person?.name).toBeTruthy();
        else expect(credit.person.name).toBeTruthy();
      }
      expect(article.cover.image.url).toMatch(/^\/uploads\/.+\.jpg$/);
      expect(article.cover.image.width).toBe(1600);
      expect(article.cover.caption).toBeTruthy();
      // Who is credited, without the label the site prints ("Ảnh: Lê Tính").
      expect(article.cover.credit).not.toMatch(/^(Ảnh|Hình)\b/u);
      const photos = article.body.filter((b: any) => b.__component === 'media.credited-photo');
      expect(photos.length).toBeGreaterThanOrEqual(1);
      for (const photo of photos) {
        expect(photo.image.url).toMatch(/^\/uploads\//);
        expect(photo.caption).toBeTruthy();
        expect(photo.credit).toBeTruthy();
      }
      expect(article.body.some((b: any) => b.__component === 'body.text' && b.content.length > 0)).toBe(true);
    }

    const party = articles.find((a) => a.title.startsWith('Đảng ủy xã Thạnh Lợi'));
    expect(party?.slug).toMatch(/^dang-uy-xa-thanh-loi-/);
    expect(party?.category.name).toBe('Xây dựng Đảng');
    expect(party?.byline.map((c: any) => c.role)).toEqual(['writer', 'photographer', 'editor']);
    const credits = new Set(articles.map((a) => a.cover.credit));
    expect([...credits]).toEqual(expect.arrayContaining(['Lê Tính', 'Minh Khoa', 'TTXVN', 'Tư liệu']));
    const bySource = articles.find((a) => a.byline.some((c: any) => c.role === 'source' && c.outlet === 'TTXVN'));
    expect(bySource).toBeDefined();
  });

  it('serves categories, people, tags and the site settings', async () => {
    const categories = await http().get('/api/categories', { params: { sort: 'position' } });
    expect(categories.data.data.map((c: any) => c.name)).toEqual(['Tin tức - Sự kiện', 'Xây dựng Đảng', 'Kinh tế', 'Văn hóa - Xã hội']);
    expect(categories.data.data.map((c: any) => c.slug)).toEqual(['tin-tuc-su-kien', 'xay-dung-dang', 'kinh-te', 'van-hoa-xa-hoi']);
    const people = await http().get('/api/people');
    expect(people.data.data).toHaveLength(6);
    expect(people.data.data.find((p: any) => p.name === 'Trần Văn Đức')?.slug).toBe('tran-van-duc');
    const tags = await http().get('/api/tags', { params: { pagination: { pageSize: 100 } } });
    expect(tags.data.data.find((t: any) => t.name === 'Đô thị')?.slug).toBe('do-thi');
    const site = await http().get('/api/site-setting');
    expect(site.data.data.portalName).toBe('Cổng thông tin điện tử huyện Tân Hòa');
  });

  it('keeps drafts invisible to anonymous readers', async () => {
    const title = 'Kế hoạch tổ chức Lễ hội Đình Tân Phú năm 2026';
    const asDraft = await http().get('/api/articles', { params: { status: 'draft', filters: { title } } });
    expect(asDraft.status).toBe(403);
    expect(asDraft.data.data).toBeNull();
    const oneDraft = await http().get('/api/articles', { params: { status: 'draft', pagination: { pageSize: 1 } } });
    expect(oneDraft.status).toBe(403);
    const published = await http().get('/api/articles', { params: { filters: { title } } });
    expect(published.data.data).toEqual([]);
    // …while the draft does exist for a token holder.
    const editor = await http().get('/api/articles', { params: { status: 'draft', filters: { title } }, ...withToken(cms.tokens.fullAccess) });
    expect(editor.data.data).toHaveLength(1);
  });

  it('refuses anonymous writes and sign-up', async () => {
    const list = await http().get('/api/articles');
    const documentId = list.data.data[0].documentId;
    const create = await http().post('/api/articles', { data: { title: 'x' } });
    const update = await http().put(`/api/articles/${documentId}`, { data: { title: 'x' } });
    const remove = await http().delete(`/api/articles/${documentId}`);
    const category = await http().post('/api/categories', { data: { name: 'x' } });
    for (const res of [create, update, remove, category]) expect([401, 403]).toContain(res.status);
    const signup = await http().post('/api/auth/local/register', {
      username: 'reader',
      email: 'reader@example.test',
      password: 'Secret-123',
    });
    expect([401, 403]).toContain(signup.status);
  });

  it('lets a read-only token read but not write', async () => {
    const read = await http().get('/api/articles', withToken(cms.tokens.readOnly));
    expect(read.status).toBe(200);
    const write = await http().post('/api/tags', { data: { name: 'Thử' } }, withToken(cms.tokens.readOnly));
    expect([401, 403]).toContain(write.status);
  });
});

describe('publishing through REST', () => {
  let image: number;
  let category: string;
  let person: string;

  beforeAll(async () => {
    const article = await http().get('/api/articles', { params: { populate: SITE_POPULATE, pagination: { pageSize: 1 } } });
    const first = article.data.data[0];
    image = first.cover.image.id;
    category = first.category.documentId;
    person = first.byline.find((c: any) => c.person)!.person.documentId;
  });

  it('refuses to publish an article without a byline credit, with a clear message, and keeps nothing', async () => {
    const title = 'Tin chưa có người thực hiện';
    const { byline: _none, ...data } = completeArticle(image, category, person, title);
    const res = await http().post('/api/articles?status=published', { data }, withToken(cms.tokens.fullAccess));
    expect(res.status).toBe(400);
    expect(res.data.error.name).toBe('ValidationError');
    expect(res.data.error.message).toBe(
      'Chưa thể xuất bản: bài viết cần ít nhất một người thực hiện (Bút danh/Tác giả).',
    );
    expect(res.data.error.details.errors[0].path).toEqual(['byline']);
    const left = await http().get('/api/articles', { params: { status: 'draft', filters: { title } }, ...withToken(cms.tokens.fullAccess) });
    expect(left.data.data).toEqual([]);
  });

  it('refuses to publish a photo without a credit, and a draft stays a draft', async () => {
    const data = completeArticle(image, category, person, 'Tin có ảnh chưa ghi tác giả');
    data.cover.credit = '';
    // REST writes publish unless asked for a draft.
    const draft = await http().post('/api/articles?status=draft', { data }, withToken(cms.tokens.fullAccess));
    expect(draft.status, JSON.stringify(draft.data)).toBe(201);
    const publish = await http().put(
      `/api/articles/${draft.data.data.documentId}?status=published`,
      { data: { sapo: 'Sửa sapo rồi xuất bản.' } },
      withToken(cms.tokens.fullAccess),
    );
    expect(publish.status).toBe(400);
    expect(publish.data.error.message).toContain('Ảnh đại diện chưa ghi tác giả ảnh');
    const stillDraft = await http().get(`/api/articles/${draft.data.data.documentId}`);
    expect(stillDraft.status).toBe(404);
  });

  it('publishes a complete article with a transliterated, deduplicated slug and the publish time as its date', async () => {
    const title = 'Đồng chí Bí thư Đảng ủy thăm khu đô thị mới';
    const before = Date.now();
    const first = await http().post('/api/articles?status=published', { data: completeArticle(image, category, person, title) }, withToken(cms.tokens.fullAccess));
    expect(first.status, JSON.stringify(first.data)).toBe(201);
    expect(first.data.data.slug).toBe('dong-chi-bi-thu-dang-uy-tham-khu-do-thi-moi');
    expect(first.data.data.publishedAt).toBeTruthy();
    const date = Date.parse(first.data.data.publicationDate);
    expect(date).toBeGreaterThanOrEqual(before - 1000);
    expect(date).toBeLessThanOrEqual(Date.now() + 1000);

    const second = await http().post('/api/articles?status=published', { data: completeArticle(image, category, person, title) }, withToken(cms.tokens.fullAccess));
    expect(second.status).toBe(201);
    expect(second.data.data.slug).toBe('dong-chi-bi-thu-dang-uy-tham-khu-do-thi-moi-2');

    const imported = await http().post(
      '/api/articles?status=published',
      { data: { ...completeArticle(image, category, person, 'Bài nhập từ cổng cũ'), publicationDate: '2021-02-26T08:00:00.000Z' } },
      withToken(cms.tokens.fullAccess),
    );
    expect(imported.data.data.publicationDate).toBe('2021-02-26T08:00:00.000Z');
    const publicView = await http().get(`/api/articles/${first.data.data.documentId}`);
    expect(publicView.status).toBe(200);
  });

  it('fills empty slugs of categories, people and tags', async () => {
    const tag = await http().post('/api/tags', { data: { name: 'Đường điện nông thôn' } }, withToken(cms.tokens.fullAccess));
    expect(tag.data.data.slug).toBe('duong-dien-nong-thon');
    const person2 = await http().post('/api/people', { data: { name: 'Lê Tính' } }, withToken(cms.tokens.fullAccess));
    expect(person2.data.data.slug).toBe('le-tinh-2');
  });

  it('makes slugs from the name when they are empty or still hold the admin placeholder (tag, person-1…)', async () => {
    const post = (type: string, data: Record<string, unknown>) => http().post(`/api/${type}`, { data }, withToken(cms.tokens.fullAccess));
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['tags', { name: 'Dịch vụ công trực tuyến', slug: '' }, 'dich-vu-cong-truc-tuyen'],
      ['tags', { name: 'Bình dân học vụ số', slug: 'tag' }, 'binh-dan-hoc-vu-so'],
      ['tags', { name: 'Cải cách hành chính', slug: 'tag-2' }, 'cai-cach-hanh-chinh'],
      ['people', { name: 'Hoàng Kha', slug: 'person' }, 'hoang-kha'],
      ['categories', { name: 'Quốc phòng - An ninh', slug: null }, 'quoc-phong-an-ninh'],
    ];
    for (const [type, data, slug] of cases) {
      const res = await post(type, data);
      expect(res.status, JSON.stringify(res.data)).toBe(201);
      expect(res.data.data.slug).toBe(slug);
    }
    // A slug an editor typed stays, and so does a name that really gives "tag".
    expect((await post('tags', { name: 'Văn hóa đọc', slug: 'doc-sach' })).data.data.slug).toBe('doc-sach');
    expect((await post('tags', { name: 'Tag', slug: 'tag' })).data.data.slug).toBe('tag');
    // On update too: the placeholder gives way to the stored name.
    const created = await post('people', { name: 'Ngọc Hân Nguyễn' });
    const updated = await http().put(`/api/people/${created.data.data.documentId}`, { data: { slug: 'person' } }, withToken(cms.tokens.fullAccess));
    expect(updated.data.data.slug).toBe('ngoc-han-nguyen');
  });

  it('stores the credit without the label an editor typed', async () => {
    const data = completeArticle(image, category, person, 'Tin có tác giả ảnh ghi kèm nhãn');
    data.cover.credit = '(Ảnh: Lê Tính)';
    const gallery = [{ image, caption: 'Ảnh trong bộ ảnh.', credit: 'Hình: Minh Khoa' }];
    const body = [...data.body, { __component: 'media.credited-photo', image, caption: 'Ảnh trong bài.', credit: 'Nguồn ảnh: TTXVN' }];
    const res = await http().post('/api/articles?status=draft', { data: { ...data, gallery, body } }, withToken(cms.tokens.fullAccess));
    expect(res.status, JSON.stringify(res.data)).toBe(201);
    const stored = await http().get(`/api/articles/${res.data.data.documentId}`, {
      params: { status: 'draft', populate: { cover: true, gallery: true, body: { on: { 'body.text': true, 'media.credited-photo': true } } } },
      ...withToken(cms.tokens.fullAccess),
    });
    expect(stored.data.data.cover.credit).toBe('Lê Tính');
    expect(stored.data.data.gallery[0].credit).toBe('Minh Khoa');
    expect(stored.data.data.body[1].credit).toBe('TTXVN');
  });

  it('refuses to publish with a future publication date, and allows a few minutes of clock skew', async () => {
    const future = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    const res = await http().post(
      '/api/articles?status=published',
      { data: { ...completeArticle(image, category, person, 'Tin đặt ngày đăng tương lai'), publicationDate: future } },
      withToken(cms.tokens.fullAccess),
    );
    expect(res.status).toBe(400);
    expect(res.data.error.message).toMatch(/^Chưa thể xuất bản: ngày đăng .* chưa tới/);
    expect(res.data.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual([['publicationDate']]);

    const skewed = new Date(Date.now() + 60_000).toISOString();
    const ok = await http().post(
      '/api/articles?status=published',
      { data: { ...completeArticle(image, category, person, 'Tin đồng hồ máy nhanh một phút'), publicationDate: skewed } },
      withToken(cms.tokens.fullAccess),
    );
    expect(ok.status, JSON.stringify(ok.data)).toBe(201);
  });
});

describe('admin side', () => {
  const admin = () => withToken(cms.admin.jwt);

  it('registers the rebuild webhook with its secret and delivers events to it', async () => {
    const res = await http().get('/admin/webhooks', admin());
    expect(res.status).toBe(200);
    const ours = (res.data.data as any[]).filter((w) => w.url.endsWith('/rebuild'));
    expect(ours).toHaveLength(1);
    expect(ours[0].headers).toEqual({ 'X-Webhook-Secret': WEBHOOK_SECRET });
    expect(ours[0].events).toEqual(
      expect.arrayContaining(['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'media.create', 'media.update', 'media.delete']),
    );

    const tag = await http().post('/api/tags', { data: { name: 'Tin webhook' } }, withToken(cms.tokens.fullAccess));
    expect(tag.status).toBe(201);
    const delivery = await vi.waitFor(
      () => {
        const found = deliveries.find((d) => d.body.event === 'entry.create' && d.body.model === 'tag');
        expect(found, 'the entry.create webhook for the tag').toBeDefined();
        return found!;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(delivery.headers['x-webhook-secret']).toBe(WEBHOOK_SECRET);
  });

  it('publishes from the admin with the same rules', async () => {
    const base = '/content-manager/collection-types/api::article.article';
    const created = await http().post(base, { title: 'Bản nháp trong trang quản trị' }, admin());
    expect(created.status, JSON.stringify(created.data).slice(0, 300)).toBe(201);
    const refused = await http().post(`${base}/${created.data.data.documentId}/actions/publish`, {}, admin());
    expect(refused.status).toBe(400);
    expect(refused.data.error.message).toMatch(/^Chưa thể xuất bản: .*chưa chọn chuyên mục.*ít nhất một người thực hiện/);
  });

  it('creates a tag from the pop-up in the article form with its slug from the name, and attaches it', async () => {
    // What the content manager sends: the pop-up's create (slug left empty now that it is not
    // required, or the old "tag" placeholder), then the article draft updated with a connect.
    const tags = '/content-manager/collection-types/api::tag.tag';
    const empty = await http().post(tags, { name: 'Nông thôn mới kiểu mẫu', slug: '' }, admin());
    expect(empty.status, JSON.stringify(empty.data).slice(0, 300)).toBe(201);
    expect(empty.data.data.slug).toBe('nong-thon-moi-kieu-mau');
    const placeholder = await http().post(tags, { name: 'Đê bao', slug: 'tag' }, admin());
    expect(placeholder.data.data.slug).toBe('de-bao');

    const articles = '/content-manager/collection-types/api::article.article';
    const draft = await http().post(articles, { title: 'Bài gắn từ khóa mới tạo' }, admin());
    expect(draft.status).toBe(201);
    const documentId = draft.data.data.documentId;
    // The relation combobox picks from this search; a tag missing here cannot be added by hand.
    const search = await http().get(`/content-manager/relations/api::article.article/tags`, {
      params: { id: documentId, pageSize: 10, page: 1, _q: 'Đê bao', status: 'draft' },
      ...admin(),
    });
    expect(search.status, JSON.stringify(search.data).slice(0, 300)).toBe(200);
    expect(search.data.results.map((t: { documentId: string }) => t.documentId)).toContain(placeholder.data.data.documentId);
    const relation = (tag: { documentId: string }) => ({ id: tag.documentId, documentId: tag.documentId, locale: null });
    const attached = await http().put(
      `${articles}/${documentId}`,
      { title: 'Bài gắn từ khóa mới tạo', tags: { connect: [relation(empty.data.data), relation(placeholder.data.data)], disconnect: [] } },
      admin(),
    );
    expect(attached.status, JSON.stringify(attached.data).slice(0, 300)).toBe(200);
    const stored = await http().get(`/api/articles/${documentId}`, { params: { status: 'draft', populate: { tags: true } }, ...withToken(cms.tokens.fullAccess) });
    expect(stored.data.data.tags.map((t: { slug: string }) => t.slug).sort()).toEqual(['de-bao', 'nong-thon-moi-kieu-mau']);
  });

  it('labels the edit form in Vietnamese with hints', async () => {
    const article = await http().get('/content-manager/content-types/api::article.article/configuration', admin());
    const metadatas = article.data.data.contentType.metadatas;
    expect(metadatas.sapo.edit.label).toBe('Sapo');
    expect(metadatas.sapo.edit.description).toContain('1–3 câu');
    expect(metadatas.byline.edit.label).toBe('Bút danh/Tác giả');
    const photo = article.data.data.components['media.credited-photo'].metadatas;
    expect(photo.credit.edit.description).toContain('"Lê Tính"');
    // An instruction, not a name that could pass for a value already typed.
    expect(photo.credit.edit.placeholder).toMatch(/^Nhập .*Lê Tính/);
    const credit = article.data.data.components['byline.credit'].metadatas;
    expect(credit.role.edit.description).toContain('photographer = Ảnh');
  });
});
