/**
 * Issue 17's data migration, second half (the first, database/migrations/…article-unit-text-…,
 * kept the old free-text `unit` as `legacyUnit`): makes a unit of every distinct text, one unit
 * per matching key (so "UBND huyện X" and "Ủy ban nhân dân huyện X" become one), and links each
 * article to it. The texts stay in `legacyUnit` (internal, never public) as the record of what
 * the old portal said.
 *
 * Idempotent and resumable: it only touches articles with a text and no unit, and marks the store
 * once a pass completed, so a unit an editor removes later is not put back at the next start.
 * Linked rows get a new updatedAt: the site's sync manifest and the article snapshots then see
 * them as changed and the pages show the unit.
 */
import type { Core } from '@strapi/strapi';
import { unitDirectory } from '../lib/unit-directory';
import { unitKind } from '../lib/unit-name';

const ARTICLE = 'api::article.article';
const DONE = { type: 'plugin', name: 'toa-soan', key: 'article-units-linked' } as const;

interface Row {
  id: number;
  legacyUnit: string | null;
  unit: { id: number } | null;
}

export async function linkArticleUnits(strapi: Core.Strapi): Promise<{ linked: number; unitsCreated: number }> {
  const store = strapi.store(DONE);
  if ((await store.get({ key: DONE.key })) === true) return { linked: 0, unitsCreated: 0 };

  const rows = (await strapi.db.query(ARTICLE).findMany({
    select: ['id', 'legacyUnit'],
    where: { legacyUnit: { $notNull: true } },
    populate: { unit: { select: ['id'] } },
  })) as Row[];
  const pending = rows.filter((r) => !r.unit && r.legacyUnit?.trim());

  // The spelling most articles use names the unit.
  const directory = await unitDirectory(strapi);
  const counts = new Map<string, number>();
  for (const r of pending) counts.set(r.legacyUnit!.trim(), (counts.get(r.legacyUnit!.trim()) ?? 0) + 1);
  const texts = [...counts].sort((a, b) => b[1] - a[1]).map(([text]) => text);

  let unitsCreated = 0;
  const unitOf = new Map<string, number>();
  for (const text of texts) {
    const unit = await directory.ensure(text, { kind: unitKind(text) });
    if (unit.created) unitsCreated++;
    unitOf.set(text, unit.id);
  }
  const now = new Date();
  for (const r of pending) {
    await strapi.db.query(ARTICLE).update({ where: { id: r.id }, data: { unit: unitOf.get(r.legacyUnit!.trim()), updatedAt: now } });
  }
  await store.set({ key: DONE.key, value: true });
  if (pending.length > 0) strapi.log.info(`Article units: linked ${pending.length} article rows, created ${unitsCreated} units from their old unit text`);
  return { linked: pending.length, unitsCreated };
}
