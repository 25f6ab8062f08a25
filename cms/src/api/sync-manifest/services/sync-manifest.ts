/**
 * The sync manifest: for every type the site publishes, `[documentId, updatedAt]` of each
 * published document. The site compares it with what it built last time and fetches only the
 * documents whose pair changed, so a rebuild with no change costs one request whatever the
 * archive's size. One SQL query per type, no population, no sanitising of whole documents.
 */
import type { Core, UID } from '@strapi/strapi';

/** Manifest key → content type; the keys are the site's collection names. */
const COLLECTIONS = {
  articles: 'api::article.article',
  categories: 'api::category.category',
  people: 'api::person.person',
  tags: 'api::tag.tag',
} as const satisfies Record<string, UID.CollectionType>;
const SITE_SETTING: UID.SingleType = 'api::site-setting.site-setting';

export type Stamp = [documentId: string, updatedAt: string];
export type SyncManifest = Record<keyof typeof COLLECTIONS, Stamp[]> & {
  /** updatedAt of the site settings, null while they were never saved. */
  siteSetting: string | null;
};

interface Row {
  documentId: string;
  updatedAt: Date | string | number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Published rows only: with draft & publish the draft is a row of its own (publishedAt null). */
  const publishedRows = (uid: UID.ContentType): Promise<Row[]> =>
    strapi.db.query(uid).findMany({
      select: ['documentId', 'updatedAt'],
      where: strapi.contentType(uid).options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {},
      orderBy: { id: 'asc' },
    });
  // The same ISO form the REST API answers with, whatever the database driver returns.
  const iso = (value: Row['updatedAt']) => new Date(value).toISOString();

  return {
    async build(): Promise<SyncManifest> {
      const [lists, settings] = await Promise.all([
        Promise.all(
          Object.entries(COLLECTIONS).map(async ([key, uid]) => {
            const rows = await publishedRows(uid);
            return [key, rows.map((r): Stamp => [r.documentId, iso(r.updatedAt)])] as const;
          }),
        ),
        publishedRows(SITE_SETTING),
      ]);
      return {
        ...(Object.fromEntries(lists) as Record<keyof typeof COLLECTIONS, Stamp[]>),
        siteSetting: settings[0] ? iso(settings[0].updatedAt) : null,
      };
    },
  };
};
