import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_PAGE_SIZE } from '../services/site-articles';

const DEFAULT_PAGE_SIZE = 100;

/** `pagination[page]` / `pagination[pageSize]` as in the REST API; anything else is refused, as strictParams does there. */
function readPagination(query: Record<string, unknown>): { page: number; pageSize: number } {
  const unknown = Object.keys(query).filter((key) => key !== 'pagination');
  if (unknown.length > 0) throw new errors.ValidationError(`Invalid query parameter(s): ${unknown.join(', ')}. Only pagination[page] and pagination[pageSize] are accepted.`);
  const pagination = (query.pagination ?? {}) as Record<string, unknown>;
  if (typeof pagination !== 'object' || Array.isArray(pagination)) throw new errors.ValidationError('pagination must be pagination[page] and pagination[pageSize]');
  const extra = Object.keys(pagination).filter((key) => key !== 'page' && key !== 'pageSize');
  if (extra.length > 0) throw new errors.ValidationError(`Invalid pagination parameter(s): ${extra.join(', ')}`);
  const whole = (name: string, value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
    if (value === undefined) return fallback;
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= max)) throw new errors.ValidationError(`pagination[${name}] must be a whole number from 1 to ${max}`);
    return n;
  };
  return { page: whole('page', pagination.page, 1), pageSize: whole('pageSize', pagination.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { query: Record<string, unknown>; body: unknown }) {
    const { page, pageSize } = readPagination(ctx.query);
    const { results, pagination } = await strapi.service('api::site-articles.site-articles').page(page, pageSize);
    ctx.body = { data: results, meta: { pagination } };
  },
});
