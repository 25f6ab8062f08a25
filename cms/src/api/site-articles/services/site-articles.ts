/**
 * Published articles in bulk, in the exact shape of `GET /api/articles?status=published` with the
 * site's fields/populate (site/src/cms/strapi-schemas.ts, articleQuery), for the site's cold build.
 *
 * Reads through the query engine with a fixed select and populate instead of the core controller
 * (query validation, document service, output sanitiser). On 1,000 articles, one page at a time,
 * the core route spent per page ~50 ms in the document service and ~55 ms sanitising the output
 * for a token (permission checks per relation, lodash traversal of every component); this read
 * takes ~35 ms. Nothing needs sanitising: everything selected is public by construction (no
 * private field, authors, internal keys or draft; relations as documentId only; media as
 * url/size/alt/mime), and only published rows are read. The SELECT/POPULATE below must follow
 * articleQuery: cms/test/site-articles.test.ts compares both answers.
 *
 * Each article is served from its snapshot (api::article-snapshot): that JSON, made when the
 * article was published. Populating and serialising 10,000 articles cost Strapi's one thread
 * 3.4–3.9 s of CPU per cold pull on the bench machine; with snapshots the pull costs it 1.6–2.2 s,
 * mostly reading and sending the text (scripts/bench/README.md). A
 * snapshot is used only while its `source` (the published row's id and updatedAt, and the shape
 * of this query) still matches; any other article of the page is read in full here and its
 * snapshot written again, so the answer never depends on the snapshots being current.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
const SNAPSHOT = 'api::article-snapshot.article-snapshot';

export const MAX_PAGE_SIZE = 500;

const MEDIA = { select: ['id', 'documentId', 'url', 'width', 'height', 'alternativeText', 'mime'] };
const PHOTO = { select: ['id', 'caption', 'credit'], populate: { image: MEDIA } };
const REF = { select: ['id', 'documentId'] };

const SELECT = ['id', 'documentId', 'title', 'slug', 'sapo', 'publicationDate', 'publishedAt', 'updatedAt', 'featured'];
const POPULATE = {
  body: { on: { 'body.text': { select: ['id', 'content'] }, 'media.credited-photo': PHOTO } },
  cover: PHOTO,
  gallery: PHOTO,
  category: REF,
  tags: REF,
  unit: REF,
  byline: { select: ['id', 'role', 'outlet'], populate: { person: REF } },
};
const PUBLISHED = { publishedAt: { $notNull: true } };

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** Articles serialised, by documentId, and the `generation` they were read in. */
type Serialised = Map<string, { source: string; json: string }> & { readIn?: number };

interface PublishedRow {
  id: number;
  documentId: string;
  updatedAt: Date | string | number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // A snapshot made by another version of this query, or of Strapi's serialisation, is stale.
  const shape = createHash('sha256')
    .update(JSON.stringify({ SELECT, POPULATE, strapi: strapi.config.get('info.strapi') ?? '' }))
    .digest('hex')
    .slice(0, 16);
  const sourceOf = (row: PublishedRow) => `${row.id}|${new Date(row.updatedAt).toISOString()}|${shape}`;
  // Counts `forget()` of every snapshot: what was read before one must not be stored after it.
  let generation = 0;

  /**
   * The published articles matching `where`, serialised, with their source: the select carries
   * the id, documentId and updatedAt the source is made of.
   */
  async function serialise(where: Record<string, unknown>): Promise<Serialised> {
    const readIn = generation;
    const articles: PublishedRow[] = await strapi.db.query(ARTICLE).findMany({ select: SELECT, where: { ...where, ...PUBLISHED }, populate: POPULATE });
    const made: Serialised = new Map(articles.map((a) => [a.documentId, { source: sourceOf(a), json: JSON.stringify(a) }]));
    made.readIn = readIn;
    return made;
  }

  /** Replaces the snapshots of these articles. A cache write: a failure is logged, never passed on. */
  async function store(made: Serialised): Promise<void> {
    if (made.size === 0 || made.readIn !== generation) return;
    try {
      const snapshots = strapi.db.query(SNAPSHOT);
      await snapshots.deleteMany({ where: { article: { $in: [...made.keys()] } } });
      await snapshots.createMany({ data: [...made].map(([article, { source, json }]) => ({ article, source, json })) });
      // Every snapshot was dropped meanwhile: these may quote what changed.
      if (made.readIn !== generation) await snapshots.deleteMany({ where: { article: { $in: [...made.keys()] } } });
    } catch (error) {
      strapi.log.warn(`Article snapshots not saved (the site-articles route reads those articles in full until they are): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    /**
     * One page of published articles in id order, each as its JSON text: the controller joins
     * them into the answer without parsing them again. `made`: how many had no current snapshot.
     */
    async page(page: number, pageSize: number): Promise<{ results: string[]; pagination: Pagination; made: number }> {
      const [rows, total]: [PublishedRow[], number] = await Promise.all([
        strapi.db.query(ARTICLE).findMany({ select: ['id', 'documentId', 'updatedAt'], where: PUBLISHED, orderBy: { id: 'asc' }, offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(ARTICLE).count({ where: PUBLISHED }),
      ]);
      const kept: Array<{ article: string; source: string; json: string }> = rows.length
        ? await strapi.db.query(SNAPSHOT).findMany({ select: ['article', 'source', 'json'], where: { article: { $in: rows.map((r) => r.documentId) } } })
        : [];
      const current = new Map<string, string>();
      for (const snapshot of kept) current.set(`${snapshot.article}\n${snapshot.source}`, snapshot.json);
      const keyOf = (row: PublishedRow) => `${row.documentId}\n${sourceOf(row)}`;
      const stale = rows.filter((row) => !current.has(keyOf(row)));
      const made: Serialised = stale.length ? await serialise({ id: { $in: stale.map((row) => row.id) } }) : new Map();
      await store(made);
      const results: string[] = [];
      for (const row of rows) {
        const json = current.get(keyOf(row)) ?? made.get(row.documentId)?.json;
        // Unpublished between the two reads: left out, as a later page would not show it either.
        if (json !== undefined) results.push(json);
      }
      return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total }, made: made.size };
    },

    /** Makes the snapshots of these articles' published versions (after they were published). */
    async refresh(documentIds: string[]): Promise<void> {
      if (documentIds.length === 0) return;
      await store(await serialise({ documentId: { $in: documentIds } }));
    },

    /** Drops these articles' snapshots, or every snapshot when a shared part (a photo, a tag) changed. */
    async forget(documentIds?: string[]): Promise<void> {
      if (!documentIds) generation++;
      await strapi.db.query(SNAPSHOT).deleteMany({ where: documentIds ? { article: { $in: documentIds } } : {} });
    },
  };
};
