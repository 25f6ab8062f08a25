import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from './actor';
import { CONTENT_FIELDS, fingerprint, loadArticleContent, type ArticleContent } from './article-content';
import { recordAudit } from './audit';
import { CONTENT_TYPE_LABELS } from '../bootstrap/admin-labels';
import { creditSummary } from '../documents/derived-text';

/**
 * The history of an article (issue 15): each publish keeps what went live, by whom and when, in
 * `api::article-version` (hidden, no content-API routes). Editors list the versions, compare two
 * of them (or one with the current draft) and restore one into the draft; the restored draft then
 * goes through the review and publishing rules like any edit.
 */
const ARTICLE = 'api::article.article';
export const VERSION = 'api::article-version.article-version';

export interface VersionRow {
  id: number;
  article: string;
  number: number;
  title: string | null;
  madeAt: string;
  madeBy: string | null;
  madeByName: string | null;
  content: ArticleContent;
}

export function registerVersionKeeping(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.uid !== ARTICLE || ctx.action !== 'publish') return result;
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (!documentId) return result;
    const content = await loadArticleContent(strapi, documentId, true);
    if (!content) return result;
    const last = (await strapi.db.query(VERSION).findOne({ where: { article: documentId }, orderBy: { number: 'desc' } })) as VersionRow | null;
    const actor = currentActor(strapi);
    await strapi.db.query(VERSION).create({
      data: {
        article: documentId,
        number: (last?.number ?? 0) + 1,
        title: typeof content.title === 'string' ? content.title : null,
        madeAt: new Date(),
        madeBy: actor.label,
        madeByName: actor.name,
        content,
      },
    });
    return result;
  });
}

export async function listVersions(strapi: Core.Strapi, documentId: string) {
  const rows = (await strapi.db.query(VERSION).findMany({
    where: { article: documentId },
    select: ['id', 'number', 'title', 'madeAt', 'madeBy', 'madeByName'],
    orderBy: { number: 'desc' },
  })) as Array<Omit<VersionRow, 'content' | 'article'>>;
  return rows;
}

async function versionContent(strapi: Core.Strapi, documentId: string, ref: string): Promise<ArticleContent> {
  if (ref === 'draft') {
    const draft = await loadArticleContent(strapi, documentId);
    if (!draft) throw new errors.NotFoundError('Không tìm thấy bài viết.');
    return draft;
  }
  const number = Number(ref);
  const row = Number.isInteger(number)
    ? ((await strapi.db.query(VERSION).findOne({ where: { article: documentId, number } })) as VersionRow | null)
    : null;
  if (!row) throw new errors.NotFoundError(`Không có phiên bản ${ref} của bài viết này.`);
  return row.content;
}

/** Paragraph texts of the body, in order: text blocks' plain text, photos as "[Ảnh] caption". */
function paragraphs(content: ArticleContent): string[] {
  const out: string[] = [];
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { text?: string; children?: unknown[] };
    return (n.text ?? '') + (n.children ?? []).map(walk).join('');
  };
  for (const block of (content.body as Array<Record<string, unknown>> | null) ?? []) {
    if (block.__component === 'media.credited-photo') out.push(`[Ảnh] ${String(block.caption ?? '')} (${String(block.credit ?? '')})`);
    else for (const node of (block.content as unknown[] | undefined) ?? []) out.push(walk(node));
  }
  return out.filter((text) => text.trim() !== '');
}

export type TextChange = { op: 'same' | 'removed' | 'added'; text: string };

/** Paragraph-level diff (longest common subsequence): articles have tens of paragraphs, not thousands. */
export function diffParagraphs(before: string[], after: string[]): TextChange[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: TextChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) out.push({ op: 'same', text: before[i++]! }), j++;
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'removed', text: before[i++]! });
    else out.push({ op: 'added', text: after[j++]! });
  }
  while (i < n) out.push({ op: 'removed', text: before[i++]! });
  while (j < m) out.push({ op: 'added', text: after[j++]! });
  return out;
}

type Row = Record<string, unknown>;

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A credited photo as an editor reads it: caption, credit, file. */
function photoText(photo: Row): string {
  const image = photo.image as Row | null | undefined;
  const parts = [String(photo.caption ?? '').trim() || '(không có chú thích)'];
  if (photo.credit) parts.push(`Ảnh: ${String(photo.credit)}`);
  if (image?.name) parts.push(`tệp ${String(image.name)}`);
  return parts.join(' · ');
}

/**
 * A field's value as text for the history screen, one line per item: names instead of
 * documentIds, byline lines as their summary ("Bài: Minh Khoa"), dates in Vietnam time.
 */
export function fieldText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  switch (field) {
    case 'featured':
      return value ? 'Có' : 'Không';
    case 'publicationDate':
      return VIETNAM_TIME.format(new Date(value as string));
    case 'category':
    case 'unit':
      return String((value as Row).name ?? '');
    case 'tags':
      return (value as Row[]).map((tag) => String(tag.name ?? '')).join('\n');
    case 'byline':
      return (value as Array<Parameters<typeof creditSummary>[0]>).map(creditSummary).join('\n');
    case 'cover':
      return photoText(value as Row);
    case 'gallery':
      return (value as Row[]).map(photoText).join('\n');
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

const ARTICLE_LABELS = CONTENT_TYPE_LABELS[ARTICLE] ?? {};

export async function diffVersions(strapi: Core.Strapi, documentId: string, from: string, to: string) {
  const a = await versionContent(strapi, documentId, from);
  const b = await versionContent(strapi, documentId, to);
  const fields = CONTENT_FIELDS.filter((field) => field !== 'body' && fingerprint(a[field]) !== fingerprint(b[field])).map((field) => ({
    field,
    label: ARTICLE_LABELS[field]?.label ?? field,
    before: a[field],
    after: b[field],
    beforeText: fieldText(field, a[field]),
    afterText: fieldText(field, b[field]),
  }));
  return { from, to, fields, bodyChanged: fingerprint(a.body) !== fingerprint(b.body), text: diffParagraphs(paragraphs(a), paragraphs(b)) };
}


/** A component as the document service takes it back: relations by documentId, files by id. */
function asInput(value: unknown, existing: { docs: Set<string>; files: Set<number> }): unknown {
  if (Array.isArray(value)) return value.map((item) => asInput(item, existing));
  if (!value || typeof value !== 'object') return value;
  const row = value as Row;
  if ('url' in row) return existing.files.has(row.id as number) ? row.id : null; // a file
  if ('documentId' in row) return existing.docs.has(row.documentId as string) ? row.documentId : null; // a relation
  return Object.fromEntries(Object.entries(row).map(([key, inner]) => [key, asInput(inner, existing)]));
}

function collect(value: unknown, docs: Set<string>, files: Set<number>): void {
  if (Array.isArray(value)) return value.forEach((item) => collect(item, docs, files));
  if (!value || typeof value !== 'object') return;
  const row = value as Row;
  if ('url' in row) files.add(row.id as number);
  else if ('documentId' in row) docs.add(row.documentId as string);
  else Object.values(row).forEach((inner) => collect(inner, docs, files));
}

/**
 * Writes a version's content into the draft through the document service, so slugs, text
 * cleaning, the review (an approved article goes back to "Chờ duyệt") and the audit apply.
 * A category, tag, person, unit or photo deleted since is left out rather than failing the restore.
 */
export async function restoreVersion(strapi: Core.Strapi, documentId: string, number: string) {
  const content = await versionContent(strapi, documentId, number);
  const docs = new Set<string>();
  const files = new Set<number>();
  collect(content, docs, files);
  const existingDocs = new Set<string>();
  for (const uid of ['api::category.category', 'api::tag.tag', 'api::person.person', 'api::unit.unit'] as const) {
    const rows = (await strapi.db.query(uid).findMany({ where: { documentId: { $in: [...docs] } }, select: ['documentId'] })) as Array<{ documentId: string }>;
    rows.forEach((row) => existingDocs.add(row.documentId));
  }
  const fileRows = (await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: [...files] } }, select: ['id'] })) as Array<{ id: number }>;
  const existing = { docs: existingDocs, files: new Set(fileRows.map((row) => row.id)) };
  const data = Object.fromEntries(CONTENT_FIELDS.map((field) => [field, asInput(content[field], existing)]));
  if (Array.isArray(data.tags)) data.tags = (data.tags as unknown[]).filter(Boolean);
  const updated = await strapi.documents(ARTICLE).update({ documentId, data } as never);
  await recordAudit(strapi, { action: 'restore-version', subjectType: ARTICLE, subjectId: documentId, subjectTitle: String(content.title ?? ''), details: { version: Number(number) } });
  return updated;
}
