/**
 * Vietnamese-aware slugs for URLs: "Đảng ủy xã Thạnh Lợi" → "dang-uy-xa-thanh-loi".
 *
 * NFD splits every accented letter into its base letter and combining marks (tone marks and
 * the circumflex/breve/horn of â ă ê ô ơ ư), which are then dropped. Đ/đ is a letter of its own,
 * not a d with a mark, so it has to be mapped explicitly.
 */
export const SLUG_MAX_LENGTH = 80;

/**
 * Lowercase ASCII words separated by single spaces: "Đảng ủy xã Tân Phú!" → "dang uy xa tan phu".
 * What slugs are made of, and what the admin search compares (cms/src/documents/search-folding.ts).
 */
export function foldVietnamese(text: string): string {
  return text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const ascii = foldVietnamese(text).replace(/ /g, '-');
  if (ascii.length <= maxLength) return ascii;
  // Cut at a word boundary when one is near, so a slug does not end in half a word.
  const cut = ascii.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** `base`, then `base-2`, `base-3`, … : the first one `isTaken` says is free. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await isTaken(base))) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
