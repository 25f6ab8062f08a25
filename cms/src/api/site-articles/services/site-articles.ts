/**
 * Published articles in bulk, in the exact shape of `GET /api/articles?status=published` with the
 * site's fields/populate (site/src/cms/strapi-schemas.ts, articleQuery), for the site's cold build.
 *
 * Reads through the query engine with a fixed select and populate instead of the core controller
 * (query validation, document service, output sanitiser). On 1,000 articles, one page at a time,
 * the core route spent per page ~50 ms in the document service and ~55 ms sanitising the output
 * for a token (permission checks per relation, lodash traversal of every component); this read
 * takes ~35 ms. Nothing needs sanitising: everything selected is public by construction (no
 * private field, authors, internal keys or draft; relations as documentId only; media as
 * url/size/alt/mime), and only published rows are read. The SELECT/POPULATE below must follow
 * articleQuery: cms/test/site-articles.test.ts compares both answers.
 */
import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

export const MAX_PAGE_SIZE = 500;

const MEDIA = { select: ['id', 'documentId', 'url', 'width', 'height', 'alternativeText', 'mime'] };
const PHOTO = { select: ['id', 'caption', 'credit'], populate: { image: MEDIA } };
const REF = { select: ['id', 'documentId'] };

const SELECT = ['id', 'documentId', 'title', 'slug', 'sapo', 'publicationDate', 'publishedAt', 'updatedAt', 'unit', 'featured'];
const POPULATE = {
  body: { on: { 'body.text': { select: ['id', 'content'] }, 'media.credited-photo': PHOTO } },
  cover: PHOTO,
  gallery: PHOTO,
  category: REF,
  tags: REF,
  byline: { select: ['id', 'role', 'outlet'], populate: { person: REF } },
};

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async page(page: number, pageSize: number): Promise<{ results: unknown[]; pagination: Pagination }> {
    const where = { publishedAt: { $notNull: true } };
    const query = strapi.db.query(ARTICLE);
    const [results, total] = await Promise.all([
      query.findMany({ select: SELECT, where, populate: POPULATE, orderBy: { id: 'asc' }, offset: (page - 1) * pageSize, limit: pageSize }),
      query.count({ where }),
    ]);
    return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
  },
});
