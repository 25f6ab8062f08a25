/**
 * How a byline is printed, wherever it is printed: grouped by role in the schema's order, each
 * group "Bài: A, B". The article page lays the groups out itself (names linked to person pages);
 * text outputs (feeds, the admin) take their line from here.
 */
import { ROLES, ROLE_WORDS, type CreditRole } from './roles';

export interface BylineGroup<Name extends { name: string } = { name: string }> {
  role: CreditRole;
  /** ROLE_WORDS[role].byline: "Bài". */
  label: string;
  names: Name[];
}

/** Groups credits by role, in ROLES order, each name once per role; roles without names are left out. */
export function groupByline<Name extends { name: string }>(credits: Iterable<{ role: CreditRole; names: readonly Name[] }>): BylineGroup<Name>[] {
  const byRole = new Map<CreditRole, Name[]>();
  for (const credit of credits) {
    const names = byRole.get(credit.role) ?? [];
    for (const name of credit.names) if (!names.some((n) => n.name === name.name)) names.push(name);
    byRole.set(credit.role, names);
  }
  return ROLES.flatMap((role) => {
    const names = byRole.get(role) ?? [];
    return names.length > 0 ? [{ role, label: ROLE_WORDS[role].byline, names }] : [];
  });
}

/** One role's credit as printed: "Bài: Minh Khoa", "Bài: A, B". */
export function creditText(role: CreditRole, names: string | readonly string[]): string {
  return `${ROLE_WORDS[role].byline}: ${typeof names === 'string' ? names : names.join(', ')}`;
}

/** The whole byline on one line: "Bài: A, B – Biên tập: C – Ảnh: D – Theo: Báo X". */
export function bylineText(groups: readonly BylineGroup[]): string {
  return groups.map((g) => creditText(g.role, g.names.map((n) => n.name))).join(' – ');
}

/**
 * Who an article is by, where one role must stand for the byline (RSS dc:creator, schema.org
 * author, the admin's "Tác giả" column): its writers; for an article credited only to its editor
 * or to another outlet, those; photographers last. Publishing needs one credit at least, so
 * every published article names someone.
 */
const CREATOR_RANK: Record<CreditRole, number> = { writer: 0, editor: 1, source: 2, photographer: 3 };

export function creatorRole(roles: Iterable<CreditRole>): CreditRole | undefined {
  let best: CreditRole | undefined;
  for (const role of roles) if (best === undefined || CREATOR_RANK[role] < CREATOR_RANK[best]) best = role;
  return best;
}

/** The creators' names (see creatorRole) of grouped credits. */
export function creatorNames(groups: readonly BylineGroup[]): string[] {
  const role = creatorRole(groups.map((g) => g.role));
  return groups.find((g) => g.role === role)?.names.map((n) => n.name) ?? [];
}
