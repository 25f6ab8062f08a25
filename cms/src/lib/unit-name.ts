/**
 * When two written names are one unit (đơn vị): "UBND huyện Giồng Riềng", "Ủy ban nhân dân
 * huyện Giồng Riềng" and "UBND  Huyện Giồng  Riềng" all give the same key. The one matcher of unit
 * names: the article migration (bootstrap/article-units.ts), the demo seed and the legacy importer
 * (scripts/import) all look units up by this key, so the same text always finds the same unit.
 *
 * The name is folded like a slug (case, diacritics, đ, spacing and punctuation; "Ủy"/"Uỷ" are one),
 * then the abbreviations the portals write interchangeably with the full words are expanded.
 */
import { slugify } from '../newsroom/slug';

/** Folded abbreviation → folded full words. Only ones that never mean anything else in a unit name. */
const ABBREVIATIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  ubmttq: 'uy ban mat tran to quoc',
  ubmttqvn: 'uy ban mat tran to quoc viet nam',
  mttq: 'mat tran to quoc',
  mttqvn: 'mat tran to quoc viet nam',
  tp: 'thanh pho',
  tx: 'thi xa',
};

/** The matching key of a unit name; '' for a blank one. Not meant for display. */
export function unitKey(name: string): string {
  // No length cut: two long names differing at the end must stay two units.
  return slugify(name, Number.MAX_SAFE_INTEGER)
    .split('-')
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

const LOCALITIES: Array<[string, string]> = [
  ['tinh', 'tỉnh'],
  ['thanh pho', 'thành phố'],
  ['thi xa', 'thị xã'],
  ['huyen', 'huyện'],
  ['quan', 'quận'],
  ['xa', 'xã'],
  ['phuong', 'phường'],
  ['thi tran', 'thị trấn'],
  ['dac khu', 'đặc khu'],
];
/** Key prefix → kind, longest first, e.g. "uy ban nhan dan huyen" → "UBND huyện". */
const KINDS = (
  [
    ...LOCALITIES.flatMap(([key, word]): Array<[string, string]> => [
      [`uy ban nhan dan ${key}`, `UBND ${word}`],
      [`hoi dong nhan dan ${key}`, `HĐND ${word}`],
      [`uy ban mat tran to quoc viet nam ${key}`, `UBMTTQ ${word}`],
      [`uy ban mat tran to quoc ${key}`, `UBMTTQ ${word}`],
      [`dang uy ${key}`, `Đảng ủy ${word}`],
    ]),
    ['huyen uy', 'Huyện ủy'],
    ['tinh uy', 'Tỉnh ủy'],
    ['thanh uy', 'Thành ủy'],
    ['thi uy', 'Thị ủy'],
    ['quan uy', 'Quận ủy'],
    ['so', 'Sở'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

/**
 * The kind of unit its name starts with ("Huyện ủy", "UBND xã", "Sở"…), or null. Only a guess
 * for units made from a name alone (migration, importer); editors set the kind in the admin.
 */
export function unitKind(name: string): string | null {
  const key = unitKey(name);
  return KINDS.find(([prefix]) => key === prefix || key.startsWith(`${prefix} `))?.[1] ?? null;
}
