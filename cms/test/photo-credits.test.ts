/**
 * Credits stored before the rule ("Ảnh: Lê Tính", typed as the old hint said) are normalised when
 * the CMS starts: the demo content is written, the credits of one published article are put back
 * the old way straight in the database, and the CMS is started again, twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqliteEnv, startCms, type CmsServer } from '@toa-soan/scripts/testing';

let dir: string;
let cms: CmsServer | undefined;
/** The same admin at every start of the kept database. */
const env = { STRAPI_ADMIN_PASSWORD: 'Kept-admin-password-1a' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-credits-'));
});
afterEach(async () => {
  await cms?.stop();
  cms = undefined;
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Listed {
  documentId: string;
  updatedAt: string;
  cover: { credit: string };
  body: Array<{ __component: string; credit?: string }>;
}

async function published(): Promise<Map<string, Listed>> {
  const params = new URLSearchParams({
    'fields[0]': 'updatedAt',
    'populate[cover]': 'true',
    'populate[body][on][media.credited-photo]': 'true',
    'populate[body][on][body.text]': 'true',
    'pagination[pageSize]': '100',
  });
  const res = await fetch(`${cms!.url}/api/articles?${params}`);
  const { data } = (await res.json()) as { data: Listed[] };
  return new Map(data.map((a) => [a.documentId, a]));
}

describe('stored photo credits', () => {
  it('lose the label typed in them at start, once, and only their articles count as changed', async () => {
    cms = await startCms({ sqliteDir: dir, env: { ...env, SEED_DEMO_CONTENT: 'true' } });
    const before = await published();
    await cms.stop();
    cms = undefined;

    const [target] = [...before.keys()];
    const db = new Database(sqliteEnv(dir).DATABASE_FILENAME);
    try {
      const { id } = db.prepare('SELECT id FROM articles WHERE document_id = ? AND published_at IS NOT NULL').get(target) as { id: number };
      const photoIds = db
        .prepare(`SELECT cmp_id FROM articles_cmps WHERE entity_id = ? AND component_type = 'media.credited-photo'`)
        .all(id)
        .map((r) => (r as { cmp_id: number }).cmp_id);
      expect(photoIds.length).toBeGreaterThanOrEqual(2);
      const old = db.prepare(`UPDATE components_media_credited_photos SET credit = ? || credit WHERE id = ?`);
      photoIds.forEach((photoId, i) => old.run(i === 0 ? 'Ảnh: ' : 'Hình: Ảnh: ', photoId));
    } finally {
      db.close();
    }

    cms = await startCms({ sqliteDir: dir, env });
    const after = await published();
    for (const [documentId, article] of after) {
      const wanted = before.get(documentId)!;
      expect(article.cover.credit).toBe(wanted.cover.credit);
      expect(article.body.map((b) => b.credit)).toEqual(wanted.body.map((b) => b.credit));
      if (documentId === target) expect(Date.parse(article.updatedAt)).toBeGreaterThan(Date.parse(wanted.updatedAt));
      else expect(article.updatedAt).toBe(wanted.updatedAt);
    }
    await cms.stop();

    cms = await startCms({ sqliteDir: dir, env });
    expect(await published()).toEqual(after);
  }, 300_000); // three starts of Strapi, on a machine other tests share
});
