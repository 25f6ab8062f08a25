/**
 * Turns validated Strapi documents into store entries. Articles may come out with `problems`:
 * the parts that were broken (a photo whose file is gone, a photo without image) are left out
 * and each problem is reported by the loader under the article's name.
 */
import type { z } from 'astro/zod';
import {
  articleSchema,
  categorySchema,
  mediaSchema,
  personSchema,
  siteSettingSchema,
  tagSchema,
  unitSchema,
  type BlockNode,
  type StrapiCreditedPhoto,
} from './strapi-schemas';
import type { ArticleSource, BodyEntry, CategoryEntry, PersonEntry, PhotoEntry, SiteSettingEntry, TagEntry, UnitEntry } from './entries';
import { absoluteMediaUrl } from '@toa-soan/cms/newsroom/media';

/** Answers null when the file at `url` can be fetched, else a short reason. */
export type PhotoCheck = (url: string) => Promise<string | null>;

/** One document made into an entry, or why it could not be. `label` names it in warnings. */
export type Converted<T> =
  | { ok: true; id: string; label: string; data: T; problems: string[] }
  | { ok: false; id: string; label: string; error: string };

function describe(raw: unknown, kind: string, nameField: string): { id: string; label: string } {
  const loose = (raw ?? {}) as Record<string, unknown>;
  const id = typeof loose.documentId === 'string' ? loose.documentId : '?';
  const name = loose[nameField];
  return { id, label: typeof name === 'string' ? `${kind} "${name}" (${id})` : `${kind} ${id}` };
}

function invalid(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return `invalid data at ${issue?.path.map(String).join('.') || 'root'}: ${issue?.message}`;
}

async function toPhoto(
  raw: StrapiCreditedPhoto,
  where: string,
  cmsUrl: string,
  checkPhoto: PhotoCheck,
  problems: string[],
): Promise<PhotoEntry | null> {
  const media = mediaSchema.safeParse(raw.image);
  if (!media.success) {
    problems.push(`${where}: no image attached (media deleted?); left out`);
    return null;
  }
  const { url, width, height, alternativeText } = media.data;
  if (!width || !height) {
    problems.push(`${where}: image ${url} has no known size (not an image?); left out`);
    return null;
  }
  const src = absoluteMediaUrl(url, cmsUrl);
  const failure = await checkPhoto(src);
  if (failure) {
    problems.push(`${where}: photo file ${src} cannot be fetched (${failure}); left out`);
    return null;
  }
  const caption = raw.caption?.trim() ?? '';
  return { src, width, height, alt: alternativeText?.trim() || caption, caption, credit: raw.credit?.trim() ?? '' };
}

export async function toArticleEntry(raw: unknown, cmsUrl: string, checkPhoto: PhotoCheck): Promise<Converted<ArticleSource>> {
  const { id, label } = describe(raw, 'article', 'title');
  const parsed = articleSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, id, label, error: invalid(parsed.error) };
  const a = parsed.data;
  const problems: string[] = [];
  const photo = (p: StrapiCreditedPhoto, where: string) => toPhoto(p, where, cmsUrl, checkPhoto, problems);

  const body: BodyEntry[] = [];
  for (const [i, item] of (a.body ?? []).entries()) {
    if (item.__component === 'body.text') {
      body.push({ kind: 'text', blocks: (item.content as BlockNode[] | null | undefined) ?? [] });
    } else if (item.__component === 'media.credited-photo' && 'caption' in item) {
      const p = await photo(item as StrapiCreditedPhoto, `body photo ${i + 1}`);
      if (p) body.push({ kind: 'photo', photo: p });
    } else {
      problems.push(`body item ${i + 1}: unknown component ${item.__component}; left out`);
    }
  }
  const cover = a.cover ? await photo(a.cover, 'cover') : null;
  const gallery: PhotoEntry[] = [];
  for (const [i, g] of (a.gallery ?? []).entries()) {
    const p = await photo(g, `gallery photo ${i + 1}`);
    if (p) gallery.push(p);
  }
  const publicationDate = a.publicationDate ?? a.publishedAt ?? a.updatedAt;
  return {
    ok: true,
    id,
    label,
    problems,
    data: {
        title: a.title,
        slug: a.slug,
        sapo: a.sapo?.trim() ?? '',
        body,
        cover,
        gallery,
        categoryId: a.category?.documentId ?? null,
        tagIds: (a.tags ?? []).map((t) => t.documentId),
        byline: (a.byline ?? []).flatMap((c, i) => {
          if (!c.role) problems.push(`byline credit ${i + 1}: no role; left out`);
          return c.role ? [{ role: c.role, personId: c.person?.documentId ?? null, outlet: c.outlet?.trim() || null }] : [];
        }),
        publicationDate: new Date(publicationDate).toISOString(),
        updatedAt: a.updatedAt,
        unitId: a.unit?.documentId ?? null,
        featured: a.featured ?? false,
    },
  };
}

export async function toCategoryEntry(raw: unknown): Promise<Converted<CategoryEntry>> {
  const { id, label } = describe(raw, 'category', 'name');
  const c = categorySchema.safeParse(raw);
  if (!c.success) return { ok: false, id, label, error: invalid(c.error) };
  const { name, slug, description, position } = c.data;
  return { ok: true, id, label, problems: [], data: { name, slug, description: description ?? null, position: position ?? 100 } };
}

export async function toPersonEntry(raw: unknown): Promise<Converted<PersonEntry>> {
  const { id, label } = describe(raw, 'person', 'name');
  const p = personSchema.safeParse(raw);
  if (!p.success) return { ok: false, id, label, error: invalid(p.error) };
  const { name, slug, jobTitle, bio } = p.data;
  return { ok: true, id, label, problems: [], data: { name, slug, jobTitle: jobTitle ?? null, bio: bio ?? null } };
}

export async function toTagEntry(raw: unknown): Promise<Converted<TagEntry>> {
  const { id, label } = describe(raw, 'tag', 'name');
  const t = tagSchema.safeParse(raw);
  if (!t.success) return { ok: false, id, label, error: invalid(t.error) };
  return { ok: true, id, label, problems: [], data: { name: t.data.name, slug: t.data.slug } };
}

export async function toUnitEntry(raw: unknown): Promise<Converted<UnitEntry>> {
  const { id, label } = describe(raw, 'unit', 'name');
  const u = unitSchema.safeParse(raw);
  if (!u.success) return { ok: false, id, label, error: invalid(u.error) };
  const { name, slug, kind, activeFrom, activeUntil, description, successor } = u.data;
  return {
    ok: true,
    id,
    label,
    problems: [],
    data: {
      name,
      slug,
      kind: kind?.trim() || null,
      activeFrom: activeFrom ?? null,
      activeUntil: activeUntil ?? null,
      description: description?.trim() || null,
      successorId: successor?.documentId ?? null,
    },
  };
}

/** A portal whose settings were never saved: a generic name, nothing else. */
export const DEFAULT_SITE_SETTING: SiteSettingEntry = {
  portalName: 'Cổng thông tin điện tử',
  unit: null,
  baseUrl: null,
  contactEmail: null,
  contactPhone: null,
  address: null,
  footerText: null,
};

export function toSiteSettingEntry(s: z.infer<typeof siteSettingSchema>): SiteSettingEntry {
  return {
    portalName: s.portalName,
    unit: s.unit ?? null,
    baseUrl: s.baseUrl ?? null,
    contactEmail: s.contactEmail ?? null,
    contactPhone: s.contactPhone ?? null,
    address: s.address ?? null,
    footerText: s.footerText ?? null,
  };
}
