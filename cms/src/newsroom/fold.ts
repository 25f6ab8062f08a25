/**
 * Vietnamese folding: reading "Đảng ủy" and "dang uy" as the same words.
 *
 * NFD splits every accented letter into its base letter and combining marks (tone marks and
 * the circumflex/breve/horn of â ă ê ô ơ ư), which are then dropped. Đ/đ is a letter of its own,
 * not a d with a mark, so it has to be mapped explicitly.
 */

/**
 * Lowercase ASCII words separated by single spaces: "Đảng ủy xã Tân Phú!" → "dang uy xa tan phu".
 * What slugs are made of (./slug.ts), and what the admin search compares (cms/src/documents/derived-text.ts).
 */
export function foldVietnamese(text: string): string {
  return foldD(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Only đ/Đ → d/D, marks and case kept: Pagefind already matches words across tone and vowel
 * marks (ồ ~ o) but not đ ~ d (site/src/lib/search-fold.ts; site/public/js/search.js does the
 * same to queries in the browser, where this module is not loaded).
 */
export function foldD(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
