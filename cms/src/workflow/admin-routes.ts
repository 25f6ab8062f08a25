import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor, isReviewer } from './actor';
import { AUDIT_PAGE_SIZES, auditCsv, listAudit, readsAudit } from './audit';
import { diffVersions, listVersions, restoreVersion } from './versions';

/**
 * Admin API routes of the workflow, under /admin/toa-soan/ (admin JWT; routes in src/api are
 * always content-API routes in Strapi 5, so these are added to the admin's own routers in
 * register()). Who may call each one follows the admin RBAC the roles hold:
 *
 * - GET  /admin/toa-soan/audit?page=&pageSize=&article=&user=&action=   Trưởng ban, Super Admin
 * - GET  /admin/toa-soan/audit/export.csv                       Trưởng ban, Super Admin
 * - GET  /admin/toa-soan/articles/:documentId/versions          read on articles
 * - GET  /admin/toa-soan/articles/:documentId/versions/diff?from=N&to=M|draft
 * - POST /admin/toa-soan/articles/:documentId/versions/:number/restore
 *                                                              Biên tập viên, Trưởng ban, Super Admin
 */
interface AdminContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  state: { userAbility?: { can(action: string, subject?: string): boolean } };
  body: unknown;
  set(name: string, value: string): void;
  type: string;
}

const READ = 'plugin::content-manager.explorer.read';
const ARTICLE = 'api::article.article';

function requireAbility(ctx: AdminContext, subject: string): void {
  if (!ctx.state.userAbility?.can(READ, subject)) throw new errors.PolicyError('Bạn không có quyền xem mục này.');
}

/**
 * The trail is the Trưởng ban's and the operators' (issue 15): checked on the actor's role, not
 * on the RBAC read of the audit type, which an administrator could tick for another role by hand.
 */
function requireAuditReader(strapi: Core.Strapi): void {
  if (!readsAudit(currentActor(strapi))) throw new errors.PolicyError('Chỉ Trưởng ban biên tập và Quản trị hệ thống được xem nhật ký biên tập.');
}

const positive = (value: unknown, fallback: number): number => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.slice(0, 200) : undefined);

export function registerWorkflowAdminRoutes(strapi: Core.Strapi): void {
  const policies = ['admin::isAuthenticatedAdmin'];
  const admin = strapi.admin as unknown as { routes: Record<string, unknown> };
  admin.routes['toa-soan-workflow'] = {
    type: 'admin',
    prefix: '/admin',
    routes: [
      {
        method: 'GET',
        path: '/toa-soan/audit',
        config: { policies },
        handler: async (ctx: AdminContext) => {
          requireAuditReader(strapi);
          const pageSize = positive(ctx.query.pageSize, 25);
          if (!(AUDIT_PAGE_SIZES as readonly number[]).includes(pageSize)) {
            throw new errors.ValidationError(`pageSize phải là một trong ${AUDIT_PAGE_SIZES.join(', ')}.`);
          }
          ctx.body = await listAudit(strapi, {
            page: positive(ctx.query.page, 1),
            pageSize,
            article: text(ctx.query.article),
            user: text(ctx.query.user),
            action: text(ctx.query.action),
          });
        },
      },
      {
        method: 'GET',
        path: '/toa-soan/audit/export.csv',
        config: { policies },
        handler: async (ctx: AdminContext) => {
          requireAuditReader(strapi);
          ctx.type = 'text/csv; charset=utf-8';
          ctx.set('Content-Disposition', `attachment; filename="nhat-ky-thao-tac-${new Date().toISOString().slice(0, 10)}.csv"`);
          ctx.body = Readable.from(auditCsv(strapi));
        },
      },
      {
        method: 'GET',
        path: '/toa-soan/articles/:documentId/versions',
        config: { policies },
        handler: async (ctx: AdminContext) => {
          requireAbility(ctx, ARTICLE);
          ctx.body = { data: await listVersions(strapi, ctx.params.documentId!) };
        },
      },
      {
        method: 'GET',
        path: '/toa-soan/articles/:documentId/versions/diff',
        config: { policies },
        handler: async (ctx: AdminContext) => {
          requireAbility(ctx, ARTICLE);
          const from = String(ctx.query.from ?? '');
          const to = String(ctx.query.to ?? 'draft');
          if (!from) throw new errors.ValidationError('Cần chọn phiên bản để so sánh (from).');
          ctx.body = { data: await diffVersions(strapi, ctx.params.documentId!, from, to) };
        },
      },
      {
        method: 'POST',
        path: '/toa-soan/articles/:documentId/versions/:number/restore',
        config: { policies },
        handler: async (ctx: AdminContext) => {
          const actor = currentActor(strapi);
          if (!isReviewer(actor) && actor.level !== 'operator') {
            throw new errors.PolicyError('Chỉ Biên tập viên hoặc Trưởng ban biên tập được khôi phục phiên bản cũ.');
          }
          const updated = (await restoreVersion(strapi, ctx.params.documentId!, ctx.params.number!)) as { documentId?: string; reviewState?: string } | null;
          ctx.body = { data: { documentId: updated?.documentId, reviewState: updated?.reviewState } };
        },
      },
    ],
  };
}
