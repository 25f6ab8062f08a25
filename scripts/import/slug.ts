/**
 * URL slugs for what the importer creates, so that creation works whether or not the CMS fills
 * slugs itself: "Đảng ủy xã Thạnh Lợi" → "dang-uy-xa-thanh-loi". Đ/đ is a letter of its own, not
 * a d with a mark, so NFD does not reduce it and it is mapped first.
 */
const SLUG_MAX_LENGTH = 80;

export function slugify(text: string): string {
  const ascii = text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= SLUG_MAX_LENGTH) return ascii;
  const cut = ascii.slice(0, SLUG_MAX_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > SLUG_MAX_LENGTH / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
