/** Vietnamese-aware slugs for URLs: "Đảng ủy xã Thạnh Lợi" → "dang-uy-xa-thanh-loi". */
import { foldVietnamese } from './fold';

export const SLUG_MAX_LENGTH = 80;

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
