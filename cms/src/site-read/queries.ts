/**
 * What the site reads of each collection: the `fields` and `populate` of its REST queries, in the
 * nested form Strapi documents. This is the read shape, defined once: the site sends these
 * queries (site/src/cms), validates the answers with schemas derived from them and the schema
 * files (boundary.ts), and the CMS's bulk route reads the same shape through the query engine
 * (queryEngineParams, cms/src/api/site-articles). Relations are read as documentIds only; the
 * site resolves them itself, so a renamed person never leaves stale copies in articles.
 */

/** A read of one schema: its fields, and for relations, media and components what to read of them. */
export interface ReadQuery {
  readonly fields?: readonly string[];
  readonly populate?: Readonly<Record<string, ReadQuery | DynamicZoneRead>>;
}
/** A dynamic zone, read per component (`on` fragments): never `populate=*`. */
export interface DynamicZoneRead {
  readonly on: Readonly<Record<string, ReadQuery>>;
}

const REFERENCE = { fields: ['documentId'] } as const;
const MEDIA = { fields: ['url', 'width', 'height', 'alternativeText', 'mime'] } as const;
const CREDITED_PHOTO = { fields: ['caption', 'credit'], populate: { image: MEDIA } } as const;

export const articleRead = {
  fields: ['documentId', 'title', 'slug', 'sapo', 'publicationDate', 'publishedAt', 'updatedAt', 'featured'],
  populate: {
    body: { on: { 'body.text': { fields: ['content'] }, 'media.credited-photo': CREDITED_PHOTO } },
    cover: CREDITED_PHOTO,
    gallery: CREDITED_PHOTO,
    category: REFERENCE,
    tags: REFERENCE,
    unit: REFERENCE,
    byline: { fields: ['role', 'outlet'], populate: { person: REFERENCE } },
  },
} as const satisfies ReadQuery;

export const categoryRead = { fields: ['documentId', 'name', 'slug', 'description', 'position', 'updatedAt'] } as const satisfies ReadQuery;
export const personRead = { fields: ['documentId', 'name', 'slug', 'jobTitle', 'bio', 'updatedAt'] } as const satisfies ReadQuery;
export const tagRead = { fields: ['documentId', 'name', 'slug', 'updatedAt'] } as const satisfies ReadQuery;
export const unitRead = {
  fields: ['documentId', 'name', 'slug', 'kind', 'activeFrom', 'activeUntil', 'description', 'updatedAt'],
  populate: { successor: REFERENCE },
} as const satisfies ReadQuery;
export const siteSettingRead = {
  fields: ['portalName', 'unit', 'baseUrl', 'contactEmail', 'contactPhone', 'address', 'footerText'],
} as const satisfies ReadQuery;
