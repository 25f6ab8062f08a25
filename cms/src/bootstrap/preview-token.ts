import type { Core } from '@strapi/strapi';
import { secret } from '../lib/secrets';

/** Shown in Settings → API Tokens, so nobody deletes it as unknown. */
export const PREVIEW_TOKEN_NAME = 'Máy chủ xem trước';

interface ContentApiTokens {
  hash(accessKey: string): string;
  getByName(name: string): Promise<{ id: number; type: string } | null>;
  create(attributes: { name: string; description: string; type: 'read-only'; lifespan: null }): Promise<{ id: number }>;
  update(id: number, attributes: { type: 'read-only' }): Promise<unknown>;
}

/**
 * Keeps a read-only content API token whose key is PREVIEW_TOKEN, the token the preview server
 * reads drafts with (readers without a token never see drafts: src/access/public-reads.ts).
 * Strapi makes up a key for every token it creates; the key is set to ours here, stored the way
 * Strapi stores keys (HMAC with API_TOKEN_SALT, and encrypted for the admin's "view token"), so
 * npm start and compose give both processes one shared secret instead of an operator copying a
 * token out of the admin. Runs at every start: a changed PREVIEW_TOKEN or a token switched to
 * full access in the admin is put back.
 */
export async function ensurePreviewToken(strapi: Core.Strapi): Promise<void> {
  const tokens = strapi.service('admin::api-token-content-api') as unknown as ContentApiTokens;
  const key = secret('PREVIEW_TOKEN');
  const existing = await tokens.getByName(PREVIEW_TOKEN_NAME);
  const id = existing
    ? existing.id
    : (await tokens.create({ name: PREVIEW_TOKEN_NAME, description: 'Bản xem trước: máy chủ xem trước đọc bản nháp bằng khóa này (PREVIEW_TOKEN).', type: 'read-only', lifespan: null })).id;
  if (existing && existing.type !== 'read-only') await tokens.update(id, { type: 'read-only' });
  const stored = await strapi.db.query('admin::api-token').findOne({ where: { id }, select: ['accessKey'] });
  const hashed = tokens.hash(key);
  if (stored?.accessKey === hashed) return;
  const encryption = strapi.service('admin::encryption') as unknown as { encrypt(value: string): string | null };
  await strapi.db.query('admin::api-token').update({ where: { id }, data: { accessKey: hashed, encryptedKey: encryption.encrypt(key) } });
}
