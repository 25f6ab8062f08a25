import type { Core } from '@strapi/strapi';

/** What anonymous readers (and the site build without a token) may do: read, nothing else. */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::category.category.find',
  'api::category.category.findOne',
  'api::person.person.find',
  'api::person.person.findOne',
  'api::tag.tag.find',
  'api::tag.tag.findOne',
  'api::unit.unit.find',
  'api::unit.unit.findOne',
  'api::site-setting.site-setting.find',
  // What changed since the last build: ids and dates of published documents (site build).
  'api::sync-manifest.sync-manifest.find',
  // Every published article in bulk, for a cold site build: what /api/articles gives anyone.
  'api::site-articles.site-articles.find',
] as const;

const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';

/**
 * Makes the Public role grant exactly PUBLIC_ACTIONS, removing anything else someone ticked in
 * the admin, and closes self-registration. Idempotent: runs at every start.
 */
export async function enforcePublicAccess(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions Public role is missing');

  const granted: Array<{ id: number; action: string }> = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });

  const wanted = new Set<string>(PUBLIC_ACTIONS);
  const extra = granted.filter((p) => !wanted.has(p.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    strapi.log.warn(`Public role: revoked ${extra.map((p) => p.action).join(', ')}`);
  }
  const have = new Set(granted.map((p) => p.action));
  for (const action of PUBLIC_ACTIONS) {
    if (!have.has(action)) {
      await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
    }
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  }
}
