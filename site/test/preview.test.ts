/**
 * The draft preview end to end: a real Strapi hands the admin a signed link (its preview
 * endpoint, as the "Open preview" button asks it), the real preview server (its own Astro build,
 * Node adapter) renders the draft with the site's layout and stylesheet, and refuses without a
 * valid, unexpired signature.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { PREVIEW_LIFETIME_MS, signPreviewUrl } from '@toa-soan/cms/preview-url';
import { freePort, startCms, type CmsServer } from '@toa-soan/scripts/testing';
import { HOSTILE_INPUTS } from '@toa-soan/scripts/testing/hostile-inputs';
import { SITE_DIR, buildPreviewServer, startPreviewServer, type PreviewServer } from '@toa-soan/scripts/preview-server';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContent } from './support/content';

const SECRET = randomBytes(24).toString('base64url');
const TOKEN = randomBytes(24).toString('hex');
const CANARY = `Bản nháp canary ${randomBytes(4).toString('hex')}`;
const CANARY_BODY = `Nội dung nháp canary ${randomBytes(4).toString('hex')}`;
// Breaks out of an attribute and opens a tag: must come out as text in <title>, <h1>, meta and JSON-LD.
const HOSTILE = HOSTILE_INPUTS.find((s) => s.startsWith('"><img'))!;

let work: string;
let cms: CmsServer;
let server: PreviewServer;
let previewBase: string;
let canaryId: string;
let hostileId: string;

const text = (value: string) => ({ type: 'paragraph', children: [{ type: 'text', text: value }] });
const get = (url: string) => axios.get<string>(url, { validateStatus: () => true, responseType: 'text', maxRedirects: 0 });

/** What the admin's "Open preview" gets: GET /content-manager/preview/url/:uid with the editor's session. */
async function adminPreviewUrl(uid: string, documentId: string, status = 'draft') {
  const res = await axios.get(`${cms.url}/content-manager/preview/url/${uid}`, {
    params: { documentId, status },
    headers: { Authorization: `Bearer ${cms.admin.jwt}` },
    validateStatus: () => true,
  });
  return { status: res.status, url: res.data?.data?.url as string | undefined };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(SITE_DIR, 'node_modules', '.toa-soan-preview-test-'));
  const port = await freePort();
  previewBase = `http://127.0.0.1:${port}`;
  cms = await startCms({ env: { PREVIEW_URL: previewBase, PREVIEW_SECRET: SECRET, PREVIEW_TOKEN: TOKEN } });
  await createTestContent(cms.url, cms.tokens.fullAccess, cms.publicDir);
  const api = axios.create({ baseURL: cms.url, headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });
  const draft = async (title: string, body: string, sapo: string) =>
    (await api.post('/api/articles?status=draft', { data: { title, sapo, body: [{ __component: 'body.text', content: [text(body)] }] } })).data.data.documentId as string;
  canaryId = await draft(CANARY, CANARY_BODY, 'Tóm tắt nháp.');
  hostileId = await draft(HOSTILE, HOSTILE, HOSTILE);
  // Inside site/: the server bundle imports its packages from site's node_modules.
  const outDir = path.join(work, 'dist-preview');
  await buildPreviewServer({ cmsUrl: cms.url, siteUrl: 'https://thapmuoi.example.vn', outDir });
  server = await startPreviewServer({ port, cmsUrl: cms.url, siteUrl: 'https://thapmuoi.example.vn', strapiToken: TOKEN, previewSecret: SECRET, outDir });
}, 400_000);

afterAll(async () => {
  await server?.stop();
  await cms?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the admin preview link', () => {
  it('is a signed link to /xem-truoc/<documentId> on the preview server, for articles only', async () => {
    const { status, url } = await adminPreviewUrl('api::article.article', canaryId);
    expect(status).toBe(200);
    const link = new URL(url!);
    expect(link.origin + link.pathname).toBe(`${previewBase}/xem-truoc/${canaryId}`);
    expect(link.searchParams.get('status')).toBe('draft');
    expect(Number(link.searchParams.get('expires')) - Date.now()).toBeGreaterThan(PREVIEW_LIFETIME_MS - 60_000);
    expect(link.searchParams.get('signature')).toMatch(/^[\w-]{43}$/);
    // No preview for types without a page of their own: the admin then shows no button.
    expect((await adminPreviewUrl('api::category.category', canaryId)).status).toBe(204);
  });

  it('is refused to a request without an admin session', async () => {
    const res = await axios.get(`${cms.url}/content-manager/preview/url/api::article.article`, { params: { documentId: canaryId }, validateStatus: () => true });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.data)).not.toContain('signature');
  });
});

describe('the preview server', () => {
  it('renders the draft with the site layout and stylesheet, marked as an unpublished preview and kept out of search engines', async () => {
    const { url } = await adminPreviewUrl('api::article.article', canaryId);
    const res = await get(url!);
    expect(res.status).toBe(200);
    const html = res.data;
    expect(html).toContain(`<h1>${CANARY}</h1>`);
    expect(html).toContain(CANARY_BODY);
    expect(html).toContain('Bản xem trước — chưa xuất bản');
    expect(html).toContain('<meta name="robots" content="noindex">');
    // Canonical and share links name the article's address once published, not the preview's.
    expect(html).toMatch(/<link rel="canonical" href="https:\/\/thapmuoi\.example\.vn\/tin-tuc\/ban-nhap-canary-[0-9a-f]{8}\/">/);
    // The site's own header (portal name from the site settings) and footer.
    expect(html).toMatch(/<header class="masthead">[\s\S]*Cổng thông tin điện tử huyện Tháp Mười/);
    expect(html).toContain('<footer');
    expect(html).toContain('<a href="/chuyen-muc/xay-dung-dang/"');
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain(`frame-ancestors ${new URL(cms.url).origin}`);
    // The stylesheet is the site's global.css (served under /xem-truoc/, which nginx passes on).
    const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(stylesheets.length).toBeGreaterThan(0);
    expect(stylesheets.every((href) => href.startsWith('/xem-truoc/_astro/'))).toBe(true);
    const css = (await Promise.all(stylesheets.map(async (href) => (await get(`${previewBase}${href}`)).data))).join('\n');
    expect(css).toContain('.masthead');
    expect(css).toContain('--red:#a50e16');
  });

  it('refuses a tampered, foreign, expired or missing signature with 403 and without the draft', async () => {
    const { url } = await adminPreviewUrl('api::article.article', canaryId);
    const good = new URL(url!);
    const sig = good.searchParams.get('signature')!;
    const variant = (change: (u: URL) => void) => {
      const u = new URL(good);
      change(u);
      return u.toString();
    };
    const { url: hostileUrl } = await adminPreviewUrl('api::article.article', hostileId);
    const refused = {
      tampered: variant((u) => u.searchParams.set('signature', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`)),
      missing: variant((u) => u.searchParams.delete('signature')),
      longer: variant((u) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 86_400_000))),
      'another article': variant((u) => (u.search = new URL(hostileUrl!).search)),
      expired: signPreviewUrl(previewBase, SECRET, { documentId: canaryId, status: 'draft' }, Date.now() - PREVIEW_LIFETIME_MS - 1000),
      'another secret': signPreviewUrl(previewBase, 'not-the-secret', { documentId: canaryId, status: 'draft' }),
      bare: `${previewBase}/xem-truoc/${canaryId}`,
    };
    for (const [name, link] of Object.entries(refused)) {
      const res = await get(link);
      expect({ name, status: res.status }).toEqual({ name, status: 403 });
      expect(res.data, name).not.toContain(CANARY);
      expect(res.data, name).not.toContain(CANARY_BODY);
      expect(res.data, name).toContain('Liên kết xem trước không hợp lệ hoặc đã hết hạn');
    }
  });

  it('shows only the version the link names: a draft never published has no published version', async () => {
    const { url } = await adminPreviewUrl('api::article.article', canaryId, 'published');
    const res = await get(url!);
    expect(res.status).toBe(404);
    expect(res.data).not.toContain(CANARY);
  });

  it('escapes a hostile title, sapo and body as text', async () => {
    const { url } = await adminPreviewUrl('api::article.article', hostileId);
    const res = await get(url!);
    expect(res.status).toBe(200);
    // No element made of it: outside quoted attribute values (where `<` is text) it is escaped.
    expect(res.data.replace(/="[^"]*"/g, '=""')).not.toContain('<img src=x onerror');
    expect(res.data).toContain('<h1>&quot;&gt;&lt;img src=x onerror=alert(18)&gt;</h1>');
    expect(res.data).toMatch(/<title>&quot;&gt;&lt;img src=x onerror=alert\(18\)&gt; \| /);
    // JSON-LD gives back the exact text.
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.data)![1]!);
    expect(ld.headline).toBe(HOSTILE);
  });

  it("reads with a token the CMS keeps read-only under the key PREVIEW_TOKEN", async () => {
    const auth = { headers: { Authorization: `Bearer ${TOKEN}` }, validateStatus: () => true };
    const read = await axios.get(`${cms.url}/api/articles/${canaryId}`, { ...auth, params: { status: 'draft', fields: ['title'] } });
    expect(read.status).toBe(200);
    expect(read.data.data.title).toBe(CANARY);
    const write = await axios.put(`${cms.url}/api/articles/${canaryId}`, { data: { title: 'Sửa bằng khóa xem trước' } }, auth);
    expect(write.status).toBe(403);
  });

  it('leaves anonymous readers without the draft (the CMS forces them to published)', async () => {
    const res = await axios.get(`${cms.url}/api/articles/${canaryId}`, { params: { status: 'draft' }, validateStatus: () => true });
    expect([403, 404]).toContain(res.status);
    expect(JSON.stringify(res.data)).not.toContain(CANARY);
  });
});
