import type { Core } from '@strapi/strapi';

/**
 * Readers of a portal have no accounts (sign-up is closed, see public-access.ts), yet
 * users-permissions serves `/api/users`, `/api/users-permissions/roles` and `/permissions` on the
 * content API, and a read-only API token (every `find`) may list them. Nothing of ours calls
 * them, so they are not served at all; the `/auth/*` routes stay as the plugin needs them.
 */
const ACCOUNT_PATHS = /^\/(users|roles|permissions)(\/|$)/;

export function withdrawAccountRoutes(strapi: Core.Strapi): void {
  const routers = strapi.plugin('users-permissions').routes as unknown as Record<string, { routes: Array<{ path: string }> }>;
  const contentApi = routers['content-api']!;
  contentApi.routes = contentApi.routes.filter((route) => !ACCOUNT_PATHS.test(route.path));
}
