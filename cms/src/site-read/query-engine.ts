/**
 * A site read (queries.ts) as query-engine parameters (`strapi.db.query(uid).findMany`): the
 * `select` and `populate` that give the same JSON the REST API answers the read with. REST adds
 * `id` to every object and `documentId` to documents (not to components) whatever `fields` says;
 * the query engine returns only what is selected, so both are added here.
 */
import { attributeOf, isComponent } from './schema-files';
import type { DynamicZoneRead, ReadQuery } from './queries';

export interface QueryEngineRead {
  select: string[];
  populate?: Record<string, QueryEngineRead | { on: Record<string, QueryEngineRead> }>;
}

export function queryEngineParams(uid: string, read: ReadQuery): QueryEngineRead {
  const keys = isComponent(uid) ? ['id'] : ['id', 'documentId'];
  const select = [...new Set([...keys, ...(read.fields ?? [])])];
  for (const field of read.fields ?? []) attributeOf(uid, field);
  if (!read.populate) return { select };
  const populate: NonNullable<QueryEngineRead['populate']> = {};
  for (const [name, nested] of Object.entries(read.populate)) {
    const attribute = attributeOf(uid, name);
    if (attribute.type === 'dynamiczone') {
      const on: Record<string, QueryEngineRead> = {};
      for (const [component, part] of Object.entries((nested as DynamicZoneRead).on)) on[component] = queryEngineParams(component, part);
      populate[name] = { on };
    } else if (attribute.type === 'media') {
      populate[name] = mediaParams(nested as ReadQuery);
    } else {
      const target = attribute.target ?? attribute.component;
      if (!target) throw new Error(`site read: ${uid}.${name} (${attribute.type}) cannot be populated`);
      populate[name] = queryEngineParams(target, nested as ReadQuery);
    }
  }
  return { select, populate };
}

/** The upload plugin's file: not one of our schema files, so its fields are taken as named. */
const mediaParams = (read: ReadQuery): QueryEngineRead => ({ select: [...new Set(['id', 'documentId', ...(read.fields ?? [])])] });
