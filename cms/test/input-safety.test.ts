/**
 * What the CMS accepts from editors, the importer and API clients, against a real Strapi:
 * text is stored without the characters XML forbids, and bodies nested too deep for Strapi are
 * refused with a 400 instead of crashing it.
 */
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';
import { cleanEntry, type ModelOf } from '../src/documents/xml-safe-text';

/** Every C0 control character, lone surrogates of both halves, U+FFFE, U+FFFF, and a real pair (😀). */
const DIRTY = `A${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}B\ud800C\udc00D\ufffeE\uffffF😀G`;
/** DIRTY as stored: tab, LF and CR kept, \x0b and \x0c made `lineBreak`, the rest gone. */
const clean = (lineBreak: string) => `A\t\n${lineBreak}${lineBreak}\rBCDEF😀G`;
const ONE_LINE = clean(' ');
const MULTI_LINE = clean('\n');
/** A photo credit is a name: its white space is also collapsed (src/newsroom/photo-credit.ts). */
const CREDIT = ONE_LINE.replace(/\s+/g, ' ');
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const linked = (text: string) => ({
  type: 'paragraph',
  children: [{ type: 'text', text: '' }, { type: 'link', url: `https://a.vn/${text}`, children: [{ type: 'text', text }] }, { type: 'text', text: '' }],
});
/** A list with `levels` lists nested in it, the way Strapi's rich text editor nests them. */
function nestedList(levels: number): Record<string, unknown> {
  let list: Record<string, unknown> = { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Ý nhỏ' }] }] };
  for (let i = 0; i < levels; i++) {
    list = { type: 'list', format: 'unordered', indentLevel: 0, children: [{ type: 'list-item', children: [{ type: 'text', text: `Cấp ${i}` }] }, list] };
  }
  return list;
}

let cms: CmsServer;
const api = () => axios.create({ baseURL: cms.url, validateStatus: () => true, headers: { Authorization: `Bearer ${cms.tokens.fullAccess}` } });

beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.stop();
});

describe('text saved through the CMS', () => {
  it('loses the characters XML forbids in every text field of articles, their components and zones', async () => {
    const person = await api().post('/api/people', { data: { name: `Lan ${DIRTY}`, jobTitle: DIRTY, bio: DIRTY } });
    expect(person.status, JSON.stringify(person.data)).toBe(201);
    expect(person.data.data).toMatchObject({ name: `Lan ${ONE_LINE}`, jobTitle: ONE_LINE, bio: MULTI_LINE });
    const category = await api().post('/api/categories', { data: { name: `Tin ${DIRTY}`, description: DIRTY } });
    expect(category.data.data).toMatchObject({ name: `Tin ${ONE_LINE}`, description: MULTI_LINE });
    const tag = await api().post('/api/tags', { data: { name: `Thẻ ${DIRTY}` } });
    expect(tag.data.data).toMatchObject({ name: `Thẻ ${ONE_LINE}` });

    const created = await api().post('/api/articles?status=draft', {
      data: {
        title: DIRTY,
        sapo: DIRTY,
        legacyUnit: DIRTY,
        cover: { caption: DIRTY, credit: DIRTY },
        gallery: [{ caption: DIRTY, credit: DIRTY }],
        byline: [{ role: 'source', outlet: DIRTY }],
        body: [
          { __component: 'body.text', content: [paragraph(DIRTY), linked(DIRTY)] },
          { __component: 'media.credited-photo', caption: DIRTY, credit: DIRTY },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const { documentId } = created.data.data;
    // Updates go through the same path as creates.
    const updated = await api().put(`/api/articles/${documentId}?status=draft`, { data: { sapo: `${DIRTY}!` } });
    expect(updated.status, JSON.stringify(updated.data)).toBe(200);

    const read = await api().get(`/api/articles/${documentId}`, {
      params: { status: 'draft', populate: { cover: true, gallery: true, byline: true, body: { on: { 'body.text': true, 'media.credited-photo': true } } } },
    });
    const a = read.data.data;
    expect(a).toMatchObject({ title: ONE_LINE, sapo: `${MULTI_LINE}!`, legacyUnit: ONE_LINE });
    expect(a.cover).toMatchObject({ caption: MULTI_LINE, credit: CREDIT });
    expect(a.gallery[0]).toMatchObject({ caption: MULTI_LINE, credit: CREDIT });
    expect(a.byline[0]).toMatchObject({ outlet: ONE_LINE });
    expect(a.body[0].content).toEqual([paragraph(MULTI_LINE), linked(MULTI_LINE)]);
    expect(a.body[1]).toMatchObject({ caption: MULTI_LINE, credit: CREDIT });
  });

  it('cleans the single type too', async () => {
    const res = await api().put('/api/site-setting', { data: { portalName: DIRTY, footerText: DIRTY } });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.data.data).toMatchObject({ portalName: ONE_LINE, footerText: MULTI_LINE });
  });
});

describe('cleanEntry', () => {
  it('follows components nested in components', () => {
    const models: Record<string, { attributes: Record<string, { type: string; component?: string }> }> = {
      'api::x.x': { attributes: { zone: { type: 'dynamiczone' }, box: { type: 'component', component: 'a.outer' } } },
      'a.outer': { attributes: { label: { type: 'string' }, inner: { type: 'component', component: 'a.inner' } } },
      'a.inner': { attributes: { note: { type: 'richtext' }, count: { type: 'integer' } } },
    };
    const modelOf: ModelOf = (uid) => models[uid];
    const data = {
      box: { label: DIRTY, inner: [{ note: DIRTY, count: 1 }] },
      zone: [{ __component: 'a.outer', label: DIRTY, inner: { note: DIRTY } }],
    };
    cleanEntry(modelOf, 'api::x.x', data);
    expect(data).toEqual({
      box: { label: ONE_LINE, inner: [{ note: MULTI_LINE, count: 1 }] },
      zone: [{ __component: 'a.outer', label: ONE_LINE, inner: { note: MULTI_LINE } }],
    });
  });
});

describe('deeply nested bodies', () => {
  it('answer 400 with a message, not 500, for a JSON body 100,000 levels deep', async () => {
    const depth = 100_000;
    const body = `{"data":{"title":"Sâu","sapo":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const res = await api().post('/api/articles', body, { headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ status: 400, name: 'ValidationError', details: { maxDepth: 100 } });
  });

  it('answer 400 for rich text nested 1,000 levels in an article', async () => {
    const res = await api().post('/api/articles?status=draft', {
      data: { title: 'Danh sách lồng sâu', body: [{ __component: 'body.text', content: [nestedList(1000)] }] },
    });
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ status: 400, name: 'ValidationError', details: { maxDepth: 100 } });
  });

  it('still take a list nested as deep as editors really nest them', async () => {
    const res = await api().post('/api/articles?status=draft', {
      data: { title: 'Danh sách nhiều cấp', body: [{ __component: 'body.text', content: [nestedList(6)] }] },
    });
    expect(res.status, JSON.stringify(res.data)).toBe(201);
  });
});
