/**
 * One article as it stands in the CMS (its draft, or its published version), read with the
 * preview server's API token and turned into what the article page renders by the site's own
 * conversion (to-entries.ts) and resolution (model.ts), so a preview differs from the published
 * page only by what the editor has not published yet.
 */
import type { PreviewStatus } from '@toa-soan/cms/preview-url';
import { CmsError, createCmsClient, type CmsClient } from '../src/cms/client';
import type { BodyEntry, CategoryEntry, PersonEntry, TagEntry, UnitEntry } from '../src/cms/entries';
import type { Query } from '../src/cms/query';
import { articleRead, categoryRead, personRead, siteSettingRead, tagRead, unitRead } from '@toa-soan/cms/site-read';
import { siteSettingSchema } from '../src/cms/strapi-schemas';
import {
  DEFAULT_SITE_SETTING,
  toArticleEntry,
  toCategoryEntry,
  toPersonEntry,
  toSiteSettingEntry,
  toTagEntry,
  toUnitEntry,
  type Converted,
} from '../src/cms/to-entries';
import { buildCatalog, type Article, type Catalog } from '../src/lib/model';
import type { PreviewEnv } from './env';

export interface Preview {
  article: Article;
  body: BodyEntry[];
  portal: Pick<Catalog, 'site' | 'categories'>;
  /** What was left out (a photo without its file…), as the build would warn. */
  problems: string[];
}

interface Stored<T> { id: string; data: T }

let client: CmsClient | undefined;
/** One client per server process, so its limit on requests in flight holds across previews. */
export function previewClient(env: PreviewEnv): CmsClient {
  return (client ??= createCmsClient({ baseUrl: env.cmsUrl, token: env.strapiToken, retries: 1 }));
}

/** The article and what its page shows around it; null when the CMS has no such article in that version. */
export async function loadPreview(client: CmsClient, cmsUrl: string, documentId: string, status: PreviewStatus): Promise<Preview | null> {
  const raw = await client.getData(`/api/articles/${encodeURIComponent(documentId)}`, { ...articleRead, status }).catch((error: unknown) => {
    if (error instanceof CmsError && error.status === 404) return null;
    throw error;
  });
  if (raw === null) return null;
  // Photos are not checked ahead: a missing file shows as a broken image in the preview only.
  const converted = await toArticleEntry(raw, cmsUrl, async () => null);
  if (!converted.ok) throw new Error(`${converted.label}: ${converted.error}`);
  const { body, ...entry } = converted.data;

  const byIds = async <T>(path: string, query: Query, ids: string[], convert: (raw: unknown) => Promise<Converted<T>>): Promise<Stored<T>[]> => {
    if (ids.length === 0) return [];
    const raws = await client.listAll(path, { ...query, filters: { documentId: { $in: [...new Set(ids)] } } });
    return usable(await Promise.all(raws.map(convert)));
  };
  const personIds = entry.byline.flatMap((c) => (c.personId ? [c.personId] : []));
  const [site, categories, people, tags, units] = await Promise.all([
    client.getData('/api/site-setting', siteSettingRead, siteSettingSchema).then(toSiteSettingEntry, (error: unknown) => {
      if (error instanceof CmsError && error.status === 404) return DEFAULT_SITE_SETTING;
      throw error;
    }),
    client.listAll('/api/categories', categoryRead).then(async (raws) => usable<CategoryEntry>(await Promise.all(raws.map(toCategoryEntry)))),
    byIds<PersonEntry>('/api/people', personRead, personIds, toPersonEntry),
    byIds<TagEntry>('/api/tags', tagRead, entry.tagIds, toTagEntry),
    byIds<UnitEntry>('/api/units', unitRead, entry.unitId ? [entry.unitId] : [], toUnitEntry),
  ]);
  // The unit's successor is named on an archived unit's articles.
  const successors = await byIds<UnitEntry>('/api/units', unitRead, units.flatMap((u) => (u.data.successorId ? [u.data.successorId] : [])), toUnitEntry);

  const problems = [...converted.problems];
  const catalog = buildCatalog({
    site,
    // The body is handed to the page directly; it has no file here.
    articles: [{ id: converted.id, data: { ...entry, bodyFile: '', bodyDigest: '' } }],
    categories,
    people,
    tags,
    units: [...units, ...successors],
    warn: (message) => problems.push(message),
  });
  return { article: catalog.articles[0]!, body, portal: catalog, problems };
}

/** The documents that converted; the others are left out as the build leaves them out. */
function usable<T>(results: Converted<T>[]): Stored<T>[] {
  return results.flatMap((r) => (r.ok ? [{ id: r.id, data: r.data }] : []));
}
