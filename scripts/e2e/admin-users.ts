/**
 * Admin panel accounts for the editor journey, made through Strapi's admin API with the super
 * admin's JWT: the journey then logs in through the login page like a real editor.
 */
import { randomBytes } from 'node:crypto';
import { DESK_ROLES, type DeskRole } from '@toa-soan/cms/newsroom/desk';
import { strapiRequest } from '../lib/newsroom-rest';
import { adminLogin } from '../lib/strapi-admin';

export interface AdminAccount {
  id: number;
  email: string;
  password: string;
  jwt: string;
}

export type { DeskRole as NewsroomRole } from '@toa-soan/cms/newsroom/desk';

async function adminApi<T>(cmsUrl: string, jwt: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  return (await strapiRequest<{ data: T }>({ url: cmsUrl, token: jwt }, method, path, body)).data;
}

/**
 * Creates an active admin user holding one of the newsroom's roles and logs it in through the API
 * (the journey then logs in through the login page, once, like a real editor).
 */
export async function createNewsroomAccount(
  cmsUrl: string,
  superAdminJwt: string,
  role: DeskRole,
  name: { firstname: string; lastname: string },
): Promise<AdminAccount> {
  const roles = await adminApi<Array<{ id: number; code: string }>>(cmsUrl, superAdminJwt, 'GET', '/admin/roles');
  const { code } = DESK_ROLES[role];
  const found = roles.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`No ${role} role (${code}) among ${roles.map((r) => r.code).join(', ')}`);

  const email = `${role}-${randomBytes(3).toString('hex')}@toasoan.test`;
  const password = `Newsroom-${randomBytes(9).toString('base64url')}1a`;
  const user = await adminApi<{ id: number }>(cmsUrl, superAdminJwt, 'POST', '/admin/users', { ...name, email, roles: [found.id] });
  // An invited user is inactive until registered; setting a password and isActive skips the e-mail.
  await adminApi(cmsUrl, superAdminJwt, 'PUT', `/admin/users/${user.id}`, { password, isActive: true });
  // No preferred language is set: the journeys check that the admin is Vietnamese by default.
  const jwt = await adminLogin(cmsUrl, email, password);
  return { id: user.id, email, password, jwt };
}

/** The editor of the one-person journey: a Trưởng ban biên tập, who approves and publishes. */
export function createEditor(cmsUrl: string, superAdminJwt: string): Promise<AdminAccount> {
  return createNewsroomAccount(cmsUrl, superAdminJwt, 'publisher', { firstname: 'Biên tập', lastname: 'viên' });
}
