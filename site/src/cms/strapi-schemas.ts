/**
 * The shapes Strapi 5 answers with (flat documents, `status=published`), validated at the
 * boundary. What the site reads of each collection, and the schemas checking the answers, come
 * from the CMS (`@toa-soan/cms/site-read`): derived from its schema files, so a field renamed
 * there fails here at once instead of reading as missing.
 */
import { z } from 'astro/zod';
import {
  articleRead,
  boundarySchema,
  categoryRead,
  personRead,
  siteSettingRead,
  tagRead,
  unitRead,
  type Read,
} from '@toa-soan/cms/site-read';

export { blockNodeSchema, type BlockNode } from '@toa-soan/cms/site-read';

/**
 * An uploaded file as the site reads it (`populate[image][fields]` in the article read): the
 * upload plugin's shape, not one of our schema files. The article's schema leaves media unchecked
 * so that one broken photo does not sink its article; each photo is checked with this.
 */
export const mediaSchema = z.object({
  url: z.string().min(1),
  width: z.number().int().positive().nullish(),
  height: z.number().int().positive().nullish(),
  alternativeText: z.string().nullish(),
  mime: z.string().nullish(),
});
export type StrapiMedia = z.infer<typeof mediaSchema>;

export const articleSchema = boundarySchema('api::article.article', articleRead);
export type StrapiArticle = Read<'api::article.article', typeof articleRead>;
/** `media.credited-photo` as read in the cover, the gallery and the body. */
export type StrapiCreditedPhoto = NonNullable<StrapiArticle['cover']>;

export const categorySchema = boundarySchema('api::category.category', categoryRead);
export const personSchema = boundarySchema('api::person.person', personRead);
export const tagSchema = boundarySchema('api::tag.tag', tagRead);
export const unitSchema = boundarySchema('api::unit.unit', unitRead);
export const siteSettingSchema = boundarySchema('api::site-setting.site-setting', siteSettingRead);

/**
 * GET /api/sync-manifest (cms/src/api/sync-manifest): `[documentId, updatedAt]` of every published
 * document per collection, when the site settings were last saved (null: never), and the uploads
 * whose file is gone.
 */
const stampPair = z.tuple([z.string().min(1), z.string().min(1)]);
export const syncManifestSchema = z.object({
  articles: z.array(stampPair),
  categories: z.array(stampPair),
  people: z.array(stampPair),
  tags: z.array(stampPair),
  /** Absent from CMS versions before units (issue 17): no units then. */
  units: z.array(stampPair).default([]),
  siteSetting: z.string().min(1).nullable(),
  /** Uploads (`/uploads/…`) whose file the CMS no longer has; absent from CMS versions before it. */
  missingUploads: z.array(z.string()).optional(),
});
export type SyncManifest = z.infer<typeof syncManifestSchema>;
export type ManifestCollection = Exclude<keyof SyncManifest, 'siteSetting' | 'missingUploads'>;
