import type { Core } from '@strapi/strapi';
import { applyAdminLabels } from './bootstrap/admin-labels';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { enforcePublicAccess } from './bootstrap/public-access';
import { syncRebuildWebhook } from './bootstrap/rebuild-webhook';
import { keepSqliteStatistics } from './bootstrap/sqlite-statistics';
import { registerArticlePublishing } from './documents/article-publishing';
import { backfillDerivedText, registerDerivedText } from './documents/derived-text';
import { registerArticleSnapshots, type ArticleSnapshots } from './documents/article-snapshots';
import { registerSlugFilling } from './documents/slugs';
import { envBool } from './lib/env';
import { seedDemoContent } from './seed/seed';

let stopSqliteStatistics: (() => void) | undefined;
let articleSnapshots: ArticleSnapshots | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Slugs first: the publishing rules then see the article as it will be stored.
    registerSlugFilling(strapi);
    registerArticlePublishing(strapi);
    articleSnapshots = registerArticleSnapshots(strapi);
    registerDerivedText(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await enforcePublicAccess(strapi);
    await ensureFirstAdmin(strapi);
    await syncRebuildWebhook(strapi);
    await applyAdminLabels(strapi);
    stopSqliteStatistics = await keepSqliteStatistics(strapi);
    if (envBool('SEED_DEMO_CONTENT', false) && (await strapi.db.query('api::article.article').count({})) === 0) {
      const report = await seedDemoContent(strapi);
      strapi.log.info(`Loaded the demo content: ${JSON.stringify(report.counts)}`);
    }
    await backfillDerivedText(strapi);
  },

  async destroy() {
    stopSqliteStatistics?.();
    // Snapshots of articles published in the last moment; the bulk route would remake them anyway.
    await articleSnapshots?.flush();
  },
};
