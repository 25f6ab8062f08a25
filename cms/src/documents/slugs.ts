import type { Core } from '@strapi/strapi';
import { slugify, uniqueSlug } from '../newsroom/slug';

/** Content types with a `slug`, and the field it is made from. */
export const SLUG_SOURCES: Record<string, string> = {
  'api::article.article': 'title',
  'api::category.category': 'name',
  'api::person.person': 'name',
  'api::tag.tag': 'name',
  'api::unit.unit': 'name',
};

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

type Data = Record<string, unknown>;

/**
 * What Strapi's uid generator gives when the name is still empty: the model's name, then
 * `tag-1`, `tag-2`… The admin put it in the field of the "create" pop-up before the editor typed
 * the name, and it went live as /tu-khoa/tag/. Treated as empty, unless the name itself gives it.
 */
function isPlaceholder(slug: unknown, modelName: string, text: unknown): boolean {
  if (typeof slug !== 'string') return false;
  const placeholder = new RegExp(`^${modelName}(?:-\\d+)?$`).test(slug.trim());
  return placeholder && !(typeof text === 'string' && slugify(text) === slug.trim());
}

export function registerSlugFilling(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const source = SLUG_SOURCES[ctx.uid];
    if (!source || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { documentId?: string; data?: Data };
    const data = params.data;
    if (!data) return next();

    const modelName = ctx.contentType.modelName;
    const typed = (slug: unknown, name: unknown) => !isBlank(slug) && !isPlaceholder(slug, modelName, name);
    let text = data[source];
    if (ctx.action === 'update') {
      const slugGiven = 'slug' in data;
      if (slugGiven && typed(data.slug, text)) return next();
      const stored = (await strapi.db
        .query(ctx.uid)
        .findOne({ where: { documentId: params.documentId }, select: ['slug', source] })) as Data | null;
      text = text ?? stored?.[source];
      if (!slugGiven && stored && typed(stored.slug, text)) return next();
    } else if (typed(data.slug, text)) {
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
