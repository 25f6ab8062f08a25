/**
 * Content Layer loaders for Strapi collections, incremental between builds.
 *
 * Each sync reads the CMS's sync manifest once (shared by all loaders: `[documentId, updatedAt]`
 * of every published document), then per collection:
 * - deletes store entries whose documentId is no longer listed (deleted or unpublished),
 * - fetches in full only documents whose `updatedAt` differs from the digest kept in the store,
 * - keeps the last sync time and counts in `meta`.
 * A rebuild with no change therefore costs one request in total, whatever the archive's size.
 * Documents with problems are stored without a digest so the next build retries them.
 */
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import pLimit from 'p-limit';
import { readEnv } from '../env';
import { bodyFiles, type BodyFiles } from './article-bodies';
import { CmsError, PAGE_SIZE, createCmsClient, type CmsClient } from './client';
import {
  articleEntrySchema,
  categoryEntrySchema,
  personEntrySchema,
  siteSettingEntrySchema,
  tagEntrySchema,
  unitEntrySchema,
} from './entries';
import { createManifestSource, type ManifestSource } from './manifest';
import { checkAgainstManifest, createPhotoCheck } from './photo-check';
import type { Query } from './query';
import { articleRead, categoryRead, personRead, siteSettingRead, tagRead, unitRead } from '@toa-soan/cms/site-read';
import { siteSettingSchema, type ManifestCollection, type SyncManifest } from './strapi-schemas';
import {
  DEFAULT_SITE_SETTING,
  toArticleEntry,
  toCategoryEntry,
  toPersonEntry,
  toSiteSettingEntry,
  toTagEntry,
  toUnitEntry,
  type Converted,
  type PhotoCheck,
} from './to-entries';

/**
 * Bump when what the loaders store changes (its shape, or how text is cleaned), so entries kept from
 * older builds refetch. 3: text made XML-safe by the CMS client. 4: articles refer to units. 5: articles
 * carry their body's digest.
 */
const ENTRY_VERSION = 5;

/** The CMS as the loaders see it: one client and the manifest of the current sync. */
export interface CmsSource {
  client: CmsClient;
  manifest: ManifestSource;
}

let sharedSource: CmsSource | undefined;
/** One client per build, so concurrency is bounded and the manifest read once across all collections. */
export function cmsSource(): CmsSource {
  if (!sharedSource) {
    const env = readEnv();
    const client = createCmsClient({ baseUrl: env.cmsUrl, token: env.strapiToken });
    sharedSource = { client, manifest: createManifestSource(client) };
  }
  return sharedSource;
}

interface CollectionLoaderOptions<T extends Record<string, unknown>> {
  name: string;
  /** Which list of the sync manifest holds this collection. */
  manifestKey: ManifestCollection;
  /** REST path, e.g. /api/articles */
  path: string;
  query: Query;
  /**
   * A CMS route listing every published document of the collection in the shape `path` answers
   * `query` with, cheaper for Strapi, and the page size it allows: used instead of paging through
   * `path` when everything is fetched (a cold build). Changed documents are still fetched from
   * `path` by documentId.
   */
  bulk?: { path: string; pageSize: number };
  schema: z.ZodType<T>;
  /** `manifest`: the sync manifest this sync works from. */
  convert(raw: unknown, context: LoaderContext, manifest: SyncManifest): Promise<Converted<T>>;
  /** A stored entry that cannot be used as it is (a file it points to is gone): fetched again. */
  isStale?(id: string, data: T, context: LoaderContext): boolean;
  /** Clean-up when an entry leaves the store. */
  onRemove?(id: string, context: LoaderContext): Promise<void>;
  source?: () => CmsSource;
}

export function strapiCollectionLoader<T extends Record<string, unknown>>(options: CollectionLoaderOptions<T>): Loader {
  const getSource = options.source ?? cmsSource;
  return {
    name: options.name,
    schema: options.schema,
    load: (context) => failClearly(() => syncCollection(getSource(), options, context)),
  };
}

const digestOf = (context: LoaderContext, updatedAt: string) => context.generateDigest({ updatedAt, v: ENTRY_VERSION });

async function syncCollection<T extends Record<string, unknown>>(
  source: CmsSource,
  options: CollectionLoaderOptions<T>,
  context: LoaderContext,
): Promise<void> {
  const { store, meta, logger, parseData } = context;
  const manifest = await source.manifest(options.name, logger);
  const stamps = manifest[options.manifestKey];
  const client = source.client.child();

  const live = new Set(stamps.map(([id]) => id));
  let removed = 0;
  const remove = async (id: string) => {
    store.delete(id);
    await options.onRemove?.(id, context);
    removed++;
  };
  for (const id of store.keys()) if (!live.has(id)) await remove(id);
  const current = (id: string, updatedAt: string) => {
    const entry = store.get<T>(id);
    return entry?.digest === digestOf(context, updatedAt) && !options.isStale?.(id, entry.data, context);
  };
  const changed = stamps.filter(([id, updatedAt]) => !current(id, updatedAt)).map(([id]) => id);

  // Each page is converted and stored as it arrives, while Strapi still serves the next ones.
  const returned = new Set<unknown>();
  let fetched = 0;
  let skipped = 0;
  const keep = async (raw: unknown) => {
    fetched++;
    returned.add((raw as { documentId?: unknown }).documentId);
    const converted = await options.convert(raw, context, manifest);
    if (!converted.ok) {
      logger.warn(`Left out ${converted.label}: ${converted.error}`);
      store.delete(converted.id);
      await options.onRemove?.(converted.id, context);
      skipped++;
      return;
    }
    for (const problem of converted.problems) logger.warn(`${converted.label}: ${problem}`);
    const data = await parseData({ id: converted.id, data: converted.data });
    const updatedAt = (raw as { updatedAt: string }).updatedAt;
    store.set({
      id: converted.id,
      data,
      // Without a matching digest a document with problems is fetched again next build.
      digest: converted.problems.length === 0 ? digestOf(context, updatedAt) : `retry:${updatedAt}`,
    });
  };
  await fetchDocuments(client, options, changed, stamps.length, async (raws) => {
    for (const raw of raws) await keep(raw);
  });
  // Unpublished between the manifest and the fetch: not on the site any more.
  for (const id of changed) if (!returned.has(id) && store.has(id)) await remove(id);

  const stats = { at: new Date().toISOString(), live: live.size, fetched, removed, skipped };
  meta.set('lastSync', JSON.stringify(stats));
  logger.info(
    `${options.path}: ${live.size} published, ${fetched} fetched, ${removed} removed, ${skipped} left out (${client.requestCount} requests)`,
  );
}

/** Full documents for `ids`, page by page: `$in` batches, or the paged listing when that takes fewer requests. */
async function fetchDocuments<T extends Record<string, unknown>>(
  client: CmsClient,
  options: CollectionLoaderOptions<T>,
  ids: string[],
  total: number,
  onPage: (raws: unknown[]) => Promise<void>,
): Promise<void> {
  if (ids.length === 0) return;
  const { idsPerRequest } = readEnv();
  const listing = options.bulk ? { ...options.bulk, query: {} } : { path: options.path, query: options.query, pageSize: PAGE_SIZE };
  if (Math.ceil(total / listing.pageSize) < Math.ceil(ids.length / idsPerRequest)) {
    return client.eachPage(listing.path, listing.query, listing.pageSize, onPage);
  }
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += idsPerRequest) batches.push(ids.slice(i, i + idsPerRequest));
  // One handler at a time across batches too, as within a listing.
  const inTurn = pLimit(1);
  const handle = (raws: unknown[]) => inTurn(() => onPage(raws));
  await Promise.all(batches.map((batch) => client.eachPage(options.path, { ...options.query, filters: { documentId: { $in: batch } } }, PAGE_SIZE, handle)));
}

const SITE_ID = 'site';

/**
 * The single type, fetched only when the manifest's updatedAt for it changed; a portal without
 * settings gets a warning and defaults.
 */
export function siteSettingLoader(getSource: () => CmsSource = cmsSource): Loader {
  const name = 'strapi-site-setting';
  return {
    name,
    schema: siteSettingEntrySchema,
    load: (context) =>
      failClearly(async () => {
        const { store, logger, parseData } = context;
        const source = getSource();
        const updatedAt = (await source.manifest(name, logger)).siteSetting;
        if (updatedAt === null) {
          logger.warn('The CMS has no site setting yet (Cấu hình cổng thông tin); using a generic portal name.');
          store.set({ id: SITE_ID, data: await parseData({ id: SITE_ID, data: DEFAULT_SITE_SETTING }) });
          return;
        }
        const digest = digestOf(context, updatedAt);
        if (store.get(SITE_ID)?.digest === digest) return;
        const data = toSiteSettingEntry(await source.client.getData('/api/site-setting', siteSettingRead, siteSettingSchema));
        store.set({ id: SITE_ID, data: await parseData({ id: SITE_ID, data }), digest });
      }),
  };
}

/**
 * A CMS failure ends the build with one line (URL, status, what to check), not a stack trace
 * and never with an empty site.
 */
async function failClearly(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof CmsError)) throw error;
    // Astro prints an AstroError's message as it is; without a stack it adds no trace below it.
    throw Object.assign(new AstroError(error.message), { stack: '' });
  }
}

export const articleLoader = (): Loader => {
  // One check per manifest, that is per sync: a photo's answer (and a HEAD's, for photos the
  // manifest cannot vouch for) is reused across the articles of one sync, never into the next.
  let checks: { manifest: SyncManifest; check: PhotoCheck } | undefined;
  const photoCheck = (manifest: SyncManifest) => {
    if (checks?.manifest !== manifest) checks = { manifest, check: checkAgainstManifest(manifest, readEnv().cmsUrl, createPhotoCheck()) };
    return checks.check;
  };
  // One per cache folder, not per article: it creates its folder once.
  let files: { cacheDir: URL; bodies: BodyFiles } | undefined;
  const bodies = ({ config: { cacheDir } }: LoaderContext) => {
    if (files?.cacheDir.href !== cacheDir.href) files = { cacheDir, bodies: bodyFiles(cacheDir) };
    return files.bodies;
  };
  return strapiCollectionLoader({
    name: 'strapi-articles',
    manifestKey: 'articles',
    path: '/api/articles',
    query: articleRead,
    // cms/src/api/site-articles: every published article in this shape, cheaper for Strapi, for the cold build.
    bulk: { path: '/api/site-articles', pageSize: 250 },
    schema: articleEntrySchema,
    async convert(raw, context, manifest) {
      const converted = await toArticleEntry(raw, readEnv().cmsUrl, photoCheck(manifest));
      if (!converted.ok) return converted;
      const { body, ...rest } = converted.data;
      const { file, digest } = bodies(context).write(converted.id, body);
      return { ...converted, data: { ...rest, bodyFile: file, bodyDigest: digest } };
    },
    isStale: (id, data, context) => !bodies(context).holds(id, data.bodyFile),
    onRemove: (id, context) => bodies(context).remove(id),
  });
};
export const categoryLoader = (): Loader =>
  strapiCollectionLoader({ name: 'strapi-categories', manifestKey: 'categories', path: '/api/categories', query: categoryRead, schema: categoryEntrySchema, convert: toCategoryEntry });
export const personLoader = (): Loader =>
  strapiCollectionLoader({ name: 'strapi-people', manifestKey: 'people', path: '/api/people', query: personRead, schema: personEntrySchema, convert: toPersonEntry });
export const tagLoader = (): Loader =>
  strapiCollectionLoader({ name: 'strapi-tags', manifestKey: 'tags', path: '/api/tags', query: tagRead, schema: tagEntrySchema, convert: toTagEntry });
export const unitLoader = (): Loader =>
  strapiCollectionLoader({ name: 'strapi-units', manifestKey: 'units', path: '/api/units', query: unitRead, schema: unitEntrySchema, convert: toUnitEntry });
