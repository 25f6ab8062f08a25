import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor, isReviewed, isReviewer, type Actor } from './actor';
import { fingerprint, loadArticleContent } from './article-content';
import { recordAudit } from './audit';
import { REVIEW_STATES, reviewStateLabels, type ReviewState } from '../newsroom/desk';

/**
 * The review of an article (issue 15), enforced in the document service so the content manager's
 * buttons, bulk publish, its REST endpoints and any future path obey it alike.
 *
 *   nhap ──submit──▶ cho-duyet ──approve──▶ da-duyet ──publish (Trưởng ban)──▶ live
 *     ▲                 │  ▲                   │
 *     └──withdraw───────┤  └──── any edit ─────┘ (unless by the Trưởng ban)
 *                       └──return + note──▶ tra-lai ──submit──▶ cho-duyet
 *
 * - Anyone who may edit the article submits it (nhap/tra-lai → cho-duyet) or withdraws it
 *   (→ nhap). Submitting clears the previous reviewer's note.
 * - Only the Biên tập viên and the Trưởng ban biên tập approve (cho-duyet → da-duyet; the Trưởng
 *   ban from any state) or return (cho-duyet/da-duyet → tra-lai, with a note saying why).
 * - A Phóng viên cannot change the text of an article once submitted or approved: it is the
 *   desk's until returned or withdrawn.
 * - Editing the content of an approved article sends it back to cho-duyet, except when the
 *   Trưởng ban edits it: the publisher is the last approver, and a typo fixed after publication
 *   would otherwise need a second person at night. The edit is in the audit trail either way.
 * - Only an approved article is published, and only by a Trưởng ban (publish action, hence
 *   the admin button, bulk publish and `status: 'published'` writes, which publish through it).
 * - Only the Trưởng ban schedules (`scheduledAt`, published by src/workflow/scheduling.ts), and
 *   only an approved article; an article that stops being approved loses its schedule.
 *
 * Super Admin, content-API tokens (the importer, scripts) and code outside a request are not held
 * to the review: operators repair and migrate, and the importer brings archives that were
 * published long ago. Their writes are audited like everyone's.
 */
const ARTICLE = 'api::article.article';

const REVIEW_LABELS = reviewStateLabels('vi');

/** Audit action for each transition. */
const TRANSITION_ACTIONS: Record<ReviewState, string> = {
  nhap: 'withdraw',
  'cho-duyet': 'submit',
  'da-duyet': 'approve',
  'tra-lai': 'return',
};

interface Params {
  documentId?: string;
  data?: Record<string, unknown>;
}

interface DraftReview {
  id: number;
  title?: string | null;
  reviewState?: ReviewState | null;
  reviewNote?: string | null;
  scheduledAt?: string | Date | null;
  createdBy?: { id: number } | null;
}

const invalid = (message: string, path: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
};
/**
 * A PolicyError is a ForbiddenError (403) that Strapi's router lets through with its message;
 * a plain ForbiddenError thrown in a handler reaches the admin as a bare "Forbidden".
 */
const forbidden = (message: string): never => {
  throw new errors.PolicyError(message);
};

/** A date as milliseconds, so the admin's ISO string and the stored value compare. */
const instant = (value: unknown): number | null => (value ? new Date(value as string).getTime() : null);

async function loadReview(strapi: Core.Strapi, documentId: string): Promise<DraftReview | null> {
  return (await strapi.db.query(ARTICLE).findOne({
    where: { documentId, publishedAt: null },
    select: ['id', 'title', 'reviewState', 'reviewNote', 'scheduledAt'],
    populate: { createdBy: { select: ['id'] } },
  })) as DraftReview | null;
}

function checkTransition(actor: Actor, from: ReviewState, to: ReviewState, note: string, own: boolean): void {
  if (!REVIEW_STATES.includes(to)) invalid(`Trạng thái duyệt không hợp lệ: ${String(to)}.`, 'reviewState');
  const label = `từ "${REVIEW_LABELS[from]}" sang "${REVIEW_LABELS[to]}"`;
  switch (to) {
    case 'cho-duyet':
    case 'nhap':
      if (!own && !isReviewer(actor)) forbidden(`Chỉ người viết bài hoặc biên tập viên được chuyển bài ${label}.`);
      if (to === 'cho-duyet' && from === 'da-duyet' && !isReviewer(actor)) forbidden(`Bài đã được duyệt; chỉ biên tập viên được chuyển bài ${label}.`);
      return;
    case 'da-duyet':
      if (!isReviewer(actor)) forbidden('Chỉ Biên tập viên hoặc Trưởng ban biên tập được duyệt bài.');
      // The Trưởng ban may approve from any state: an imported article (live, still "Nháp") is
      // fixed and approved in one save.
      if (from !== 'cho-duyet' && actor.level !== 'publisher') invalid(`Chỉ duyệt được bài đang "Chờ duyệt" (bài này đang "${REVIEW_LABELS[from]}").`, 'reviewState');
      return;
    case 'tra-lai':
      if (!isReviewer(actor)) forbidden('Chỉ Biên tập viên hoặc Trưởng ban biên tập được trả lại bài.');
      if (from !== 'cho-duyet' && from !== 'da-duyet') invalid(`Chỉ trả lại được bài đang "Chờ duyệt" hoặc "Đã duyệt" (bài này đang "${REVIEW_LABELS[from]}").`, 'reviewState');
      if (!note.trim()) invalid('Trả lại bài cần ghi chú cho phóng viên: cần sửa gì, vì sao.', 'reviewNote');
  }
}

async function reviewUpdate(strapi: Core.Strapi, actor: Actor, params: Params, next: () => Promise<unknown>): Promise<unknown> {
  const before = params.documentId ? await loadReview(strapi, params.documentId) : null;
  if (!before) return next();
  const documentId = params.documentId!;
  const data = params.data ?? {};
  const from: ReviewState = before.reviewState ?? 'nhap';
  const wanted = data.reviewState as ReviewState | undefined;
  const changesState = wanted !== undefined && wanted !== null && wanted !== from;
  const reviewed = isReviewed(actor);
  const own = before.createdBy?.id != null && before.createdBy.id === actor.userId;
  if (reviewed && changesState) {
    const note = typeof data.reviewNote === 'string' ? data.reviewNote : '';
    checkTransition(actor, from, wanted, note, own);
  }
  const scheduling = 'scheduledAt' in data && instant(data.scheduledAt) !== instant(before.scheduledAt);
  if (reviewed && scheduling) {
    if (actor.level !== 'publisher') forbidden('Chỉ Trưởng ban biên tập được hẹn giờ đăng bài.');
    if (data.scheduledAt && (changesState ? wanted : from) !== 'da-duyet') invalid('Chỉ hẹn giờ đăng được bài "Đã duyệt".', 'scheduledAt');
  }

  return strapi.db.transaction(async () => {
    const contentBefore = reviewed ? fingerprint(await loadArticleContent(strapi, documentId)) : '';
    const result = await next();
    const edited = reviewed && fingerprint(await loadArticleContent(strapi, documentId)) !== contentBefore;

    let state: ReviewState = changesState ? wanted : from;
    const patch: Record<string, unknown> = {};
    if (edited && !changesState) {
      if (actor.level === 'reporter' && (from === 'cho-duyet' || from === 'da-duyet')) {
        forbidden(`Bài đang "${REVIEW_LABELS[from]}": phóng viên không sửa được nữa. Rút bài về "Nháp" hoặc chờ biên tập viên trả lại.`);
      }
      if (from === 'da-duyet' && actor.level !== 'publisher') {
        state = 'cho-duyet';
        patch.reviewState = state;
        await recordAudit(strapi, { action: 'review-reset', subjectType: ARTICLE, subjectId: documentId, subjectTitle: before.title, details: { from, to: state } }, actor);
      }
    }
    if (from === 'da-duyet' && state !== 'da-duyet' && before.scheduledAt && !scheduling) patch.scheduledAt = null;
    // A new submission starts without the last reviewer's note.
    if (changesState && wanted === 'cho-duyet' && typeof data.reviewNote !== 'string') patch.reviewNote = null;
    if (Object.keys(patch).length > 0) {
      const draft = await loadReview(strapi, documentId);
      if (draft) await strapi.db.query(ARTICLE).update({ where: { id: draft.id }, data: patch });
      if (result && typeof result === 'object') Object.assign(result, patch);
    }
    if (changesState) {
      await recordAudit(
        strapi,
        { action: TRANSITION_ACTIONS[state], subjectType: ARTICLE, subjectId: documentId, subjectTitle: before.title, details: { from, to: state, note: data.reviewNote ?? null } },
        actor,
      );
    }
    if (scheduling || 'scheduledAt' in patch) {
      const at = 'scheduledAt' in patch ? null : (data.scheduledAt ?? null);
      await recordAudit(strapi, { action: at ? 'schedule' : 'unschedule', subjectType: ARTICLE, subjectId: documentId, subjectTitle: before.title, details: { scheduledAt: at } }, actor);
    }
    return result;
  });
}

async function checkPublish(strapi: Core.Strapi, actor: Actor, documentId: string): Promise<void> {
  if (actor.level === 'reporter' || actor.level === 'editor') forbidden('Chỉ Trưởng ban biên tập được xuất bản hoặc gỡ bài.');
  const draft = await loadReview(strapi, documentId);
  if (!draft) return; // Strapi reports the missing document
  const state = draft.reviewState ?? 'nhap';
  if (state !== 'da-duyet') {
    invalid(`Chưa thể xuất bản: bài viết chưa được duyệt (đang "${REVIEW_LABELS[state]}"). Bài cần Biên tập viên hoặc Trưởng ban chuyển sang "Đã duyệt" trước.`, 'reviewState');
  }
}

export function registerReviewWorkflow(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== ARTICLE) return next();
    const actor = currentActor(strapi);
    const params = ctx.params as Params;
    switch (ctx.action) {
      case 'create': {
        const state = params.data?.reviewState as ReviewState | undefined;
        if (isReviewed(actor) && state && state !== 'nhap' && state !== 'cho-duyet') {
          invalid('Bài mới chỉ có thể là "Nháp" hoặc "Chờ duyệt"; duyệt bài là bước sau.', 'reviewState');
        }
        return next();
      }
      case 'clone':
        // A copy is a new article: it does not inherit the original's approval nor its schedule.
        ctx.params = { ...params, data: { ...params.data, reviewState: 'nhap', reviewNote: null, scheduledAt: null } } as unknown as typeof ctx.params;
        return next();
      case 'update':
        return reviewUpdate(strapi, actor, params, next) as ReturnType<typeof next>;
      case 'publish':
        if (isReviewed(actor) && params.documentId) await checkPublish(strapi, actor, params.documentId);
        return next();
      case 'unpublish':
        if (actor.level === 'reporter' || actor.level === 'editor') forbidden('Chỉ Trưởng ban biên tập được xuất bản hoặc gỡ bài.');
        return next();
      default:
        return next();
    }
  });
}
