/**
 * Every text an editor, the importer or the API saves is made XML-safe before it is stored
 * (cms/src/lib/xml-safe.ts): a title pasted from Word with a line break in it would otherwise
 * make every feed that lists the article malformed.
 *
 * The walk follows the content type's schema, so new fields, components (nested too) and dynamic
 * zones are covered without a list to keep up to date.
 */
import type { Core, UID } from '@strapi/strapi';
import { xmlSafe } from '../lib/xml-safe';

type Data = Record<string, unknown>;
interface Attribute {
  type: string;
  component?: string;
}
/** A content type's or component's attributes by uid (strapi.getModel). */
export type ModelOf = (uid: string) => { attributes: Record<string, Attribute> } | undefined;

/** Actions whose params carry the data about to be written. */
const WRITES = new Set(['create', 'update', 'clone']);
/** One-line fields: a line break pasted into them is a word break. */
const ONE_LINE = new Set(['string', 'email', 'uid']);
/** Multi-line fields: a pasted line break stays a line break. */
const MULTI_LINE = new Set(['text', 'richtext']);

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every string inside a blocks value (text nodes, link URLs…), cleaned in place. */
function cleanBlocks(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafe(value);
  if (Array.isArray(value)) return value.map(cleanBlocks);
  if (isObject(value)) for (const key of Object.keys(value)) value[key] = cleanBlocks(value[key]);
  return value;
}

/** Cleans, in place, the text fields of `data`, an entry of `uid`, and of the components it holds. */
export function cleanEntry(modelOf: ModelOf, uid: string, data: Data): void {
  const model = modelOf(uid);
  if (!model) return;
  for (const [name, attribute] of Object.entries(model.attributes)) {
    const value = data[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && ONE_LINE.has(attribute.type)) data[name] = xmlSafe(value, ' ');
    else if (typeof value === 'string' && MULTI_LINE.has(attribute.type)) data[name] = xmlSafe(value);
    else if (attribute.type === 'blocks') data[name] = cleanBlocks(value);
    else if (attribute.type === 'component' && attribute.component) {
      for (const item of [value].flat()) if (isObject(item)) cleanEntry(modelOf, attribute.component, item);
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      for (const item of value) if (isObject(item) && typeof item.__component === 'string') cleanEntry(modelOf, item.__component, item);
    }
  }
}

export function registerXmlSafeText(strapi: Core.Strapi): void {
  const modelOf: ModelOf = (uid) => strapi.getModel(uid as UID.Schema) as ReturnType<ModelOf>;
  strapi.documents.use(async (ctx, next) => {
    const data = (ctx.params as { data?: unknown }).data;
    if (WRITES.has(ctx.action) && isObject(data)) cleanEntry(modelOf, ctx.uid, data);
    return next();
  });
}
