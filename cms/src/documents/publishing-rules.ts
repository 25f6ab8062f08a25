/**
 * What an article needs before readers see it. Drafts may be incomplete; publishing may not.
 * Works on the stored draft (deep-populated), so REST, the admin and imports get the same rules.
 */
import { isCreditRole, ROLE_WORDS } from '../newsroom/roles';
import type { Modules } from '@strapi/strapi';

/** A field of a stored draft: anything may still be missing. */
type Draft<T> = { [K in keyof T]?: T[K] | null };
type StoredDocument = Modules.Documents.Document<'api::article.article'>;
/** The stored draft as article-publishing.ts reads it (deep-populated), typed from the schema. */
export type StoredArticle = Draft<Pick<StoredDocument, 'title' | 'body' | 'category' | 'byline' | 'cover' | 'gallery' | 'publicationDate'>>;
type StoredPhoto = Draft<NonNullable<StoredDocument['cover']>>;

export interface PublishingProblem {
  /** Where, as the admin form names it, e.g. ['byline', 0, 'person']. */
  path: Array<string | number>;
  /** What is wrong, in words an editor understands. */
  message: string;
}

/**
 * How far ahead of the server's clock a publication date may be: an editor's computer clock a few
 * minutes fast, or a date typed as "now" a little late, is not a scheduled article.
 */
export const FUTURE_DATE_TOLERANCE_MS = 5 * 60_000;

const shownDate = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

function walk(nodes: unknown, visit: (node: BlockNode) => void): void {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes as BlockNode[]) {
    if (!node || typeof node !== 'object') continue;
    visit(node);
    walk(node.children, visit);
  }
}

function hasText(content: unknown): boolean {
  let found = false;
  walk(content, (node) => {
    if (typeof node.text === 'string' && node.text.trim() !== '') found = true;
  });
  return found;
}

function hasImageNode(content: unknown): boolean {
  let found = false;
  walk(content, (node) => {
    if (node.type === 'image') found = true;
  });
  return found;
}

function photoProblems(photo: StoredPhoto, path: Array<string | number>, where: string): PublishingProblem[] {
  const problems: PublishingProblem[] = [];
  if (!photo.image) problems.push({ path: [...path, 'image'], message: `${where} chưa chọn ảnh` });
  if (blank(photo.caption)) problems.push({ path: [...path, 'caption'], message: `${where} chưa có chú thích ảnh` });
  if (blank(photo.credit)) {
    problems.push({ path: [...path, 'credit'], message: `${where} chưa ghi tác giả ảnh (tên người chụp hoặc nơi cung cấp, ví dụ "Lê Tính", "TTXVN")` });
  }
  return problems;
}

export function findPublishingProblems(article: StoredArticle, now: Date = new Date()): PublishingProblem[] {
  const problems: PublishingProblem[] = [];

  if (blank(article.title)) problems.push({ path: ['title'], message: 'bài viết chưa có tiêu đề (Tiêu đề)' });

  const body = article.body ?? [];
  const hasContent = body.some((block) =>
    block.__component === 'body.text' ? hasText(block.content) : block.__component === 'media.credited-photo',
  );
  if (!hasContent) problems.push({ path: ['body'], message: 'nội dung bài viết đang trống (Nội dung)' });

  // Publishing is immediate (there is no scheduling yet): a future date would put the article on
  // the site now, on top of the latest news and dated days ahead.
  const date = article.publicationDate ? new Date(article.publicationDate) : null;
  if (date && date.getTime() > now.getTime() + FUTURE_DATE_TOLERANCE_MS) {
    problems.push({
      path: ['publicationDate'],
      message: `ngày đăng ${shownDate.format(date)} chưa tới; muốn đăng vào giờ đó thì nhờ Trưởng ban hẹn giờ đăng, hoặc sửa Ngày đăng hay để trống để lấy giờ xuất bản`,
    });
  }

  if (!article.category) problems.push({ path: ['category'], message: 'bài viết chưa chọn chuyên mục (Chuyên mục)' });

  const byline = article.byline ?? [];
  if (byline.length === 0) {
    problems.push({ path: ['byline'], message: 'bài viết cần ít nhất một người thực hiện (Bút danh/Tác giả)' });
  }
  byline.forEach((credit, i) => {
    const label = `dòng Bút danh/Tác giả thứ ${i + 1} (${isCreditRole(credit.role) ? ROLE_WORDS[credit.role].name : credit.role || 'chưa chọn vai trò'})`;
    if (credit.role === 'source') {
      if (!credit.person && blank(credit.outlet)) {
        problems.push({ path: ['byline', i, 'outlet'], message: `${label} cần tên cơ quan, báo nguồn (Nguồn) hoặc người thực hiện` });
      }
    } else if (!credit.person) {
      problems.push({ path: ['byline', i, 'person'], message: `${label} chưa chọn người thực hiện` });
    }
  });

  if (article.cover) problems.push(...photoProblems(article.cover, ['cover'], 'Ảnh đại diện'));
  (article.gallery ?? []).forEach((photo, i) => problems.push(...photoProblems(photo, ['gallery', i], `Ảnh thứ ${i + 1} trong Bộ ảnh`)));
  body.forEach((block, i) => {
    if (block.__component === 'media.credited-photo') {
      problems.push(...photoProblems(block as StoredPhoto, ['body', i], `Ảnh ở khối nội dung thứ ${i + 1}`));
    } else if (block.__component === 'body.text' && hasImageNode((block as { content?: unknown }).content)) {
      problems.push({
        path: ['body', i, 'content'],
        message: `khối nội dung thứ ${i + 1} có ảnh chèn trong đoạn văn; hãy dùng khối "Ảnh" để ảnh có chú thích và tác giả`,
      });
    }
  });

  return problems;
}

export function publishingRefusal(problems: PublishingProblem[]): string {
  return `Chưa thể xuất bản: ${problems.map((p) => p.message).join('; ')}.`;
}
