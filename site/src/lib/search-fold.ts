/**
 * The hidden, indexed-only text that lets `dong chi` find `Đồng chí`. Pagefind already matches
 * words across tone and vowel marks (ồ ~ o) but treats đ as its own letter, so the index gets a
 * hidden copy of every đ-word with đ → d, and the search box turns đ into d in queries.
 */
import { foldD } from '@toa-soan/cms/newsroom/fold';
import type { BodyEntry } from '../cms/entries';
import type { Article } from './model';
import { plainText } from './rich-text';

/** Marks where the folded copy starts, so the search UI can cut it out of excerpts. */
export const FOLD_MARK = '⁂';

const D = /[đĐ]/g;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Letters, marks, digits; surrogate halves count too, so a word is never cut inside a code point. */
const inWord = (c: string) => WORD_CHAR.test(c) || (c >= '\uD800' && c <= '\uDFFF');

/** The words of `text` that contain đ/Đ, each with đ → d, in order (repeats kept for ranking). */
export function dWords(text: string): string[] {
  // Finds each đ and widens it to its word: the text between đ-words is skipped by a native
  // search, not split or matched word by word (either cost ~6 s over 10,000 articles).
  const words: string[] = [];
  D.lastIndex = 0;
  for (let match = D.exec(text); match; match = D.exec(text)) {
    let start = match.index;
    while (start > 0 && inWord(text[start - 1]!)) start--;
    let end = match.index + 1;
    while (end < text.length && inWord(text[end]!)) end++;
    words.push(foldD(text.slice(start, end)));
    D.lastIndex = end;
  }
  return words;
}

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
