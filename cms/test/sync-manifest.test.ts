/**
 * GET /api/sync-manifest on a real Strapi: published documents only, as compact
 * `[documentId, updatedAt]` pairs matching what the REST API answers, readable anonymously and
 * with a read-only token.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import axios, { type AxiosInstance } from 'axios';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';

let cms: CmsServer;
let editor: AxiosInstance;
let anonymous: AxiosInstance;
let category: string;
let person: string;

const text = (t: string) => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }];
const article = (title: string) => ({
  title,
  sapo: 'Một câu tóm tắt.',
  category,
  byline: [{ role: 'writer', person }],
  body: [{ __component: 'body.text', content: text('Nội dung bài.') }],
});
const manifest = async (headers: Record<string, string> = {}) => {
  const res = await anonymous.get('/api/sync-manifest', { headers });
  expect(res.status, JSON.stringify(res.data).slice(0, 300)).toBe(200);
  return res.data.data as Record<'articles' | 'categories' | 'people' | 'tags' | 'units', Array<[string, string]>> & { siteSetting: string | null; missingUploads: string[] };
};
const ids = (pairs: Array<[string, string]>) => pairs.map(([id]) => id);

beforeAll(async () => {
  cms = await startCms();
  editor = axios.create({ baseURL: cms.url, headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });
  anonymous = axios.create({ baseURL: cms.url, validateStatus: () => true });
  category = (await editor.post('/api/categories', { data: { name: 'Tin tức - Sự kiện' } })).data.data.documentId;
  person = (await editor.post('/api/people', { data: { name: 'Nguyễn Thị Lan' } })).data.data.documentId;
});

afterAll(async () => {
  await cms?.stop();
});

describe('GET /api/sync-manifest', () => {
  it('lists uploads whose file is gone from the upload folder, and only those', async () => {
    const upload = async (name: string) => {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c0392b' } }).jpeg().toBuffer())], { type: 'image/jpeg' }), name);
      const res = await editor.post('/api/upload', form);
      expect(res.status, JSON.stringify(res.data).slice(0, 300)).toBe(201);
      return res.data[0] as { id: number; url: string };
    };
    const kept = await upload('anh-hop.jpg');
    const lost = await upload('anh-hop-2.jpg');
    const lostFile = path.join(cms.publicDir, lost.url);
    const content = await readFile(lostFile);
    await rm(lostFile);
    try {
      expect((await manifest()).missingUploads).toEqual([lost.url]);
    } finally {
      await writeFile(lostFile, content);
    }
    expect((await manifest()).missingUploads).toEqual([]);
    for (const file of [kept, lost]) expect((await editor.delete(`/api/upload/files/${file.id}`)).status).toBe(200);
  });

  it('answers an empty CMS with empty lists and no site setting', async () => {
    const empty = await manifest();
    expect(empty).toEqual({ articles: [], categories: [[category, expect.any(String)]], people: [[person, expect.any(String)]], tags: [], units: [], siteSetting: null, missingUploads: [] });
  });

  it('lists published documents as [documentId, updatedAt] pairs equal to what REST answers', async () => {
    const published = (await editor.post('/api/articles?status=published', { data: article('Đại hội Đảng bộ xã') })).data.data;
    const draft = (await editor.post('/api/articles?status=draft', { data: article('Bản nháp chưa đăng') })).data.data;
    const tag = (await editor.post('/api/tags', { data: { name: 'Đại hội' } })).data.data;
    const settings = (await editor.put('/api/site-setting', { data: { portalName: 'Cổng thông tin huyện Tháp Mười' } })).data.data;
    const unit = (await editor.post('/api/units', { data: { name: 'Huyện ủy Tháp Mười', activeUntil: '2025-06-30' } })).data.data;

    const m = await manifest();
    expect(Object.keys(m).sort()).toEqual(['articles', 'categories', 'missingUploads', 'people', 'siteSetting', 'tags', 'units']);
    expect(m.units).toEqual([[unit.documentId, unit.updatedAt]]);
    expect(ids(m.articles)).toEqual([published.documentId]);
    expect(ids(m.articles)).not.toContain(draft.documentId);
    const rest = (await anonymous.get('/api/articles', { params: { fields: ['updatedAt'] } })).data.data;
    expect(m.articles).toEqual([[rest[0].documentId, rest[0].updatedAt]]);
    expect(m.tags).toEqual([[tag.documentId, tag.updatedAt]]);
    expect(m.siteSetting).toBe(settings.updatedAt);
  });

  it('moves an edited article’s updatedAt and drops unpublished and deleted ones', async () => {
    const before = await manifest();
    const [[documentId, updatedAt]] = before.articles;
    await new Promise((r) => setTimeout(r, 5));
    await editor.put(`/api/articles/${documentId}?status=published`, { data: { title: 'Đại hội Đảng bộ xã (cập nhật)' } });
    const edited = await manifest();
    expect(edited.articles).toHaveLength(1);
    expect(edited.articles[0][0]).toBe(documentId);
    expect(edited.articles[0][1] > updatedAt).toBe(true);

    const unpublish = await anonymous.post(
      `/content-manager/collection-types/api::article.article/${documentId}/actions/unpublish`,
      {},
      { headers: { Authorization: `Bearer ${cms.admin.jwt}` } },
    );
    expect(unpublish.status, JSON.stringify(unpublish.data).slice(0, 300)).toBe(200);
    expect((await manifest()).articles).toEqual([]);

    const tagId = before.tags[0]![0];
    await editor.delete(`/api/tags/${tagId}`);
    expect((await manifest()).tags).toEqual([]);
  });

  it('is readable anonymously and with a read-only token, and gzipped when asked', async () => {
    const readOnly = await anonymous.get('/api/sync-manifest', { headers: { Authorization: `Bearer ${cms.tokens.readOnly}` } });
    expect(readOnly.status).toBe(200);
    // koa-compress leaves answers under 1 KB alone: 30 tags make it bigger.
    for (let i = 0; i < 30; i++) await editor.post('/api/tags', { data: { name: `Từ khóa ${i}` } });
    const gzipped = await anonymous.get('/api/sync-manifest', { headers: { 'Accept-Encoding': 'gzip' }, decompress: false, responseType: 'arraybuffer' });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzipped.data).toString('utf8')).data.tags).toHaveLength(30);
    const post = await anonymous.post('/api/sync-manifest', {});
    expect([404, 405]).toContain(post.status);
  });
});
