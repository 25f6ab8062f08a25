/**
 * Issue 17 migration on a real Strapi: a database from before units (articles with a free-text
 * `unit` column) is started with the new model; every text becomes a unit (spellings of one unit
 * become one), every article row is linked, the text is kept as legacyUnit, and a second start
 * changes nothing. Always on SQLite, whatever TEST_DATABASE_URL says: the old database is made by
 * editing the file of a kept CMS (sqliteDir).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type CmsServer } from '@toa-soan/scripts/testing';

const TEXTS = ['UBND huyện Giồng Riềng', 'Ủy ban nhân dân huyện Giồng Riềng', 'Huyện ủy Tháp Mười', 'UBND huyện Giồng Riềng'];
const env = { STRAPI_ADMIN_PASSWORD: 'Migration-test-1a' };

let dir: string;
let cms: CmsServer | undefined;

const start = async () => (cms = await startCms({ sqliteDir: dir, env }));
const stop = async () => {
  await cms?.stop();
  cms = undefined;
};
const editor = () => {
  const http = axios.create({ baseURL: cms!.url, headers: { Authorization: `Bearer ${cms!.tokens.fullAccess}` }, validateStatus: () => true });
  http.interceptors.response.use((res) => {
    if (res.status >= 300) throw new Error(`${res.config.method} ${res.config.url}: ${res.status} ${JSON.stringify(res.data).slice(0, 400)}`);
    return res;
  });
  return http;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-units-'));
  await start();
  const category = (await editor().post('/api/categories', { data: { name: 'Tin tức' } })).data.data.documentId;
  const person = (await editor().post('/api/people', { data: { name: 'Minh Khoa' } })).data.data.documentId;
  for (const [i] of TEXTS.entries()) {
    await editor().post('/api/articles?status=published', {
      data: { title: `Tin số ${i + 1}`, body: [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung.' }] }] }], category, byline: [{ role: 'writer', person }], sourceKey: `old-${i}` },
    });
  }
  await editor().post('/api/articles?status=draft', { data: { title: 'Bài không ghi đơn vị', category, sourceKey: 'old-none' } });
  await stop();

  // Back to the database as it was before issue 17: the text in `unit`, no units, migration not run.
  const db = new Database(path.join(dir, 'cms.db'));
  db.exec('ALTER TABLE articles RENAME COLUMN legacy_unit TO unit');
  const setUnit = db.prepare('UPDATE articles SET unit = ? WHERE source_key = ?');
  TEXTS.forEach((text, i) => setUnit.run(text, `old-${i}`));
  db.exec('DELETE FROM articles_unit_lnk; DELETE FROM units');
  db.exec("DELETE FROM strapi_migrations WHERE name LIKE '%article-unit-text%'");
  db.exec("DELETE FROM strapi_core_store_settings WHERE key LIKE '%article-units-linked'");
  db.close();
  await start();
}, 300_000);

afterAll(async () => {
  await stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Unit = { documentId: string; name: string; kind: string | null; slug: string };
type Article = { sourceKey: string; legacyUnit: string | null; unit: { documentId: string } | null };

async function state(): Promise<{ units: Unit[]; published: Article[]; drafts: Article[] }> {
  const units = (await editor().get('/api/units', { params: { sort: 'name' } })).data.data as Unit[];
  const read = async (status: string) =>
    ((await editor().get('/api/articles', { params: { status, sort: 'sourceKey', fields: ['sourceKey', 'legacyUnit'], populate: { unit: { fields: ['documentId'] } } } })).data.data as Article[]);
  return { units, published: await read('published'), drafts: await read('draft') };
}

describe('migrating free-text units to units', () => {
  it('makes one unit per unit named, links published and draft rows alike, and keeps the texts', async () => {
    const { units, published, drafts } = await state();
    expect(units.map((u) => [u.name, u.kind, u.slug])).toEqual([
      ['Huyện ủy Tháp Mười', 'Huyện ủy', 'huyen-uy-thap-muoi'],
      // The spelling most articles used names it.
      ['UBND huyện Giồng Riềng', 'UBND huyện', 'ubnd-huyen-giong-rieng'],
    ]);
    const [thapMuoi, giongRieng] = units.map((u) => u.documentId);
    const expected = TEXTS.map((text, i) => ({ sourceKey: `old-${i}`, legacyUnit: text, unit: { documentId: text.startsWith('Huyện ủy') ? thapMuoi : giongRieng } }));
    expect(published).toMatchObject(expected);
    expect(drafts).toMatchObject([...expected, { sourceKey: 'old-none', legacyUnit: null, unit: null }]);
  });

  it('changes nothing when started again', async () => {
    const before = await state();
    await stop();
    await start();
    expect(await state()).toEqual(before);
  }, 300_000);
});
