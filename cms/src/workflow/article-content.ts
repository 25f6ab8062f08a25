import type { Core } from '@strapi/strapi';

/**
 * An article's content as editors see it, independent of row and component ids: what a version
 * keeps, what the diff compares, what tells an edit from a save that changed nothing (the admin
 * sends every field on each save). Relations are kept as documentId and name, photos as file id
 * and url, so a version still reads well after a category is renamed.
 */
const ARTICLE = 'api::article.article';

const IMAGE = { image: { select: ['id', 'url', 'name'] } };
const POPULATE = {
  category: { select: ['documentId', 'name'] },
  tags: { select: ['documentId', 'name'] },
  unit: { select: ['documentId', 'name'] },
  byline: { populate: { person: { select: ['documentId', 'name'] } } },
  cover: { populate: IMAGE },
  gallery: { populate: IMAGE },
  body: { on: { 'body.text': true, 'media.credited-photo': { populate: IMAGE } } },
};

/** Fields an editor writes; review fields and bookkeeping are not content. */
export const CONTENT_FIELDS = ['title', 'slug', 'sapo', 'body', 'cover', 'gallery', 'category', 'tags', 'byline', 'publicationDate', 'unit', 'featured'] as const;

export type ArticleContent = Record<(typeof CONTENT_FIELDS)[number], unknown>;

type Row = Record<string, unknown>;

/** Drops ids and bookkeeping of components, recursively; relation rows keep documentId. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (!value || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  const out: Row = {};
  for (const [key, inner] of Object.entries(value as Row)) {
    if (key === 'id' && !('url' in (value as Row))) continue; // file ids are kept: restore needs them
    out[key] = clean(inner);
  }
  return out;
}

export async function loadArticleContent(strapi: Core.Strapi, documentId: string, published = false): Promise<ArticleContent | null> {
  const row = (await strapi.db.query(ARTICLE).findOne({
    where: { documentId, publishedAt: published ? { $notNull: true } : null },
    populate: POPULATE,
  })) as Row | null;
  if (!row) return null;
  const content = {} as ArticleContent;
  for (const field of CONTENT_FIELDS) content[field] = clean(row[field] ?? null);
  if (content.tags && Array.isArray(content.tags)) {
    content.tags = [...(content.tags as Row[])].sort((a, b) => String(a.documentId).localeCompare(String(b.documentId)));
  }
  return content;
}

/** Stable JSON (sorted keys) so two loads of the same content compare equal. */
export function fingerprint(content: unknown): string {
  return JSON.stringify(content, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Row).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
