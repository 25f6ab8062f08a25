import type { Core } from '@strapi/strapi';
import { envString } from '../lib/env';

/**
 * Creates the first super admin from STRAPI_ADMIN_EMAIL / STRAPI_ADMIN_PASSWORD when no admin
 * exists yet. Without them, Strapi's own first-run registration page does the job.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const email = envString('STRAPI_ADMIN_EMAIL');
  const password = envString('STRAPI_ADMIN_PASSWORD');
  if (!email || !password) return;

  const users = strapi.service('admin::user');
  if ((await users.exists()) as boolean) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing; cannot create the first admin');

  await users.create({
    email: email.toLowerCase(),
    password,
    firstname: envString('STRAPI_ADMIN_FIRSTNAME', 'Quản trị'),
    lastname: envString('STRAPI_ADMIN_LASTNAME', 'viên'),
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created the first super admin ${email}`);
}
