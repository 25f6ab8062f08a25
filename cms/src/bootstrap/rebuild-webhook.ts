import type { Core } from '@strapi/strapi';
import { envString } from '../lib/env';
import { REBUILD_EVENTS, REBUILD_SECRET_HEADER } from '../newsroom/rebuild-webhook';

/** The name marks the webhook as ours, so an admin's own webhooks are never touched. */
export const REBUILD_WEBHOOK_NAME = 'Tòa soạn: dựng lại trang (site rebuild)';

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook | null>;
  deleteWebhook(id: string): Promise<Webhook | null>;
}

interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
  remove(webhook: Webhook): void;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Keeps one webhook to the site rebuild service in line with REBUILD_WEBHOOK_URL/SECRET: creates
 * it, updates it when the URL, secret or events changed, removes it when the URL is unset.
 * Strapi's runner has already loaded the stored webhooks, so it is told about every change.
 */
export async function syncRebuildWebhook(strapi: Core.Strapi): Promise<void> {
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const url = envString('REBUILD_WEBHOOK_URL');
  const secret = envString('REBUILD_WEBHOOK_SECRET');

  const ours = (await store.findWebhooks()).filter((w) => w.name === REBUILD_WEBHOOK_NAME);
  const [current, ...duplicates] = ours;
  for (const webhook of url ? duplicates : ours) {
    await store.deleteWebhook(webhook.id);
    runner.remove(webhook);
    strapi.log.info(`Removed rebuild webhook to ${webhook.url}`);
  }
  if (!url) return;
  if (!secret) strapi.log.warn('REBUILD_WEBHOOK_URL is set without REBUILD_WEBHOOK_SECRET: the rebuild service cannot tell Strapi from anyone else');

  const headers: Record<string, string> = secret ? { [REBUILD_SECRET_HEADER]: secret } : {};
  const wanted = {
    name: REBUILD_WEBHOOK_NAME,
    url,
    headers,
    events: [...REBUILD_EVENTS],
  };
  if (!current) {
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`Registered rebuild webhook to ${url}`);
    return;
  }
  const upToDate =
    current.url === wanted.url &&
    current.isEnabled &&
    sameList(current.events ?? [], wanted.events) &&
    JSON.stringify(current.headers ?? {}) === JSON.stringify(wanted.headers);
  if (upToDate) return;
  const updated = await store.updateWebhook(current.id, { ...wanted, isEnabled: true });
  if (updated) runner.update(updated);
  strapi.log.info(`Updated rebuild webhook to ${url}`);
}
