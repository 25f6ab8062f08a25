import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor, type Actor } from './actor';
import { CONTENT_TYPE_LABELS } from '../bootstrap/admin-labels';

/**
 * The audit trail (issue 15): every write to an article and every change to admin users, roles and
 * their permissions, with who, when, what and from which address.
 *
 * Entries are written with `strapi.db.query`, inside the transaction of the change they describe:
 * a refused or rolled-back change leaves no entry. The document service refuses every write to
 * `api::audit-entry` (below), so no role, not even Super Admin, can create, edit or delete one
 * through the content manager, and the type has no content-API routes. The publisher and Super
 * Admin read it in the content manager and export it as CSV (src/workflow/admin-routes.ts).
 */
export const AUDIT = 'api::audit-entry.audit-entry';
const ARTICLE = 'api::article.article';
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

export interface AuditEvent {
  action: string;
  subjectType?: string;
  subjectId?: string | number | null;
  subjectTitle?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(strapi: Core.Strapi, event: AuditEvent, actor: Actor = currentActor(strapi)): Promise<void> {
  await strapi.db.query(AUDIT).create({
    data: {
      at: new Date(),
      action: event.action,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId == null ? null : String(event.subjectId),
      subjectTitle: event.subjectTitle ? event.subjectTitle.slice(0, 300) : null,
      actor: actor.label.slice(0, 200),
      actorName: actor.name.slice(0, 200),
      actorLevel: actor.level,
      actorRoles: actor.roles.join(', ').slice(0, 300),
      ip: actor.ip,
      details: event.details ?? null,
    },
  });
}

/** Document-service actions on articles and the audit action each one is recorded as. */
const ARTICLE_ACTIONS: Record<string, string> = {
  create: 'create',
  update: 'update',
  publish: 'publish',
  unpublish: 'unpublish',
  delete: 'delete',
  discardDraft: 'discard-draft',
  clone: 'clone',
};

interface Params {
  documentId?: string;
  data?: Record<string, unknown>;
}

async function titleOf(strapi: Core.Strapi, documentId: string): Promise<string | null> {
  const row = (await strapi.db.query(ARTICLE).findOne({ where: { documentId }, select: ['title'], orderBy: { publishedAt: 'asc' } })) as { title?: string } | null;
  return row?.title ?? null;
}

/** Anything but a read of the audit type is refused, whoever asks. */
function refuseAuditWrites(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== AUDIT || READS.has(ctx.action)) return next();
    throw new errors.PolicyError('Nhật ký thao tác chỉ do hệ thống ghi; không ai được thêm, sửa hay xóa mục nào. / The audit trail is append-only.');
  });
}

function recordArticleWrites(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const action = ARTICLE_ACTIONS[ctx.action];
    if (ctx.uid !== ARTICLE || !action) return next();
    const params = ctx.params as Params;
    // Deleted, the title is gone: read it first.
    const titleBefore = ctx.action === 'delete' && params.documentId ? await titleOf(strapi, params.documentId) : null;
    const result = await next();
    const written = result as { documentId?: string; title?: string; entries?: Array<{ documentId?: string; title?: string }> } | null;
    const entry = written?.entries?.[0] ?? written;
    const documentId = params.documentId ?? entry?.documentId;
    const title = entry?.title ?? titleBefore ?? (documentId ? await titleOf(strapi, documentId) : null);
    const details: Record<string, unknown> = {};
    if (params.data) details.fields = Object.keys(params.data).sort();
    await recordAudit(strapi, { action, subjectType: ARTICLE, subjectId: documentId, subjectTitle: title, details });
    return result;
  });
}

interface LifecycleEvent {
  action: string;
  model: { uid: string };
  params: { data?: Record<string, unknown> | Array<Record<string, unknown>>; where?: unknown };
  result?: unknown;
}

const ADMIN_MODELS: Record<string, string> = { 'admin::user': 'user', 'admin::role': 'role', 'admin::permission': 'permissions' };
/**
 * Timestamps are not a change worth an entry. Only names of the fields written are listed, so a
 * password or token change shows as `password` without its value; the values copied are the few
 * below (e-mail, active, blocked, roles).
 */
const BOOKKEEPING = new Set(['updatedAt', 'createdAt']);

function describeAdminChange(event: LifecycleEvent): AuditEvent {
  const kind = ADMIN_MODELS[event.model.uid]!;
  const verb = event.action.replace(/^after/, '').replace(/Many$/, '').toLowerCase();
  const rows = Array.isArray(event.params.data) ? event.params.data : event.params.data ? [event.params.data] : [];
  const result = event.result as { id?: number; email?: string; name?: string; count?: number } | undefined;
  const details: Record<string, unknown> = {};
  if (rows.length) {
    const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((f) => !BOOKKEEPING.has(f)).sort();
    details.fields = fields;
    if (kind === 'user') {
      const row = rows[0]!;
      for (const key of ['email', 'isActive', 'blocked', 'roles']) if (key in row) details[key] = row[key];
    }
    if (kind === 'permissions') details.actions = [...new Set(rows.map((row) => row.action))].sort();
  }
  if (event.params.where) details.where = event.params.where;
  if (result && typeof result === 'object' && typeof result.count === 'number') details.count = result.count;
  return {
    action: `${kind}-${verb}`,
    subjectType: event.model.uid,
    subjectId: result?.id ?? null,
    subjectTitle: result?.email ?? result?.name ?? null,
    details,
  };
}

function recordAdminChanges(strapi: Core.Strapi): void {
  const record = async (event: LifecycleEvent) => {
    const rows = Array.isArray(event.params.data) ? event.params.data : event.params.data ? [event.params.data] : [];
    if (event.action === 'afterUpdate' && rows.length && rows.every((row) => Object.keys(row).every((key) => BOOKKEEPING.has(key)))) return;
    await recordAudit(strapi, describeAdminChange(event));
  };
  strapi.db.lifecycles.subscribe({
    models: Object.keys(ADMIN_MODELS),
    afterCreate: record,
    afterCreateMany: record,
    afterUpdate: record,
    afterUpdateMany: record,
    afterDelete: record,
    afterDeleteMany: record,
  });
}

export function registerAudit(strapi: Core.Strapi): void {
  refuseAuditWrites(strapi);
  recordArticleWrites(strapi);
  recordAdminChanges(strapi);
}

/** Who reads the trail: Super Admin and the Trưởng ban biên tập (issue 15), whatever else a role was granted by hand. */
export const readsAudit = (actor: Actor): boolean => actor.level === 'operator' || actor.level === 'publisher';

export interface AuditQuery {
  page: number;
  pageSize: number;
  /** An article's documentId, or words of its title. */
  article?: string;
  /** Words of the actor's e-mail or name. */
  user?: string;
  /** One action code (`publish`) or a family (`user-*`). */
  action?: string;
}

/** The article form's labels, so the screen names the fields an entry lists ("Tiêu đề", not `title`). */
const ARTICLE_FIELD_LABELS = Object.fromEntries(Object.entries(CONTENT_TYPE_LABELS[ARTICLE] ?? {}).map(([field, { label }]) => [field, label]));

export const AUDIT_PAGE_SIZES = [10, 25, 50, 100] as const;

/** One page of the trail, newest first, for the admin's "Nhật ký biên tập" screen. */
export async function listAudit(strapi: Core.Strapi, query: AuditQuery) {
  const where: Record<string, unknown>[] = [];
  const article = query.article?.trim();
  if (article) where.push({ $or: [{ subjectId: article }, { subjectTitle: { $containsi: article } }] });
  const user = query.user?.trim();
  if (user) where.push({ $or: [{ actor: { $containsi: user } }, { actorName: { $containsi: user } }] });
  const action = query.action?.trim();
  if (action) where.push(action.endsWith('-*') ? { action: { $startsWith: action.slice(0, -1) } } : { action });
  const filter = where.length ? { $and: where } : {};
  const [rows, total] = await Promise.all([
    strapi.db.query(AUDIT).findMany({
      where: filter,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      select: ['id', 'at', 'action', 'subjectType', 'subjectId', 'subjectTitle', 'actor', 'actorName', 'actorLevel', 'actorRoles', 'ip', 'details'],
    }),
    strapi.db.query(AUDIT).count({ where: filter }),
  ]);
  return { data: rows, pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) }, fieldLabels: ARTICLE_FIELD_LABELS };
}

const CSV_COLUMNS = ['at', 'action', 'subjectType', 'subjectId', 'subjectTitle', 'actor', 'actorName', 'actorLevel', 'actorRoles', 'ip', 'details'] as const;

function csvCell(value: unknown): string {
  let text = value == null ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A cell opening with = + - @ is a formula to a spreadsheet: quote it out (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole trail, oldest first, as CSV with a BOM so spreadsheet programs read Vietnamese right. */
export async function* auditCsv(strapi: Core.Strapi): AsyncGenerator<string> {
  yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
  const PAGE = 500;
  for (let lastId = 0; ; ) {
    const rows = (await strapi.db.query(AUDIT).findMany({ where: { id: { $gt: lastId } }, orderBy: { id: 'asc' }, limit: PAGE })) as Array<Record<string, unknown> & { id: number }>;
    if (rows.length === 0) return;
    yield rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(',') + '\r\n').join('');
    lastId = rows[rows.length - 1]!.id;
  }
}
