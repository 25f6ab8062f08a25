/**
 * GET /api/site-articles on a real Strapi with the demo content: the cold site build's bulk read
 * of published articles. It must answer exactly what /api/articles answers the site's own article
 * read (cms/src/site-read/queries.ts: the route reads it through the query engine, the site's
 * loaders send it over REST), never a draft or a draft's pending edits, and nothing the site did
 * not ask for.
 */
import axios, { type AxiosInstance } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';
import qs from 'qs';
import { articleRead, boundarySchema } from '@toa-soan/cms/site-read';

let cms: CmsServer;
let anonymous: AxiosInstance;
let editor: AxiosInstance;

interface Page {
  data: Array<Record<string, unknown> & { documentId: string; title: string }>;
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

const bulk = async (query = '', token?: string): Promise<Page> => {
  const res = await anonymous.get(`/api/site-articles${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  expect(res.status, JSON.stringify(res.data).slice(0, 300)).toBe(200);
  return res.data as Page;
};
/** What the site's loader gets from the REST API for the same articles, in id order. */
const rest = async (page: number, pageSize: number): Promise<Page> => {
  const query = qs.stringify({ ...articleRead, sort: 'id:asc', pagination: { page, pageSize } }, { encodeValuesOnly: true });
  const res = await anonymous.get(`/api/articles?${query}`);
  expect(res.status, JSON.stringify(res.data).slice(0, 300)).toBe(200);
  return res.data as Page;
};

beforeAll(async () => {
  cms = await startCms({ env: { SEED_DEMO_CONTENT: 'true' } });
  anonymous = axios.create({ baseURL: cms.url, validateStatus: () => true });
  editor = axios.create({ baseURL: cms.url, headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });
});

afterAll(async () => {
  await cms?.stop();
});

describe('GET /api/site-articles', () => {
  it('answers the published articles exactly as /api/articles answers the site’s article query', async () => {
    const all = await bulk('?pagination[pageSize]=100');
    const expected = await rest(1, 100);
    expect(all.data.length).toBeGreaterThan(5);
    // The demo content has every part the site reads: photos in body, cover and gallery, tags, bylines.
    expect(all.data.some((a) => Array.isArray(a.gallery) && a.gallery.length > 0)).toBe(true);
    expect(all.data.some((a) => (a.body as Array<{ __component: string }>).some((b) => b.__component === 'media.credited-photo'))).toBe(true);
    expect(all.data).toEqual(expected.data);
    expect(all.meta).toEqual(expected.meta);
    // And the schema the site derives from the schema files accepts every one of them.
    const schema = boundarySchema('api::article.article', articleRead);
    for (const a of all.data) expect(schema.safeParse(a).error?.issues, a.title).toBeUndefined();
  });

  it('pages like the REST API, in a stable order', async () => {
    const whole = await bulk('?pagination[pageSize]=100');
    const first = await bulk('?pagination[page]=1&pagination[pageSize]=5');
    const second = await bulk('?pagination[page]=2&pagination[pageSize]=5');
    const total = whole.data.length;
    expect(first.meta.pagination).toEqual({ page: 1, pageSize: 5, pageCount: Math.ceil(total / 5), total });
    expect([...first.data, ...second.data]).toEqual(whole.data.slice(0, 10));
    expect(second).toEqual(await rest(2, 5));
    const defaults = await bulk();
    expect(defaults.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });
  });

  it('never shows drafts nor a published article’s unpublished edits', async () => {
    const before = await bulk();
    const drafts = (await editor.get('/api/articles?status=draft&fields[0]=title&pagination[pageSize]=100')).data.data as Array<{ documentId: string; title: string }>;
    const draftOnly = drafts.filter((d) => !before.data.some((a) => a.documentId === d.documentId));
    expect(draftOnly.length, 'the demo content has a draft').toBeGreaterThan(0);

    const target = before.data[0]!;
    const edit = await editor.put(`/api/articles/${target.documentId}?status=draft`, { data: { title: 'Bản sửa chưa duyệt' } });
    expect(edit.status).toBe(200);
    const after = await bulk('', cms.tokens.fullAccess);
    expect(after.data.find((a) => a.documentId === target.documentId)?.title).toBe(target.title);
    expect(JSON.stringify(after)).not.toContain('Bản sửa chưa duyệt');
    for (const draft of draftOnly) expect(after.data.map((a) => a.documentId)).not.toContain(draft.documentId);
    expect(after.data).toEqual(before.data);
  });

  it('answers only the site’s fields: no private data, authors or internal keys', async () => {
    const { data } = await bulk();
    const text = JSON.stringify(data);
    for (const key of ['createdBy', 'updatedBy', 'createdAt', 'sourceKey', 'sourceCaptions', 'locale', 'password', 'email', 'provider', 'hash']) {
      expect(text, key).not.toContain(`"${key}"`);
    }
    expect(Object.keys(data[0]!).sort()).toEqual(
      ['body', 'byline', 'category', 'cover', 'documentId', 'featured', 'gallery', 'id', 'publicationDate', 'publishedAt', 'sapo', 'slug', 'tags', 'title', 'unit', 'updatedAt'],
    );
  });

  it('refuses anything but pagination, so no one asks it for drafts, filters or more populate', async () => {
    for (const query of ['?status=draft', '?filters[title][$contains]=a', '?populate=*', '?fields[0]=title', '?pagination[limit]=5', '?pagination[pageSize]=501', '?pagination[page]=0', '?pagination[page]=x']) {
      const res = await anonymous.get(`/api/site-articles${query}`, { headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });
      expect(res.status, query).toBe(400);
    }
    const post = await anonymous.post('/api/site-articles', {});
    expect([404, 405]).toContain(post.status);
  });

  it('stays exact at once when an article is republished, a photo’s description changes or a tag is deleted', async () => {
    const matchesRest = async () => {
      const all = await bulk('?pagination[pageSize]=100');
      expect(all).toEqual(await rest(1, 100));
      return all;
    };
    const [first] = (await matchesRest()).data as Array<{ documentId: string }>;

    const title = 'Tin đã sửa và xuất bản lại';
    expect((await editor.put(`/api/articles/${first!.documentId}?status=published`, { data: { title } })).status).toBe(200);
    expect((await matchesRest()).data.some((a) => a.title === title)).toBe(true);

    const photo = (await bulk()).data.map((a) => (a as { cover?: { image?: { id: number } } | null }).cover?.image?.id).find((id) => id !== undefined)!;
    const form = new FormData();
    form.append('fileInfo', JSON.stringify({ alternativeText: 'Mô tả ảnh đã sửa' }));
    const described = await editor.post(`/api/upload?id=${photo}`, form);
    expect(described.status, JSON.stringify(described.data).slice(0, 300)).toBe(200);
    expect(JSON.stringify(await matchesRest())).toContain('Mô tả ảnh đã sửa');

    const tagged = (await bulk()).data.flatMap((a) => (a as { tags: Array<{ documentId: string }> }).tags)[0]!;
    expect((await editor.delete(`/api/tags/${tagged.documentId}`)).status).toBe(204);
    expect(JSON.stringify(await matchesRest())).not.toContain(tagged.documentId);
  });

  it('is readable anonymously and with the read-only token, as /api/articles is', async () => {
    const anonymousPage = await bulk('?pagination[pageSize]=3');
    expect(await bulk('?pagination[pageSize]=3', cms.tokens.readOnly)).toEqual(anonymousPage);
  });
});
