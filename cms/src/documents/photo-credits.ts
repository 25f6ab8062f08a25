/**
 * Keeps photo credits to who is credited (src/newsroom/photo-credit.ts): on every save, through any
 * path (admin, REST, imports, scripts), and once over data stored before that rule.
 */
import type { Core } from '@strapi/strapi';
import { normalizePhotoCredit } from '../newsroom/photo-credit';

export const CREDITED_PHOTO = 'media.credited-photo';

type Data = Record<string, unknown>;
interface Attribute {
  type: string;
  component?: string;
}
const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Normalises the credit of every credited photo in `data`, following the schema: single and
 * repeatable components and dynamic zones, at any depth, so a photo added in a new place is
 * covered without touching this code.
 */
function normaliseIn(strapi: Core.Strapi, attributes: Record<string, Attribute>, data: Data): void {
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = data[name];
    if (attribute.type !== 'component' && attribute.type !== 'dynamiczone') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!isData(item)) continue;
      const uid = attribute.type === 'component' ? attribute.component : item.__component;
      if (typeof uid !== 'string') continue;
      if (uid === CREDITED_PHOTO && typeof item.credit === 'string') item.credit = normalizePhotoCredit(item.credit);
      const component = strapi.components[uid as keyof typeof strapi.components] as { attributes?: Record<string, Attribute> } | undefined;
      if (component?.attributes) normaliseIn(strapi, component.attributes, item);
    }
  }
}

export function registerPhotoCreditNormalising(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const data = (ctx.params as { data?: unknown }).data;
    if (isData(data)) normaliseIn(strapi, ctx.contentType.attributes as Record<string, Attribute>, data);
    return next();
  });
}

interface ComponentJoinTable {
  name: string;
  joinColumn: { name: string };
  /** Single and repeatable components. */
  inverseJoinColumn?: { name: string };
  /** Dynamic zones. */
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
}

/** Keeps `IN (…)` lists well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Credits saved before the rule (the old hint said to type "Ảnh: Lê Tính") are normalised at
 * start. Idempotent: a second start finds nothing to change and writes nothing. The entries
 * holding a changed photo directly get a new `updatedAt`, so the site's incremental build sees the
 * change; the others keep theirs.
 */
export async function normaliseStoredPhotoCredits(strapi: Core.Strapi): Promise<void> {
  const photos = (await strapi.db.query(CREDITED_PHOTO).findMany({ select: ['id', 'credit'] })) as Array<{ id: number; credit: string | null }>;
  const changed = photos.flatMap((p) => {
    const credit = typeof p.credit === 'string' ? normalizePhotoCredit(p.credit) : p.credit;
    return credit === p.credit ? [] : [{ id: p.id, credit }];
  });
  if (changed.length === 0) return;

  const now = new Date();
  await strapi.db.transaction(async ({ trx }) => {
    for (const photo of changed) await strapi.db.query(CREDITED_PHOTO).update({ where: { id: photo.id }, data: { credit: photo.credit } });
    for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
      // Cover, gallery and body of an entry share one component join table (`<table>_cmps`).
      const holder = Object.entries(contentType.attributes as Record<string, Attribute>).find(([, a]) => a.type === 'component' || a.type === 'dynamiczone')?.[0];
      if (!holder) continue;
      const joinTable = (strapi.db.metadata.get(uid).attributes[holder] as { joinTable?: ComponentJoinTable }).joinTable;
      if (!joinTable) continue;
      const componentColumn = joinTable.morphColumn?.idColumn.name ?? joinTable.inverseJoinColumn!.name;
      // Strapi's fixed name for it in every component join table (transform-content-types-to-models).
      const typeColumn = joinTable.morphColumn?.typeColumn.name ?? 'component_type';
      for (const ids of chunks(changed.map((p) => p.id))) {
        const rows = (await strapi.db
          .getConnection(joinTable.name)
          .transacting(trx)
          .distinct(joinTable.joinColumn.name)
          .where(typeColumn, CREDITED_PHOTO)
          .whereIn(componentColumn, ids)) as Array<Record<string, number>>;
        const entryIds = rows.map((r) => r[joinTable.joinColumn.name]);
        if (entryIds.length > 0) await strapi.db.query(uid).updateMany({ where: { id: { $in: entryIds } }, data: { updatedAt: now } });
      }
    }
  });
  strapi.log.info(`Photo credits: took the label off ${changed.length} stored credit(s) ("Ảnh: X" → "X").`);
}
