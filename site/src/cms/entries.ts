/**
 * What the loaders keep in Astro's data store: Strapi documents reduced to what the pages need,
 * with relations kept as documentIds and resolved at render time (so renaming a person or a
 * category does not leave stale copies inside unchanged articles).
 */
import { z } from 'astro/zod';
import { ROLES } from '@toa-soan/cms/newsroom/roles';
import { blockNodeSchema } from './strapi-schemas';

export const photoEntrySchema = z.object({
  /** Absolute URL of the original file in the CMS (fetched by Astro's image service at build). */
  src: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
});
export type PhotoEntry = z.infer<typeof photoEntrySchema>;

export const bodyEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), blocks: z.array(blockNodeSchema) }),
  z.object({ kind: z.literal('photo'), photo: photoEntrySchema }),
]);
export type BodyEntry = z.infer<typeof bodyEntrySchema>;

export const creditEntrySchema = z.object({
  role: z.enum(ROLES),
  personId: z.string().nullable(),
  outlet: z.string().nullable(),
});
export type CreditEntry = z.infer<typeof creditEntrySchema>;

export const articleEntrySchema = z.object({
  title: z.string(),
  slug: z.string(),
  sapo: z.string(),
  /** The body is kept in this file, not in the store (see article-bodies.ts). */
  bodyFile: z.string(),
  /** Digest of the body (article-bodies.ts): what page keys hash instead of the file. */
  bodyDigest: z.string(),
  cover: photoEntrySchema.nullable(),
  gallery: z.array(photoEntrySchema),
  categoryId: z.string().nullable(),
  tagIds: z.array(z.string()),
  byline: z.array(creditEntrySchema),
  /** ISO instant shown as the article's date (imported articles keep their original one). */
  publicationDate: z.string(),
  updatedAt: z.string(),
  unitId: z.string().nullable(),
  featured: z.boolean(),
});
export type ArticleEntry = z.infer<typeof articleEntrySchema>;
/** An article as converted from Strapi, body included, before the body goes to its file. */
export type ArticleSource = Omit<ArticleEntry, 'bodyFile' | 'bodyDigest'> & { body: BodyEntry[] };

export const categoryEntrySchema = z.object({
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
});
export type CategoryEntry = z.infer<typeof categoryEntrySchema>;

export const personEntrySchema = z.object({
  name: z.string(),
  slug: z.string(),
  jobTitle: z.string().nullable(),
  bio: z.string().nullable(),
});
export type PersonEntry = z.infer<typeof personEntrySchema>;

export const tagEntrySchema = z.object({ name: z.string(), slug: z.string() });
export type TagEntry = z.infer<typeof tagEntrySchema>;

export const unitEntrySchema = z.object({
  name: z.string(),
  slug: z.string(),
  kind: z.string().nullable(),
  /** YYYY-MM-DD */
  activeFrom: z.string().nullable(),
  activeUntil: z.string().nullable(),
  description: z.string().nullable(),
  successorId: z.string().nullable(),
});
export type UnitEntry = z.infer<typeof unitEntrySchema>;

export const siteSettingEntrySchema = z.object({
  portalName: z.string(),
  unit: z.string().nullable(),
  baseUrl: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  footerText: z.string().nullable(),
});
export type SiteSettingEntry = z.infer<typeof siteSettingEntrySchema>;
