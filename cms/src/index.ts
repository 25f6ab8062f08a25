import type { Core } from '@strapi/strapi';
import { withdrawAccountRoutes } from './access/account-routes';
import { registerPublicReads } from './access/public-reads';
import { applyAdminLabels } from './bootstrap/admin-labels';
import { linkArticleUnits } from './bootstrap/article-units';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensurePreviewToken } from './bootstrap/preview-token';
import { enforcePublicAccess } from './bootstrap/public-access';
import { syncRebuildWebhook } from './bootstrap/rebuild-webhook';
import { keepSqliteStatistics } from './bootstrap/sqlite-statistics';
import { registerArticlePublishing } from './documents/article-publishing';
import { normaliseStoredPhotoCredits, registerPhotoCreditNormalising } from './documents/photo-credits';
import { backfillDerivedText, registerDerivedText } from './documents/derived-text';
import { registerSlugFilling } from './documents/slugs';
import { registerXmlSafeText } from './documents/xml-safe-text';
import { envBool } from './lib/env';
import { bootstrapWorkflow, registerWorkflow } from './workflow';
import { seedDemoContent } from './seed/seed';

let stopSqliteStatistics: (() => void) | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Before anything else reads: what a reader without a token may see (src/access/).
    registerPublicReads(strapi);
    withdrawAccountRoutes(strapi);
    // Text cleaned first, so slugs and the publishing rules see it as it will be stored.
    registerXmlSafeText(strapi);
    // Slugs first: the publishing rules then see the article as it will be stored.
    registerSlugFilling(strapi);
    registerPhotoCreditNormalising(strapi);
    registerArticlePublishing(strapi);
    registerWorkflow(strapi);
    registerDerivedText(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await enforcePublicAccess(strapi);
    await ensureFirstAdmin(strapi);
    await bootstrapWorkflow(strapi);
    await syncRebuildWebhook(strapi);
    await ensurePreviewToken(strapi);
    await applyAdminLabels(strapi);
    await normaliseStoredPhotoCredits(strapi);
    await linkArticleUnits(strapi);
    stopSqliteStatistics = await keepSqliteStatistics(strapi);
    if (envBool('SEED_DEMO_CONTENT', false) && (await strapi.db.query('api::article.article').count({})) === 0) {
      const report = await seedDemoContent(strapi);
      strapi.log.info(`Loaded the demo content: ${JSON.stringify(report.counts)}`);
    }
    await backfillDerivedText(strapi);
  },

  async destroy() {
    stopSqliteStatistics?.();
  },
};
