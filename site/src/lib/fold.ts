/**
 * Vietnamese folding for search. Pagefind already matches words across tone and vowel marks
 * (ồ ~ o) but treats đ as its own letter, so `dong chi` would miss `Đồng chí`. The index gets
 * a hidden copy of every đ-word with đ → d, and the search box turns đ into d in queries.
 */
export function foldD(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Full folding (marks stripped, đ → d, lower case): for slugs, comparisons and tests. */
export function foldVietnamese(text: string): string {
  return foldD(text.normalize('NFD').replace(/\p{M}/gu, '')).normalize('NFC').toLowerCase();
}

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
