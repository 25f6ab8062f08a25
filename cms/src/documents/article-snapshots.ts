/**
 * Keeps the article snapshots that GET /api/site-articles serves (see its service) close to the
 * published articles, so a cold site build reads JSON instead of populating every article:
 * - an article published (by any path: the admin, REST, content releases) gets its snapshot made
 *   again; unpublished or deleted, its snapshot goes;
 * - every snapshot goes, at once and in the same transaction, when something they may quote
 *   changes outside an article: a photo's file or description (url, size, alt text), or a
 *   category, tag or person deleted. Rare, and the route then remakes them as it serves them.
 * Snapshots of published articles are made shortly after, outside the publishing transaction: a
 * slow or failed cache write never holds up nor undoes a publish, and until then the route sees
 * the snapshot's source no longer matches and reads that article in full.
 */
import { AsyncResource } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
/** Their documentIds are in every snapshot that refers to them. */
const REFERENCED = ['api::category.category', 'api::tag.tag', 'api::person.person'];
const FILE = 'plugin::upload.file';
/** File fields a snapshot quotes (the route's MEDIA select). */
const QUOTED_FILE_FIELDS = ['url', 'width', 'height', 'alternativeText', 'mime'];
/** Publishing a batch (an import, the bench's fill) refreshes in groups rather than one by one. */
const DELAY_MS = 500;
const BATCH = 250;

interface SnapshotService {
  refresh(documentIds: string[]): Promise<void>;
  forget(documentIds?: string[]): Promise<void>;
}

export interface ArticleSnapshots {
  /** Does what is pending now (at shutdown). */
  flush(): Promise<void>;
}

export function registerArticleSnapshots(strapi: Core.Strapi): ArticleSnapshots {
  const toRefresh = new Set<string>();
  const toForget = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const service = () => strapi.service('api::site-articles.site-articles') as unknown as SnapshotService;

  async function work(): Promise<void> {
    timer = undefined;
    const refresh = [...toRefresh];
    const forget = [...toForget];
    toRefresh.clear();
    toForget.clear();
    try {
      if (forget.length) await service().forget(forget);
      for (let i = 0; i < refresh.length; i += BATCH) await service().refresh(refresh.slice(i, i + BATCH));
    } catch (error) {
      strapi.log.warn(`Article snapshots not updated (the site-articles route remakes them when it serves them): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // One pass at a time, in order: a refresh never overtakes the forget that came before it.
  const flush = () => (running = running.then(work));
  // Made now, outside any request or transaction. Strapi finds the current transaction through
  // async context, which a timer inherits from where it was set: started from the publishing
  // middleware, a refresh would run inside a publish's transaction that may still be open.
  const outside = new AsyncResource('article-snapshots');
  const soon = () => {
    timer ??= outside.runInAsyncScope(() => setTimeout(() => void flush(), DELAY_MS));
  };

  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.uid !== ARTICLE) return result;
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (!documentId) return result;
    if (ctx.action === 'publish') {
      toForget.delete(documentId);
      toRefresh.add(documentId);
      soon();
    } else if (ctx.action === 'unpublish' || ctx.action === 'delete') {
      toRefresh.delete(documentId);
      toForget.add(documentId);
      soon();
    }
    return result;
  });

  const dropAll = () => service().forget();
  const quotesFile = (event: { params: { data?: unknown } }) => {
    const data = event.params.data;
    const rows = Array.isArray(data) ? data : [data];
    return rows.some((row) => row && typeof row === 'object' && QUOTED_FILE_FIELDS.some((field) => field in row));
  };
  const dropAllIfQuoted = async (event: { params: { data?: unknown } }) => {
    if (quotesFile(event)) await dropAll();
  };
  strapi.db.lifecycles.subscribe({ models: REFERENCED, afterDelete: dropAll, afterDeleteMany: dropAll });
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    afterUpdate: dropAllIfQuoted,
    afterUpdateMany: dropAllIfQuoted,
    afterDelete: dropAll,
    afterDeleteMany: dropAll,
  });

  return {
    flush() {
      if (timer) clearTimeout(timer);
      return flush();
    },
  };
}
