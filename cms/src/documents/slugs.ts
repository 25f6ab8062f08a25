import type { Core } from '@strapi/strapi';
import { slugify, uniqueSlug } from '../lib/slug';

/** Content types with a `slug`, and the field it is made from. */
export const SLUG_SOURCES: Record<string, string> = {
  'api::article.article': 'title',
  'api::category.category': 'name',
  'api::person.person': 'name',
  'api::tag.tag': 'name',
};

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

type Data = Record<string, unknown>;

/**
 * Fills an empty slug from the title/name on create and update, transliterating Vietnamese and
 * adding -2, -3… when another document already uses it. A slug the editor typed is kept as is.
 * Draft and published versions of one article share a documentId and so may share the slug.
 */
export function registerSlugFilling(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const source = SLUG_SOURCES[ctx.uid];
    if (!source || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { documentId?: string; data?: Data };
    const data = params.data;
    if (!data) return next();

    let text = data[source];
    if (ctx.action === 'update') {
      const slugGiven = 'slug' in data;
      if (slugGiven && !isBlank(data.slug)) return next();
      const stored = (await strapi.db
        .query(ctx.uid)
        .findOne({ where: { documentId: params.documentId }, select: ['slug', source] })) as Data | null;
      if (!slugGiven && stored && !isBlank(stored.slug)) return next();
      text = text ?? stored?.[source];
    } else if (!isBlank(data.slug)) {
      return next();
    }

    const base = typeof text === 'string' ? slugify(text) : '';
    if (base) {
      data.slug = await uniqueSlug(base, async (slug) => {
        const where: Data = { slug };
        if (params.documentId) where.documentId = { $ne: params.documentId };
        return (await strapi.db.query(ctx.uid).count({ where })) > 0;
      });
    }
    return next();
  });
}
