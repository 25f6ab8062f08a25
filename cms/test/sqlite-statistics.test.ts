/**
 * SQLite query planner statistics (cms/src/bootstrap/sqlite-statistics.ts): after a restart on a
 * database with articles, Strapi's component joins use the entity_id index. Without statistics
 * SQLite picks the `field` index and each page of a bulk read scans every article's components.
 * And the uniqueness checks of a published save find the slug and source key by index.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCms } from '@toa-soan/scripts/testing';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The shape of Strapi's populate query for a repeatable component (byline) of a page of articles. */
const BYLINE_JOIN =
  "select * from articles_cmps where entity_id in (1, 2, 3, 4, 5) and field = 'byline' and component_type = 'byline.credit' order by entity_id, `order`";

describe('SQLite statistics', () => {
  it('are gathered at start, so component joins look articles up by entity_id', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-stats-'));
    // The demo content is loaded after the statistics pass of the first start; the second start sees it.
    await (await startCms({ sqliteDir: dir, env: { SEED_DEMO_CONTENT: 'true' } })).stop();
    // The harness creates and logs in a fresh admin at every start: let the second start create it.
    const writable = new Database(path.join(dir, 'cms.db'));
    writable.pragma('foreign_keys = ON');
    writable.prepare('delete from admin_users').run();
    writable.close();
    await (await startCms({ sqliteDir: dir })).stop();

    const db = new Database(path.join(dir, 'cms.db'), { readonly: true });
    try {
      const stats = db.prepare("select idx from sqlite_stat1 where tbl = 'articles_cmps'").all() as Array<{ idx: string }>;
      expect(stats.map((s) => s.idx)).toContain('articles_entity_fk');
      const plan = (db.prepare(`explain query plan ${BYLINE_JOIN}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' / ');
      expect(plan).toMatch(/USING (COVERING )?INDEX articles_(entity_fk|uq)/);
      // Every published save checks that its slug and source key are unique (Strapi's validator)
      // with these queries: by index (the article schema's `indexes`), not a scan of the archive.
      for (const column of ['slug', 'source_key']) {
        const check = `explain query plan select id from articles where ${column} = 'x' and published_at is not null limit 1`;
        const steps = (db.prepare(check).all() as Array<{ detail: string }>).map((r) => r.detail).join(' / ');
        expect(steps, column).toContain(`USING INDEX articles_${column}_idx`);
      }
    } finally {
      db.close();
    }
  });
});
