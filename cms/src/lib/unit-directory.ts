/**
 * Units by their matching key (lib/unit-name.ts), created when missing: what the article
 * migration (bootstrap/article-units.ts) and the demo seed look names up in.
 */
import type { Core } from '@strapi/strapi';
import { unitKey } from './unit-name';

const UNIT = 'api::unit.unit';

export interface UnitDirectory {
  /** The unit's documentId and id, created with `data` when no unit has this name's key. */
  ensure(name: string, data?: Record<string, unknown>): Promise<{ documentId: string; id: number; created: boolean }>;
}

export async function unitDirectory(strapi: Core.Strapi): Promise<UnitDirectory> {
  const rows = (await strapi.db.query(UNIT).findMany({ select: ['id', 'documentId', 'name'] })) as Array<{ id: number; documentId: string; name: string }>;
  const byKey = new Map(rows.map((r) => [unitKey(r.name), r]));
  return {
    async ensure(name, data = {}) {
      const key = unitKey(name);
      const found = byKey.get(key);
      if (found) return { documentId: found.documentId, id: found.id, created: false };
      // Through the document service, so the slug is filled from the name like an editor's unit.
      const made = (await strapi.documents(UNIT).create({ data: { ...data, name: name.replace(/\s+/g, ' ').trim() } } as never)) as { id: number; documentId: string; name: string };
      byKey.set(key, made);
      return { documentId: made.documentId, id: made.id, created: true };
    },
  };
}
