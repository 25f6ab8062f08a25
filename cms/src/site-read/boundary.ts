/// <reference path="../../types/generated/contentTypes.d.ts" />
/// <reference path="../../types/generated/components.d.ts" />
/**
 * The site's boundary schemas, derived from the schema files for exactly the fields of a site read
 * (queries.ts): what the REST API answers is validated against what the CMS declares, not a copy
 * typed by hand. The same rules give the TypeScript type of the answer, `Read<uid, query>`, from
 * the generated types (cms/types/generated, `npm run types -w @toa-soan/cms`).
 *
 * The rules, for both:
 * - a `required` attribute of a document is present (a string non-empty); others may be null or
 *   missing. Inside components nothing is required: the site renders a component part by part and
 *   leaves out a broken one with a warning, so a photo without its caption does not sink its article;
 * - a `uid` (slug) is a URL-safe string, always: every save fills an empty one (src/documents/slugs.ts);
 * - `date` is YYYY-MM-DD; other dates and times are ISO strings;
 * - media stay `unknown`: the site checks each photo's file itself (the upload plugin's shape);
 * - a relation is read as what its own read names (documentId for the site), one or a list;
 * - a dynamic zone item is one of the components read `on`, or an unknown one kept as
 *   `{ __component }` (added to the CMS later; the site skips it).
 */
import { z } from 'zod';
import type { Schema, UID } from '@strapi/strapi';
import { attributeOf, type AttributeDefinition } from './schema-files';
import type { DynamicZoneRead, ReadQuery } from './queries';

/** A node of Strapi's blocks rich text; the site's renderer decides which it accepts. */
export interface BlockNode {
  type: string;
  [key: string]: unknown;
}
export const blockNodeSchema: z.ZodType<BlockNode> = z.looseObject({ type: z.string() });

const URL_SAFE = /^[A-Za-z0-9._~-]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TO_MANY = ['oneToMany', 'manyToMany', 'manyWay', 'morphMany'];

/** The zod schema of what the REST API answers `read` of `uid` with. */
export function boundarySchema<U extends UID.Schema, Q extends ReadQuery>(uid: U, read: Q): z.ZodType<Read<U, Q>> {
  return objectSchema(uid, read, false) as unknown as z.ZodType<Read<U, Q>>;
}

function objectSchema(uid: string, read: ReadQuery, inComponent: boolean): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const field of read.fields ?? []) shape[field] = valueSchema(uid, field, undefined, inComponent);
  for (const [name, nested] of Object.entries(read.populate ?? {})) shape[name] = valueSchema(uid, name, nested, inComponent);
  return z.object(shape);
}

function valueSchema(uid: string, name: string, nested: ReadQuery | DynamicZoneRead | undefined, inComponent: boolean): z.ZodType {
  const attribute = attributeOf(uid, name);
  if (attribute.type === 'uid') return z.string().regex(URL_SAFE, `${name} must be URL-safe`);
  const value = bareSchema(uid, name, attribute, nested);
  if (!attribute.required || inComponent) return value.nullish();
  return value instanceof z.ZodString ? value.min(1, `${name} is empty`) : value;
}

function bareSchema(uid: string, name: string, attribute: AttributeDefinition, nested: ReadQuery | DynamicZoneRead | undefined): z.ZodType {
  const populated = (what: string) => {
    if (!nested) throw new Error(`site read: ${uid}.${name} is a ${what}: read it under populate, not fields`);
    return nested;
  };
  switch (attribute.type) {
    case 'integer':
      return z.number().int();
    case 'float':
    case 'decimal':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'enumeration':
      return z.enum(attribute.enum as [string, ...string[]]);
    case 'date':
      return z.string().regex(ISO_DATE, `${name} must be a date (YYYY-MM-DD)`);
    case 'blocks':
      return z.array(blockNodeSchema);
    case 'json':
    case 'media':
      return z.unknown();
    case 'relation': {
      const one = objectSchema(attribute.target!, populated('relation') as ReadQuery, false);
      return TO_MANY.includes(attribute.relation!) ? z.array(one) : one;
    }
    case 'component': {
      const one = objectSchema(attribute.component!, populated('component') as ReadQuery, true);
      return attribute.repeatable ? z.array(one) : one;
    }
    case 'dynamiczone': {
      const known = Object.entries((populated('dynamic zone') as DynamicZoneRead).on).map(([component, part]) =>
        objectSchema(component, part, true).extend({ __component: z.literal(component) }),
      );
      return z.array(z.union([...known, z.looseObject({ __component: z.string() })]));
    }
    default:
      // string, text, richtext, email, datetime, time, timestamp, biginteger: text on the wire.
      return z.string();
  }
}

// The same rules at the type level, over the generated schema types.

type Maybe<T> = T | null | undefined;
type Fields<Q> = Q extends { fields: readonly (infer F extends string)[] } ? F : never;
type Populate<Q> = Q extends { populate: infer P } ? P : {};
/** Strapi's system attributes as the site reads them (the generated types do not mark them required). */
interface SystemValues {
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: Maybe<string>;
}

type Bare<A, Q> = A extends { type: 'enumeration'; enum: infer E extends readonly string[] }
  ? E[number]
  : A extends { type: 'integer' | 'float' | 'decimal' }
    ? number
    : A extends { type: 'boolean' }
      ? boolean
      : A extends { type: 'blocks' }
        ? BlockNode[]
        : A extends { type: 'json' | 'media' }
          ? unknown
          : A extends { type: 'relation'; relation: infer K; target: infer T extends UID.Schema }
            ? K extends 'oneToMany' | 'manyToMany' | 'manyWay' | 'morphMany'
              ? Read<T, Q>[]
              : Read<T, Q>
            : A extends { type: 'component'; component: infer C extends UID.Schema; repeatable?: infer R }
              ? R extends true
                ? Read<C, Q, true>[]
                : Read<C, Q, true>
              : A extends { type: 'dynamiczone' }
                ? Array<DynamicZoneItem<Q>>
                : string;

type DynamicZoneItem<Q> = Q extends { on: infer O }
  ? { [C in keyof O & UID.Schema]: Read<C, O[C], true> & { __component: C } }[keyof O & UID.Schema] | { __component: string; [key: string]: unknown }
  : never;

type Value<A, Q, InComponent extends boolean> = A extends { type: 'uid' }
  ? string
  : A extends { required: true }
    ? InComponent extends true
      ? Maybe<Bare<A, Q>>
      : Bare<A, Q>
    : Maybe<Bare<A, Q>>;

type Attribute<U extends UID.Schema, N> = N extends keyof Schema.Attributes<U> ? Schema.Attributes<U>[N] : never;

/** What the REST API answers `Q` of the schema `U` with, after the boundary schema checked it. */
export type Read<U extends UID.Schema, Q, InComponent extends boolean = false> = {
  [F in Fields<Q>]: F extends keyof SystemValues ? SystemValues[F] : Value<Attribute<U, F>, never, InComponent>;
} & { [P in keyof Populate<Q>]: Value<Attribute<U, P>, Populate<Q>[P], InComponent> };
