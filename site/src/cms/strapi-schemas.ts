/**
 * The shapes Strapi 5 answers with (flat documents, `status=published`), validated at the
 * boundary. Each collection also has the exact `fields`/`populate` it is fetched with, so the
 * request and its validation live side by side.
 */
import { z } from 'astro/zod';
import type { Query } from './query';

const MEDIA_FIELDS = ['url', 'width', 'height', 'alternativeText', 'mime'];

export const mediaSchema = z.object({
  url: z.string().min(1),
  width: z.number().int().positive().nullish(),
  height: z.number().int().positive().nullish(),
  alternativeText: z.string().nullish(),
  mime: z.string().nullish(),
});
export type StrapiMedia = z.infer<typeof mediaSchema>;

/** `media.credited-photo`; image stays loose so one broken photo does not sink its article. */
export const creditedPhotoSchema = z.object({
  image: z.unknown(),
  caption: z.string().nullish(),
  credit: z.string().nullish(),
});
export type StrapiCreditedPhoto = z.infer<typeof creditedPhotoSchema>;

/** A node of Strapi's blocks rich text; the renderer decides what it accepts. */
export interface BlockNode {
  type: string;
  [key: string]: unknown;
}
export const blockNodeSchema: z.ZodType<BlockNode> = z.looseObject({ type: z.string() });

const bodyTextSchema = z.object({ __component: z.literal('body.text'), content: z.array(blockNodeSchema) });
const bodyPhotoSchema = creditedPhotoSchema.extend({ __component: z.literal('media.credited-photo') });
/** Unknown components (added to the CMS later) are kept as such and skipped when rendering. */
const bodyOtherSchema = z.looseObject({ __component: z.string() });
export const bodyItemSchema = z.union([bodyTextSchema, bodyPhotoSchema, bodyOtherSchema]);

export const ROLES = ['writer', 'editor', 'photographer', 'source'] as const;
export type CreditRole = (typeof ROLES)[number];

const relationRef = z.object({ documentId: z.string() });

export const articleSchema = z.object({
  documentId: z.string().min(1),
  title: z.string().min(1),
  slug: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'slug must be URL-safe'),
  sapo: z.string().nullish(),
  body: z.array(bodyItemSchema).nullish(),
  cover: creditedPhotoSchema.nullish(),
  gallery: z.array(creditedPhotoSchema).nullish(),
  category: relationRef.nullish(),
  tags: z.array(relationRef).nullish(),
  byline: z
    .array(z.object({ role: z.enum(ROLES), outlet: z.string().nullish(), person: relationRef.nullish() }))
    .nullish(),
  publicationDate: z.string().nullish(),
  publishedAt: z.string().nullish(),
  updatedAt: z.string(),
  unit: relationRef.nullish(),
  featured: z.boolean().nullish(),
});
export type StrapiArticle = z.infer<typeof articleSchema>;

const photoPopulate = { fields: ['caption', 'credit'], populate: { image: { fields: MEDIA_FIELDS } } };

export const articleQuery: Query = {
  fields: ['documentId', 'title', 'slug', 'sapo', 'publicationDate', 'publishedAt', 'updatedAt', 'featured'],
  populate: {
    body: {
      on: {
        'body.text': { fields: ['content'] },
        'media.credited-photo': photoPopulate,
      },
    },
    cover: photoPopulate,
    gallery: photoPopulate,
    category: { fields: ['documentId'] },
    tags: { fields: ['documentId'] },
    unit: { fields: ['documentId'] },
    byline: { fields: ['role', 'outlet'], populate: { person: { fields: ['documentId'] } } },
  },
};

export const categorySchema = z.object({
  documentId: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'slug must be URL-safe'),
  description: z.string().nullish(),
  position: z.number().int().nullish(),
  updatedAt: z.string(),
});
export const categoryQuery: Query = { fields: ['documentId', 'name', 'slug', 'description', 'position', 'updatedAt'] };

export const personSchema = z.object({
  documentId: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'slug must be URL-safe'),
  jobTitle: z.string().nullish(),
  bio: z.string().nullish(),
  updatedAt: z.string(),
});
export const personQuery: Query = { fields: ['documentId', 'name', 'slug', 'jobTitle', 'bio', 'updatedAt'] };

export const tagSchema = z.object({
  documentId: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'slug must be URL-safe'),
  updatedAt: z.string(),
});
export const tagQuery: Query = { fields: ['documentId', 'name', 'slug', 'updatedAt'] };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export const unitSchema = z.object({
  documentId: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'slug must be URL-safe'),
  kind: z.string().nullish(),
  activeFrom: isoDate.nullish(),
  activeUntil: isoDate.nullish(),
  description: z.string().nullish(),
  successor: relationRef.nullish(),
  updatedAt: z.string(),
});
export const unitQuery: Query = {
  fields: ['documentId', 'name', 'slug', 'kind', 'activeFrom', 'activeUntil', 'description', 'updatedAt'],
  populate: { successor: { fields: ['documentId'] } },
};

export const siteSettingSchema = z.object({
  portalName: z.string().min(1),
  unit: z.string().nullish(),
  baseUrl: z.string().nullish(),
  contactEmail: z.string().nullish(),
  contactPhone: z.string().nullish(),
  address: z.string().nullish(),
  footerText: z.string().nullish(),
});
export const siteSettingQuery: Query = {
  fields: ['portalName', 'unit', 'baseUrl', 'contactEmail', 'contactPhone', 'address', 'footerText'],
};

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
