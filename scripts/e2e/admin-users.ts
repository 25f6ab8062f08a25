/**
 * Admin panel accounts for the editor journey, made through Strapi's admin API with the super
 * admin's JWT: the journey then logs in through the login page like a real editor.
 */
import { randomBytes } from 'node:crypto';
import { strapiRequest } from '../lib/newsroom-rest';
import { adminLogin } from '../lib/strapi-admin';

export interface AdminAccount {
  id: number;
  email: string;
  password: string;
  jwt: string;
}

const PUBLISHER_ROLE = 'toa-soan-truong-ban';

async function adminApi<T>(cmsUrl: string, jwt: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  return (await strapiRequest<{ data: T }>({ url: cmsUrl, token: jwt }, method, path, body)).data;
}

/**
 * Creates an active admin user holding the newsroom's Trưởng ban biên tập role (approves and
 * publishes, cms/src/workflow/roles.ts) and logs it in.
 */
export async function createEditor(cmsUrl: string, superAdminJwt: string, name = { firstname: 'Biên tập', lastname: 'viên' }): Promise<AdminAccount> {
  const roles = await adminApi<Array<{ id: number; code: string }>>(cmsUrl, superAdminJwt, 'GET', '/admin/roles');
  const editorRole = roles.find((role) => role.code === PUBLISHER_ROLE);
  if (!editorRole) throw new Error(`No Trưởng ban biên tập role (${PUBLISHER_ROLE}) among ${roles.map((r) => r.code).join(', ')}`);

  const email = `bientap-${randomBytes(3).toString('hex')}@toasoan.test`;
  const password = `Editor-${randomBytes(9).toString('base64url')}1a`;
  const user = await adminApi<{ id: number }>(cmsUrl, superAdminJwt, 'POST', '/admin/users', {
    ...name,
    email,
    roles: [editorRole.id],
  });
  // An invited user is inactive until registered; setting a password and isActive skips the e-mail.
  await adminApi(cmsUrl, superAdminJwt, 'PUT', `/admin/users/${user.id}`, { password, isActive: true });
  // No preferred language is set: the journey checks that the admin is Vietnamese by default.
  const jwt = await adminLogin(cmsUrl, email, password);
  return { id: user.id, email, password, jwt };
}
