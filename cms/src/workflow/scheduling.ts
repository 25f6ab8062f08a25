import type { Core } from '@strapi/strapi';
import { envString } from '../lib/env';
import { recordAudit } from './audit';

/**
 * Scheduled publishing (issue 15) with Strapi's own cron, no plugin: the Trưởng ban sets
 * `scheduledAt` on an approved article (the review middleware allows no one else and refuses a
 * schedule on an article not approved); a task publishes what has come due.
 *
 * - The task publishes through the document service, so every publishing rule applies, and it
 *   checks the approval itself: it runs outside a request, where the review middleware would
 *   let anything through. An article no longer approved, or refused by the rules, is not
 *   published; its schedule is cleared and the audit trail says why.
 * - Due means `scheduledAt <= now`, so a schedule that came due while the CMS was down is
 *   published by the run made at start, and the task never depends on having ticked on time.
 * - `SCHEDULED_PUBLISHING_RULE` (cron with seconds, default every 30 s) sets how often it looks.
 */
const ARTICLE = 'api::article.article';

interface Due {
  id: number;
  documentId: string;
  title: string | null;
  reviewState: string | null;
  scheduledAt: string;
}

async function clearSchedule(strapi: Core.Strapi, documentId: string): Promise<void> {
  await strapi.db.query(ARTICLE).updateMany({ where: { documentId }, data: { scheduledAt: null } });
}

export async function publishDueArticles(strapi: Core.Strapi): Promise<number> {
  const due = (await strapi.db.query(ARTICLE).findMany({
    where: { publishedAt: null, scheduledAt: { $notNull: true, $lte: new Date() } },
    select: ['id', 'documentId', 'title', 'reviewState', 'scheduledAt'],
  })) as Due[];
  let published = 0;
  for (const article of due) {
    const subject = { subjectType: ARTICLE, subjectId: article.documentId, subjectTitle: article.title };
    if (article.reviewState !== 'da-duyet') {
      await clearSchedule(strapi, article.documentId);
      await recordAudit(strapi, { action: 'schedule-refused', ...subject, details: { scheduledAt: article.scheduledAt, reason: `reviewState ${article.reviewState}` } });
      continue;
    }
    try {
      await strapi.db.transaction(async () => {
        await strapi.documents(ARTICLE).publish({ documentId: article.documentId } as never);
        await clearSchedule(strapi, article.documentId);
      });
      published++;
    } catch (error) {
      await clearSchedule(strapi, article.documentId);
      const reason = error instanceof Error ? error.message : String(error);
      await recordAudit(strapi, { action: 'schedule-refused', ...subject, details: { scheduledAt: article.scheduledAt, reason } });
      strapi.log.warn(`Scheduled publishing of ${article.documentId} refused: ${reason}`);
    }
  }
  return published;
}

export async function startScheduledPublishing(strapi: Core.Strapi): Promise<void> {
  // What came due while the CMS was down goes out now, not at the first tick.
  await publishDueArticles(strapi);
  strapi.cron.add({
    'toa-soan-scheduled-publishing': {
      task: () => publishDueArticles(strapi).catch((error: unknown) => strapi.log.error(`Scheduled publishing failed: ${String(error)}`)),
      options: { rule: envString('SCHEDULED_PUBLISHING_RULE', '*/30 * * * * *') },
    },
  });
}
