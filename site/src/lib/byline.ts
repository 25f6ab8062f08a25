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

/** `Bài: A, B  Biên tập: C` as plain text (RSS, JSON-LD fallbacks, print). */
export function bylineText(groups: BylineGroup[]): string {
  return groups.map((g) => `${g.label}: ${g.names.map((n) => n.name).join(', ')}`).join('  ');
}
