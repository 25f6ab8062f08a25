/**
 * Published articles in bulk, in the exact shape of `GET /api/articles?status=published` with the
 * site's article read (src/site-read/queries.ts, articleRead), for the site's cold build.
 *
 * Reads through the query engine with a fixed select and populate instead of the core controller
 * (query validation, document service, output sanitiser). On 1,000 articles, one page at a time,
 * the core route spent per page ~50 ms in the document service and ~55 ms sanitising the output
 * for a token (permission checks per relation, lodash traversal of every component); this read
 * takes ~35 ms. Nothing needs sanitising: everything selected is public by construction (no
 * private field, authors, internal keys or draft; relations as documentId only; media as
 * url/size/alt/mime), and only published rows are read. SELECT/POPULATE are the site's own read
 * translated for the query engine, so they cannot drift from it; cms/test/site-articles.test.ts
 * still compares both answers.
 *
 * Every page is read from the articles themselves. A cache of each article's JSON made at publish
 * time was tried and removed: it saved ~1.5 s of Strapi CPU on a 10,000-article pull that already
 * met its 5 s goal without it, at the price of a second copy of the published text, slower
 * publishing and cache coherence across transactions (site/CACHES.md).
 */
import type { Core } from '@strapi/strapi';
import { articleRead, queryEngineParams } from '../../../site-read';

const ARTICLE = 'api::article.article';

export const MAX_PAGE_SIZE = 500;

const { select: SELECT, populate: POPULATE } = queryEngineParams(ARTICLE, articleRead);
const PUBLISHED = { publishedAt: { $notNull: true } };

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One page of published articles in id order. */
  async page(page: number, pageSize: number): Promise<{ results: unknown[]; pagination: Pagination }> {
    const query = strapi.db.query(ARTICLE);
    const [results, total] = await Promise.all([
      query.findMany({ select: SELECT, where: PUBLISHED, populate: POPULATE, orderBy: { id: 'asc' }, offset: (page - 1) * pageSize, limit: pageSize }),
      query.count({ where: PUBLISHED }),
    ]);
    return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
  },
});
