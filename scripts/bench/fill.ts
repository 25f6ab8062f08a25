/**
 * Fills a Strapi with the bench newsroom. Two transports share one plan (photos, then people,
 * categories and tags, then articles):
 * - `rest`: the public REST API with a full-access token, `concurrency` requests in flight;
 * - `direct`: Strapi loaded in this process (no HTTP server), the document service inside
 *   transactions of `batchSize` articles. Only one Strapi may own a SQLite file, so this runs
 *   before the HTTP server starts (see fill-direct.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import axios, { type AxiosInstance } from 'axios';
import pMap from 'p-map';
import { SITE_SETTING, articleAt, createTaxonomy, type ArticleData, type Refs, type Taxonomy } from './dataset';
import type { PhotoFile } from './photos';

export type FillMode = 'rest' | 'direct';

export interface FillStats {
  mode: FillMode;
  articles: number;
  /** Seconds for photos + taxonomy (created once). */
  setupSeconds: number;
  /** Seconds for the articles alone. */
  articleSeconds: number;
  articlesPerSecond: number;
  concurrency?: number;
  batchSize?: number;
  /** True when the filled database came from the bench's fill cache (no fill ran this time). */
  reused?: boolean;
}

/** What a transport must do; the plan in `fillNewsroom` is the same for both. */
export interface FillTarget {
  uploadPhoto(photo: PhotoFile): Promise<number>;
  /** Creates (and for articles publishes) one document; returns its documentId. */
  create(kind: 'person' | 'category' | 'tag' | 'unit' | 'article', data: object): Promise<string>;
  setSiteSetting(data: object): Promise<void>;
  /** Runs `count` article creations, `create(i)` each, as fast as the transport allows. */
  runArticles(count: number, create: (index: number) => Promise<void>): Promise<void>;
}

export async function fillNewsroom(
  target: FillTarget,
  options: { articles: number; seed: number; photos: PhotoFile[]; onProgress?: (done: number) => void },
): Promise<Omit<FillStats, 'mode'>> {
  const started = performance.now();
  const taxonomy: Taxonomy = createTaxonomy(options.seed);
  const refs: Refs = { people: [], categories: [], tags: [], units: [], photos: [] };
  await target.setSiteSetting(SITE_SETTING);
  for (const photo of options.photos) refs.photos.push(await target.uploadPhoto(photo));
  refs.people = await Promise.all(taxonomy.people.map((p) => target.create('person', p)));
  refs.categories = await Promise.all(taxonomy.categories.map((c) => target.create('category', c)));
  refs.tags = await Promise.all(taxonomy.tags.map((t) => target.create('tag', t)));
  refs.units = await Promise.all(taxonomy.units.map((u) => target.create('unit', u)));
  const setupDone = performance.now();

  let done = 0;
  await target.runArticles(options.articles, async (i) => {
    const article: ArticleData = articleAt(options.seed, i, refs);
    await target.create('article', article);
    done++;
    if (done % 500 === 0) options.onProgress?.(done);
  });
  const finished = performance.now();
  const articleSeconds = (finished - setupDone) / 1000;
  return {
    articles: options.articles,
    setupSeconds: round((setupDone - started) / 1000),
    articleSeconds: round(articleSeconds),
    articlesPerSecond: round(options.articles / Math.max(articleSeconds, 1e-6)),
  };
}

const PLURAL = { person: 'people', category: 'categories', tag: 'tags', unit: 'units', article: 'articles' } as const;

export function restTarget(baseUrl: string, token: string, concurrency: number): FillTarget {
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    headers: { Authorization: `Bearer ${token}` },
    validateStatus: () => true,
    timeout: 60_000,
  });
  const fail = (what: string, res: { status: number; data: unknown }): never => {
    throw new Error(`Bench fill over REST: ${what} failed with ${res.status}: ${JSON.stringify(res.data).slice(0, 500)}`);
  };
  return {
    async uploadPhoto(photo) {
      const form = new FormData();
      form.append('files', new Blob([await readFile(photo.file)], { type: 'image/jpeg' }), photo.name);
      form.append('fileInfo', JSON.stringify({ name: photo.name, alternativeText: photo.alternativeText }));
      const res = await http.post('/api/upload', form);
      const id = Array.isArray(res.data) ? res.data[0]?.id : undefined;
      if (res.status !== 201 || typeof id !== 'number') fail(`uploading ${photo.name}`, res);
      return id as number;
    },
    async create(kind, data) {
      // Without ?status=draft a POST publishes at once (Strapi 5), which is what the bench wants.
      const res = await http.post(`/api/${PLURAL[kind]}`, { data });
      const documentId = res.data?.data?.documentId;
      if (res.status !== 201 || typeof documentId !== 'string') fail(`creating a ${kind}`, res);
      return documentId as string;
    },
    async setSiteSetting(data) {
      const res = await http.put('/api/site-setting', { data });
      if (res.status !== 200) fail('saving the site setting', res);
    },
    async runArticles(count, create) {
      await pMap(Array.from({ length: count }, (_, i) => i), create, { concurrency });
    },
  };
}

/** The subset of Strapi the direct fill uses (typed here, not from @strapi/types, on purpose small). */
export interface LoadedStrapi {
  documents(uid: string): { create(params: { data: object; status?: 'published' }): Promise<{ documentId: string }> };
  plugin(name: 'upload'): { service(name: 'upload'): { upload(input: { data: object; files: object }): Promise<Array<{ id: number }>> } };
  db: { transaction<T>(run: () => Promise<T>): Promise<T> };
}

const UID = {
  person: 'api::person.person',
  category: 'api::category.category',
  tag: 'api::tag.tag',
  unit: 'api::unit.unit',
  article: 'api::article.article',
} as const;

export function documentServiceTarget(strapi: LoadedStrapi, batchSize: number): FillTarget {
  return {
    async uploadPhoto(photo) {
      const { size } = await stat(photo.file);
      const [file] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: photo.name, alternativeText: photo.alternativeText } },
          files: { filepath: photo.file, originalFilename: photo.name, mimetype: 'image/jpeg', size },
        });
      if (!file) throw new Error(`Bench fill: uploading ${photo.name} returned no file`);
      return file.id;
    },
    async create(kind, data) {
      const doc = await strapi.documents(UID[kind]).create({ data, ...(kind === 'article' ? { status: 'published' as const } : {}) });
      return doc.documentId;
    },
    async setSiteSetting(data) {
      await strapi.documents('api::site-setting.site-setting').create({ data });
    },
    async runArticles(count, create) {
      // One transaction per batch: SQLite then syncs once per batch instead of once per write.
      for (let start = 0; start < count; start += batchSize) {
        await strapi.db.transaction(async () => {
          for (let i = start; i < Math.min(count, start + batchSize); i++) await create(i);
        });
      }
    },
  };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
