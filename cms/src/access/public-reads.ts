import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { internalAttributes, isInternal } from './internal-fields';

/**
 * Drafts are never public, by construction. Every content-API route that reads documents (core or
 * custom, today's or one added later) goes through the document service, so this one middleware
 * decides for all of them what a reader without an API token may ask:
 *
 * - `status` is always `published`: it also applies to every relation populated at any depth, so
 *   `populate` can only reach published articles. Asking for another status is refused (403).
 * - `publicationFilter` / `hasPublishedVersion` would tell which articles have a draft pending.
 * - A filter or sort that passes through a relation into a type with drafts (a category's
 *   `articles`) is matched by Strapi against draft rows too, so it would answer yes/no questions
 *   about draft text. It is refused (400), whatever the searched string.
 * - Importer-only fields (marked internal in the schema) are refused in queries and removed from
 *   answers.
 *
 * API token holders (the site's preview, the importer, editors' tools) are not restricted; admin
 * routes are not the content API. Reads made outside any request (bootstrap, seed) are internal.
 * Routes that read with `strapi.db.query` instead (`/api/site-articles`, `/api/sync-manifest`)
 * select published rows themselves; the canary sweep in test/drafts-never-public.test.ts asks
 * every route Strapi serves, so one that forgets is caught.
 */
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type Model = Schema.ContentType | Schema.Component;
type GetModel = (uid: string) => Model | undefined;

interface RequestState {
  state?: { route?: { info?: { type?: string } }; auth?: { strategy?: { name?: string } } };
}

/** A request to the content API from someone without an API token (the Public role, or a users-permissions login). */
function isPublicReader(strapi: Core.Strapi): boolean {
  const request = strapi.requestContext.get() as RequestState | undefined;
  if (request?.state?.route?.info?.type !== 'content-api') return false;
  return request.state.auth?.strategy?.name !== 'content-api-token';
}

const refuse = (message: string, path: string): never => {
  throw new errors.ValidationError(message, { path: [path] });
};

function attributeOf(model: Model, key: string, path: string): Schema.Attribute.AnyAttribute | undefined {
  const attribute = (model.attributes as Record<string, Schema.Attribute.AnyAttribute | undefined>)[key];
  if (attribute && isInternal(attribute)) refuse(`Trường nội bộ không thể truy vấn công khai / ${path} is not public`, path);
  return attribute;
}

/** The model a relation or component leads to, refusing a relation into a type with drafts. */
function follow(attribute: Schema.Attribute.AnyAttribute, getModel: GetModel, path: string, purpose: 'filter' | 'sort'): Model | undefined {
  const target = targetOf(attribute, getModel);
  if (attribute.type === 'relation' && target && 'options' in target && target.options?.draftAndPublish) {
    refuse(
      `Không thể ${purpose === 'filter' ? 'lọc' : 'sắp xếp'} theo nội dung có bản nháp khi chưa có API token / ${path}: ${purpose} through a relation to a type with drafts needs an API token`,
      path,
    );
  }
  return target;
}

function checkFilters(filters: unknown, model: Model, getModel: GetModel, path: string): void {
  if (Array.isArray(filters)) return filters.forEach((item, i) => checkFilters(item, model, getModel, `${path}.${i}`));
  if (!filters || typeof filters !== 'object') return;
  for (const [key, value] of Object.entries(filters)) {
    const at = `${path}.${key}`;
    if (key.startsWith('$')) {
      // Logical operators keep the model; comparison operators end the path.
      if (key === '$and' || key === '$or' || key === '$not') checkFilters(value, model, getModel, at);
      continue;
    }
    const attribute = attributeOf(model, key, at);
    const next = attribute && follow(attribute, getModel, at, 'filter');
    if (next) checkFilters(value, next, getModel, at);
  }
}

/** Sort in any of its forms: `a.b:asc`, `a:asc,b:desc`, arrays of those, `{ a: { b: 'asc' } }`. */
function checkSort(sort: unknown, model: Model, getModel: GetModel, path: string): void {
  if (Array.isArray(sort)) return sort.forEach((item, i) => checkSort(item, model, getModel, `${path}.${i}`));
  if (typeof sort === 'string') {
    for (const part of sort.split(',')) checkSortPath(part.split(':')[0]!.trim().split('.'), model, getModel, path);
  } else if (sort && typeof sort === 'object') {
    for (const [key, value] of Object.entries(sort)) {
      const attribute = attributeOf(model, key, `${path}.${key}`);
      const next = attribute && follow(attribute, getModel, `${path}.${key}`, 'sort');
      if (next && value && typeof value === 'object') checkSort(value, next, getModel, `${path}.${key}`);
    }
  }
}

function checkSortPath(keys: string[], model: Model, getModel: GetModel, path: string): void {
  let current: Model | undefined = model;
  for (const key of keys) {
    if (!current) return;
    const attribute = attributeOf(current, key, `${path}.${key}`);
    current = attribute && follow(attribute, getModel, `${path}.${key}`, 'sort');
  }
}

function checkFields(fields: unknown, model: Model, path: string): void {
  const list = Array.isArray(fields) ? fields : typeof fields === 'string' ? fields.split(',') : [];
  for (const field of list) if (typeof field === 'string') attributeOf(model, field.trim(), `${path}.${field}`);
}

/** Populate in any of its forms; relations into types with drafts are fine here (status applies). */
function checkPopulate(populate: unknown, model: Model, getModel: GetModel, path: string): void {
  if (typeof populate === 'string') {
    for (const dotted of populate.split(',')) {
      let current: Model | undefined = model;
      for (const key of dotted.trim().split('.')) {
        if (!current || key === '*') break;
        current = targetOf(attributeOf(current, key, `${path}.${key}`), getModel);
      }
    }
    return;
  }
  if (Array.isArray(populate)) return populate.forEach((item) => checkPopulate(item, model, getModel, path));
  if (!populate || typeof populate !== 'object') return;
  for (const [key, value] of Object.entries(populate)) {
    const at = `${path}.${key}`;
    const next = targetOf(attributeOf(model, key, at), getModel);
    if (!value || typeof value !== 'object') continue;
    const nested = value as Record<string, unknown>;
    if (nested.on && typeof nested.on === 'object') {
      for (const [component, fragment] of Object.entries(nested.on)) {
        const fragmentModel = getModel(component);
        if (fragmentModel && fragment && typeof fragment === 'object') checkQuery(fragment as Record<string, unknown>, fragmentModel, getModel, `${at}.on.${component}`);
      }
    }
    if (next) checkQuery(nested, next, getModel, at);
  }
}

function targetOf(attribute: Schema.Attribute.AnyAttribute | undefined, getModel: GetModel): Model | undefined {
  if (!attribute) return undefined;
  if (attribute.type === 'component') return getModel(attribute.component);
  if (attribute.type === 'relation' && 'target' in attribute && attribute.target) return getModel(attribute.target);
  return undefined;
}

function checkQuery(query: Record<string, unknown>, model: Model, getModel: GetModel, path: string): void {
  if (query.filters !== undefined) checkFilters(query.filters, model, getModel, `${path}.filters`);
  if (query.sort !== undefined) checkSort(query.sort, model, getModel, `${path}.sort`);
  if (query.fields !== undefined) checkFields(query.fields, model, `${path}.fields`);
  if (query.populate !== undefined) checkPopulate(query.populate, model, getModel, `${path}.populate`);
}

/** What a public reader may ask of `model`, or a refusal that says why. */
export function publicParams(params: Record<string, unknown>, model: Model, getModel: GetModel): Record<string, unknown> {
  if (params.status !== undefined && params.status !== 'published') {
    throw new errors.ForbiddenError('Bản nháp chỉ xem được bằng API token / Drafts need an API token');
  }
  for (const key of ['publicationFilter', 'hasPublishedVersion']) {
    if (params[key] !== undefined) refuse(`Tham số ${key} cần API token / ${key} needs an API token`, key);
  }
  checkQuery(params, model, getModel, 'query');
  return { ...params, status: 'published' };
}

/** Removes internal attributes from an answer, following relations and components. */
export function withoutInternal(data: unknown, model: Model, getModel: GetModel): void {
  if (Array.isArray(data)) return data.forEach((item) => withoutInternal(item, model, getModel));
  if (!data || typeof data !== 'object') return;
  const record = data as Record<string, unknown>;
  for (const key of internalAttributes(model)) delete record[key];
  for (const [key, attribute] of Object.entries(model.attributes) as Array<[string, Schema.Attribute.AnyAttribute]>) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      for (const block of value as Array<{ __component?: string }>) {
        const blockModel = block?.__component ? getModel(block.__component) : undefined;
        if (blockModel) withoutInternal(block, blockModel, getModel);
      }
      continue;
    }
    const next = targetOf(attribute, getModel);
    if (next) withoutInternal(value, next, getModel);
  }
}

export function registerPublicReads(strapi: Core.Strapi): void {
  const getModel: GetModel = (uid) => strapi.getModel(uid as UID.Schema) as Model | undefined;
  strapi.documents.use(async (context: Modules.Documents.Middleware.Context, next) => {
    if (!READS.has(context.action) || !isPublicReader(strapi)) return next();
    const model = context.contentType as Model;
    context.params = publicParams(context.params as Record<string, unknown>, model, getModel) as typeof context.params;
    const result = await next();
    if (context.action !== 'count') withoutInternal(result, model, getModel);
    return result;
  });
}
