import type { Schema } from '@strapi/strapi';

/**
 * Fields that only the importer and editors' tools use (`sourceKey`, `sourceCaptions`) are marked
 * in the schema files with `"pluginOptions": { "toa-soan": { "internal": true } }`: the schema is
 * where a field is defined, so that is where it says it is not for readers. Strapi's own `private`
 * would hide them from API tokens too, and the importer matches and writes articles by them.
 */
interface InternalMarker {
  pluginOptions?: { 'toa-soan'?: { internal?: boolean } };
}

export const isInternal = (attribute: unknown): boolean => (attribute as InternalMarker).pluginOptions?.['toa-soan']?.internal === true;

export function internalAttributes(model: Pick<Schema.ContentType | Schema.Component, 'attributes'>): string[] {
  return Object.entries(model.attributes)
    .filter(([, attribute]) => isInternal(attribute))
    .map(([name]) => name);
}
