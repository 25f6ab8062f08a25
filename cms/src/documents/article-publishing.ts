import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findPublishingProblems, publishingRefusal, type StoredArticle } from './publishing-rules';

const ARTICLE = 'api::article.article';

/** Everything the publishing rules look at, loaded from the draft row. */
const PUBLISHING_POPULATE = {
  category: { select: ['id'] },
  byline: { populate: { person: { select: ['id'] } } },
  cover: { populate: { image: { select: ['id'] } } },
  gallery: { populate: { image: { select: ['id'] } } },
  body: {
    on: {
      'body.text': true,
      'media.credited-photo': { populate: { image: { select: ['id'] } } },
    },
  },
};

interface DocumentParams {
  documentId?: string;
  status?: string;
  locale?: string;
  fields?: unknown;
  populate?: unknown;
  data?: Record<string, unknown>;
}

async function loadDraft(strapi: Core.Strapi, documentId: string) {
  return (await strapi.db.query(ARTICLE).findOne({
    where: { documentId, publishedAt: null },
    populate: PUBLISHING_POPULATE,
  })) as (StoredArticle & { id: number; publicationDate?: string | null }) | null;
}

/**
 * Checks the draft against the publishing rules and gives it a publication date (the publish
 * time) when it has none; imported articles arrive with theirs and keep it.
 */
async function prepareForPublishing(strapi: Core.Strapi, documentId: string): Promise<void> {
  const draft = await loadDraft(strapi, documentId);
  if (!draft) return; // Strapi itself reports a missing document
  const problems = findPublishingProblems(draft);
  if (problems.length > 0) {
    throw new errors.ValidationError(publishingRefusal(problems), {
      errors: problems.map((p) => ({ path: p.path.map(String), message: p.message, name: 'ValidationError' })),
    });
  }
  if (!draft.publicationDate) {
    await strapi.db.query(ARTICLE).update({ where: { id: draft.id }, data: { publicationDate: new Date() } });
  }
}

/**
 * The publishing rules for articles, on every path to "published": the publish action (admin
 * "Xuất bản" button, content releases) and create/update with `status: 'published'` (REST
 * `?status=published`). The latter publish through an internal call that skips document
 * middlewares, so they are split here into "save the draft" and "publish" inside one
 * transaction: a refused publish leaves nothing behind.
 */
export function registerArticlePublishing(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== ARTICLE) return next();
    const params = ctx.params as DocumentParams;

    if (ctx.action === 'publish') {
      if (params.documentId) await prepareForPublishing(strapi, params.documentId);
      return next();
    }

    if ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published') {
      return strapi.db.transaction(async () => {
        const { status: _published, ...draftParams } = params;
        ctx.params = draftParams as typeof ctx.params;
        const draft = await next();
        if (!draft || typeof draft !== 'object' || !('documentId' in draft) || 'entries' in draft) return draft;
        const published = await strapi.documents(ARTICLE).publish({
          documentId: draft.documentId,
          locale: params.locale,
          fields: params.fields,
          populate: params.populate,
        } as never);
        return published.entries[0];
      });
    }

    return next();
  });
}
