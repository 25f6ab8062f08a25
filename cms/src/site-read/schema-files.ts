/**
 * The schema files of what the site reads, by UID: the attribute definitions the site's boundary
 * schemas and the bulk route's query are derived from (query.ts, boundary.ts). Imported as JSON,
 * so Strapi (CommonJS), Astro, vitest and tsx all read the same files the CMS runs on.
 */
import article from '../api/article/content-types/article/schema.json';
import category from '../api/category/content-types/category/schema.json';
import person from '../api/person/content-types/person/schema.json';
import siteSetting from '../api/site-setting/content-types/site-setting/schema.json';
import tag from '../api/tag/content-types/tag/schema.json';
import unit from '../api/unit/content-types/unit/schema.json';
import bodyText from '../components/body/text.json';
import bylineCredit from '../components/byline/credit.json';
import creditedPhoto from '../components/media/credited-photo.json';

/** One attribute as a schema file declares it (the properties the derivations read). */
export interface AttributeDefinition {
  type: string;
  required?: boolean;
  enum?: readonly string[];
  target?: string;
  relation?: string;
  component?: string;
  repeatable?: boolean;
  components?: readonly string[];
  multiple?: boolean;
}

interface SchemaFile {
  attributes: Record<string, AttributeDefinition>;
}

export const CONTENT_TYPE_FILES: Record<string, SchemaFile> = {
  'api::article.article': article,
  'api::category.category': category,
  'api::person.person': person,
  'api::site-setting.site-setting': siteSetting,
  'api::tag.tag': tag,
  'api::unit.unit': unit,
};

export const COMPONENT_FILES: Record<string, SchemaFile> = {
  'body.text': bodyText,
  'byline.credit': bylineCredit,
  'media.credited-photo': creditedPhoto,
};

/**
 * What Strapi adds to every content type without a line in its schema file. `updatedAt` is always
 * set; `publishedAt` is null on drafts (and absent without draft & publish).
 */
export const SYSTEM_ATTRIBUTES: Record<string, AttributeDefinition> = {
  documentId: { type: 'string', required: true },
  createdAt: { type: 'datetime', required: true },
  updatedAt: { type: 'datetime', required: true },
  publishedAt: { type: 'datetime' },
};

/** The attribute `name` of the schema `uid` (a content type or a component), or a clear error. */
export function attributeOf(uid: string, name: string): AttributeDefinition {
  const component = COMPONENT_FILES[uid];
  const file = component ?? CONTENT_TYPE_FILES[uid];
  if (!file) throw new Error(`site read: no schema file for ${uid} (add it to cms/src/site-read/schema-files.ts)`);
  const attribute = file.attributes[name] ?? (component ? undefined : SYSTEM_ATTRIBUTES[name]);
  if (!attribute) throw new Error(`site read: ${uid} has no attribute "${name}" in its schema file`);
  return attribute;
}

export const isComponent = (uid: string): boolean => uid in COMPONENT_FILES;
