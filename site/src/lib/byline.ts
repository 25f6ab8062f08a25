/**
 * Bylines as Vietnamese newsrooms print them: one group per role, in a fixed order,
 * `Bài: A, B  Biên tập: C  Ảnh: D  Theo: Báo X`.
 */
import type { CreditRole } from '../cms/strapi-schemas';

export const ROLE_LABELS: Record<CreditRole, string> = {
  writer: 'Bài',
  editor: 'Biên tập',
  photographer: 'Ảnh',
  source: 'Theo',
};
const ROLE_ORDER: CreditRole[] = ['writer', 'editor', 'photographer', 'source'];

export interface BylineName {
  name: string;
  /** Person page, when the credit names a person known to the CMS. */
  href: string | null;
}

export interface BylineGroup {
  role: CreditRole;
  label: string;
  names: BylineName[];
}

export function groupByline(credits: Array<{ role: CreditRole; names: BylineName[] }>): BylineGroup[] {
  const groups = new Map<CreditRole, BylineName[]>();
  for (const credit of credits) {
    const names = groups.get(credit.role) ?? [];
    for (const n of credit.names) {
      if (!names.some((m) => m.name === n.name)) names.push(n);
    }
    groups.set(credit.role, names);
  }
  return ROLE_ORDER.filter((role) => (groups.get(role)?.length ?? 0) > 0).map((role) => ({
    role,
    label: ROLE_LABELS[role],
    names: groups.get(role) ?? [],
  }));
}

/**
 * Who an RSS item names as its creator: the writers; for an article credited only to its editor
 * or to another outlet, those, so every item names someone (publishing needs one credit at least).
 */
const CREATOR_ORDER: CreditRole[] = ['writer', 'editor', 'source', 'photographer'];

export function creatorNames(groups: BylineGroup[]): string[] {
  for (const role of CREATOR_ORDER) {
    const group = groups.find((g) => g.role === role);
    if (group && group.names.length > 0) return group.names.map((n) => n.name);
  }
  return [];
}

/**
 * A photo's credit as printed under it, "Ảnh: Lê Tính". The CMS stores who is credited (a name or
 * an outlet) and takes off any label an editor typed (cms/src/lib/photo-credit.ts); the label is added here only.
 */
export function photoCreditText(credit: string): string {
  return `${ROLE_LABELS.photographer}: ${credit}`;
}

/** `Bài: A, B  Biên tập: C` as plain text (RSS, JSON-LD fallbacks, print). */
export function bylineText(groups: BylineGroup[]): string {
  return groups.map((g) => `${g.label}: ${g.names.map((n) => n.name).join(', ')}`).join('  ');
}
