/**
 * Content Layer loaders for Strapi collections, incremental between builds.
 *
 * Each sync lists `documentId` + `updatedAt` of every published document (the cheap listing), then:
 * - deletes store entries whose documentId is no longer listed (deleted or unpublished),
 * - fetches in full only documents whose `updatedAt` differs from the digest kept in the store,
 * - keeps the last sync time and counts in `meta`.
 * A rebuild with no change therefore costs one listing request per 100 documents and no content
 * request. Documents with problems are stored without a digest so the next build retries them.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { readEnv } from '../env';
import { CmsError, PAGE_SIZE, createCmsClient, type CmsClient } from './client';
import {
  articleEntrySchema,
  categoryEntrySchema,
  personEntrySchema,
  siteSettingEntrySchema,
  tagEntrySchema,
} from './entries';
import { createPhotoCheck } from './photo-check';
import type { Query } from './query';
import {
  articleQuery,
  categoryQuery,
  personQuery,
  siteSettingQuery,
  siteSettingSchema,
  stampQuery,
  stampSchema,
  tagQuery,
} from './strapi-schemas';
import { toArticleEntry, toCategoryEntry, toPersonEntry, toTagEntry, type Converted } from './to-entries';

/** Bump when what the loaders store changes shape, so entries kept from older builds refetch. */
const ENTRY_VERSION = 1;
/** documentIds per `$in` filter: keeps request URLs well under header limits. */
const IDS_PER_REQUEST = 50;

let sharedClient: CmsClient | undefined;
/** One client per build, so concurrency is bounded across all collections together. */
export function cmsClient(): CmsClient {
  const env = readEnv();
  sharedClient ??= createCmsClient({ baseUrl: env.cmsUrl, token: env.strapiToken });
  return sharedClient;
}

interface CollectionLoaderOptions<T extends Record<string, unknown>> {
  name: string;
  /** REST path, e.g. /api/articles */
  path: string;
  query: Query;
  schema: z.ZodType<T>;
  convert(raw: unknown): Promise<Converted<T>>;
  client?: () => CmsClient;
}

export function strapiCollectionLoader<T extends Record<string, unknown>>(options: CollectionLoaderOptions<T>): Loader {
  const getClient = options.client ?? cmsClient;
  return {
    name: options.name,
    schema: options.schema,
    load: (context) => failClearly(context, () => syncCollection(getClient().child(), options, context)),
  };
}

async function syncCollection<T extends Record<string, unknown>>(
  client: CmsClient,
  options: CollectionLoaderOptions<T>,
  { store, meta, logger, parseData, generateDigest }: LoaderContext,
): Promise<void> {
  const stamps = (await client.listAll(options.path, stampQuery)).map((raw) => {
    const stamp = stampSchema.safeParse(raw);
    if (!stamp.success) throw new CmsError(`CMS listing ${options.path} returned a document without documentId/updatedAt; check the CMS version.`);
    return stamp.data;
  });
  const digestOf = (updatedAt: string) => generateDigest({ updatedAt, v: ENTRY_VERSION });

  const live = new Set(stamps.map((s) => s.documentId));
  let removed = 0;
  for (const id of store.keys()) {
    if (!live.has(id)) {
      store.delete(id);
      removed++;
    }
  }
  const changed = stamps.filter((s) => store.get(s.documentId)?.digest !== digestOf(s.updatedAt)).map((s) => s.documentId);

  const raws = await fetchDocuments(client, options, changed, stamps.length);
  let skipped = 0;
  for (const raw of raws) {
    const converted = await options.convert(raw);
    if (!converted.ok) {
      logger.warn(`Left out ${converted.label}: ${converted.error}`);
      store.delete(converted.id);
      skipped++;
      continue;
    }
    for (const problem of converted.problems) logger.warn(`${converted.label}: ${problem}`);
    const data = await parseData({ id: converted.id, data: converted.data });
    const updatedAt = (raw as { updatedAt: string }).updatedAt;
    store.set({
      id: converted.id,
      data,
      // Without a matching digest a document with problems is fetched again next build.
      digest: converted.problems.length === 0 ? digestOf(updatedAt) : `retry:${updatedAt}`,
    });
  }
  const stats = { at: new Date().toISOString(), live: live.size, fetched: raws.length, removed, skipped };
  meta.set('lastSync', JSON.stringify(stats));
  logger.info(
    `${options.path}: ${live.size} published, ${raws.length} fetched, ${removed} removed, ${skipped} left out (${client.requestCount} requests)`,
  );
}

/** Full documents for `ids`: `$in` batches, or the paged listing when that takes fewer requests. */
async function fetchDocuments<T extends Record<string, unknown>>(
  client: CmsClient,
  options: CollectionLoaderOptions<T>,
  ids: string[],
  total: number,
): Promise<unknown[]> {
  if (ids.length === 0) return [];
  if (Math.ceil(total / PAGE_SIZE) < Math.ceil(ids.length / IDS_PER_REQUEST)) return client.listAll(options.path, options.query);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) batches.push(ids.slice(i, i + IDS_PER_REQUEST));
  const pages = await Promise.all(
    batches.map((batch) => client.listAll(options.path, { ...options.query, filters: { documentId: { $in: batch } } })),
  );
  return pages.flat();
}

/** The single type: one request per build; a portal without settings gets a warning and defaults. */
export function siteSettingLoader(client: () => CmsClient = cmsClient): Loader {
  return {
    name: 'strapi-site-setting',
    schema: siteSettingEntrySchema,
    load: (context) =>
      failClearly(context, async () => {
        const { store, logger, parseData, generateDigest } = context;
        let data;
        try {
          const parsed = siteSettingSchema.safeParse(await client().getData('/api/site-setting', siteSettingQuery));
          if (!parsed.success) throw new CmsError(`CMS site setting is invalid: ${parsed.error.issues[0]?.message}`);
          const s = parsed.data;
          data = {
            portalName: s.portalName,
            unit: s.unit ?? null,
            baseUrl: s.baseUrl ?? null,
            contactEmail: s.contactEmail ?? null,
            contactPhone: s.contactPhone ?? null,
            address: s.address ?? null,
            footerText: s.footerText ?? null,
          };
        } catch (error) {
          if (!(error instanceof CmsError) || error.status !== 404) throw error;
          logger.warn('The CMS has no site setting yet (Cấu hình cổng thông tin); using a generic portal name.');
          data = { portalName: 'Cổng thông tin điện tử', unit: null, baseUrl: null, contactEmail: null, contactPhone: null, address: null, footerText: null };
        }
        const entry = await parseData({ id: 'site', data });
        store.set({ id: 'site', data: entry, digest: generateDigest(entry) });
      }),
  };
}

/**
 * A CMS failure ends the build with one line (URL, status, what to check), not a stack trace
 * and never with an empty site.
 */
async function failClearly(context: LoaderContext, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof CmsError)) throw error;
    context.logger.error(error.message);
    process.exit(1);
  }
}

export const articleLoader = (): Loader => {
  const photoCheck = createPhotoCheck();
  return strapiCollectionLoader({
    name: 'strapi-articles',
    path: '/api/articles',
    query: articleQuery,
    schema: articleEntrySchema,
    convert: (raw) => toArticleEntry(raw, readEnv().cmsUrl, photoCheck),
  });
};
export const categoryLoader = (): Loader =>
  strapiCollectionLoader({ name: 'strapi-categories', path: '/api/categories', query: categoryQuery, schema: categoryEntrySchema, convert: toCategoryEntry });
export const personLoader = (): Loader =>
  strapiCollectionLoader({ name: 'strapi-people', path: '/api/people', query: personQuery, schema: personEntrySchema, convert: toPersonEntry });
export const tagLoader = (): Loader =>
  strapiCollectionLoader({ name: 'strapi-tags', path: '/api/tags', query: tagQuery, schema: tagEntrySchema, convert: toTagEntry });
