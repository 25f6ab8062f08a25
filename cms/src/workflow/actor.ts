import type { Core } from '@strapi/strapi';
import { ROLE_CODES } from './roles';

/**
 * Who is acting in the current request, for the review rules and the audit trail.
 *
 * - `operator`: a Super Admin. Not held to the review (operators repair, migrate, republish), but
 *   audited like everyone.
 * - `publisher`, `editor`, `reporter`: the newsroom roles; a user with several gets the highest.
 * - `other`: any other admin role (Strapi's Editor/Author, a role made by hand, an admin token):
 *   may submit, never approve, and publishes only approved articles.
 * - `token`: a content-API token (the importer, scripts). Not held to the review: the importer
 *   brings archives that were published long ago. Audited with the token's name.
 * - `system`: no request (bootstrap, seed, scheduled jobs).
 */
export type ActorLevel = 'operator' | 'publisher' | 'editor' | 'reporter' | 'other' | 'token' | 'system';

export interface Actor {
  level: ActorLevel;
  userId: number | null;
  /** E-mail of the admin user, or `api-token:<name>`, or `system`. */
  label: string;
  name: string;
  roles: string[];
  ip: string | null;
}

interface AdminUser {
  id: number;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
  roles?: Array<{ code?: string; name?: string }>;
}

interface RequestContext {
  request?: { ip?: string };
  state?: {
    user?: AdminUser;
    auth?: { strategy?: { name?: string }; credentials?: { name?: string } };
    route?: { info?: { type?: string } };
  };
}

const SUPER_ADMIN = 'strapi-super-admin';

export function levelOf(roleCodes: string[]): ActorLevel {
  if (roleCodes.includes(SUPER_ADMIN)) return 'operator';
  if (roleCodes.includes(ROLE_CODES.publisher)) return 'publisher';
  if (roleCodes.includes(ROLE_CODES.editor)) return 'editor';
  if (roleCodes.includes(ROLE_CODES.reporter)) return 'reporter';
  return 'other';
}

export function currentActor(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as RequestContext | undefined;
  if (!ctx) return { level: 'system', userId: null, label: 'system', name: 'Hệ thống', roles: [], ip: null };
  const ip = ctx.request?.ip ?? null;
  const strategy = ctx.state?.auth?.strategy?.name;
  const user = ctx.state?.user;
  if (strategy === 'admin' && user) {
    const codes = (user.roles ?? []).map((r) => r.code ?? '');
    return {
      level: levelOf(codes),
      userId: user.id,
      label: user.email ?? `admin:${user.id}`,
      name: [user.firstname, user.lastname].filter(Boolean).join(' ') || (user.email ?? ''),
      roles: (user.roles ?? []).map((r) => r.name ?? r.code ?? ''),
      ip,
    };
  }
  const tokenName = ctx.state?.auth?.credentials?.name ?? 'unknown';
  if (strategy === 'api-token' || strategy === 'content-api-token') {
    return { level: 'token', userId: null, label: `api-token:${tokenName}`, name: tokenName, roles: [], ip };
  }
  // An admin token, or a request whose authentication this code does not know: the least trusted.
  return { level: 'other', userId: null, label: strategy ? `${strategy}:${tokenName}` : 'anonymous', name: tokenName, roles: [], ip };
}

/** Held to the review rules: everyone but operators, API tokens and code running outside a request. */
export const isReviewed = (actor: Actor): boolean => !['operator', 'token', 'system'].includes(actor.level);
export const isReviewer = (actor: Actor): boolean => actor.level === 'editor' || actor.level === 'publisher';
