/** The hidden, indexed-only text that lets `dong chi` find `Đồng chí` (see lib/fold.ts). */
import type { BodyEntry } from '../cms/entries';
import type { Article } from './model';
import { dWords } from './fold';
import { plainText } from './rich-text';

/** Marks where the folded copy starts, so the search UI can cut it out of excerpts. */
export const FOLD_MARK = '⁂';

export function foldedSearchText(article: Article, body: BodyEntry[]): { title: string; rest: string } {
  const photos = [article.cover, ...article.gallery, ...body.flatMap((b) => (b.kind === 'photo' ? [b.photo] : []))];
  const rest = [
    article.sapo,
    // The unit's name is on the page; its đ-words (Đảng ủy) need the folded copy too.
    article.unit?.name ?? '',
    ...body.map((b) => (b.kind === 'text' ? plainText(b.blocks) : '')),
    ...photos.map((p) => (p ? `${p.caption} ${p.credit}` : '')),
    ...article.byline.flatMap((g) => g.names.map((n) => n.name)),
  ].join(' ');
  return { title: dWords(article.title).join(' '), rest: dWords(rest).join(' ') };
}
