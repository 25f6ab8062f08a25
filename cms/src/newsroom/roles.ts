/**
 * The byline's roles and the words each audience knows them by. The roles are the credit
 * component's enumeration (cms/src/components/byline/credit.json), read from it; what each role
 * is called is written here once, and the page, the feeds, the admin and the importer take their
 * words from this table.
 */
import credit from '../components/byline/credit.json';

interface RoleWords {
  /** Printed before the names in a byline: the article page, the feeds, a byline line in the admin. */
  byline: string;
  /** The role as editors call it, with its usual forms: the admin's choices and hints, publishing messages, the importer's listing. */
  name: string;
  /** Who fills the role, after its name in the admin's list of roles, where the name alone does not say it. */
  who?: string;
  /** The admin in English. */
  english: string;
  /** A person's page: heading over the articles the person has this role in. */
  heading: string;
  /** How bylines print the role before names, lower case, each form once: what the importer and the photo credit cleaner read. */
  printed: readonly string[];
}

const WORDS = {
  writer: {
    byline: 'Bài',
    name: 'Bài/Tin',
    who: 'người viết',
    english: 'Writer',
    heading: 'Tin, bài viết',
    printed: ['tin bài', 'bài viết', 'bài', 'tin', 'tác giả', 'phóng viên', 'pv', 'ctv'],
  },
  editor: { byline: 'Biên tập', name: 'Biên tập', english: 'Editor', heading: 'Biên tập', printed: ['biên tập viên', 'biên tập', 'btv', 'bt'] },
  photographer: {
    byline: 'Ảnh',
    name: 'Ảnh',
    who: 'người chụp',
    english: 'Photographer',
    heading: 'Ảnh',
    printed: ['hình ảnh', 'ảnh', 'hình', 'photo'],
  },
  source: { byline: 'Theo', name: 'Theo/Nguồn', who: 'báo, cơ quan', english: 'Source outlet', heading: 'Nguồn', printed: ['nguồn', 'theo'] },
} as const satisfies Record<string, RoleWords>;

export type CreditRole = keyof typeof WORDS;
export const ROLE_WORDS: Readonly<Record<CreditRole, RoleWords>> = WORDS;

export const isCreditRole = (value: unknown): value is CreditRole => typeof value === 'string' && Object.hasOwn(WORDS, value);

function schemaRoles(): readonly [CreditRole, ...CreditRole[]] {
  const listed: string[] = credit.attributes.role.enum;
  const unnamed = listed.filter((role) => !isCreditRole(role));
  const unlisted = Object.keys(WORDS).filter((role) => !listed.includes(role));
  if (unnamed.length > 0 || unlisted.length > 0 || listed.length === 0) {
    throw new Error(
      `The byline roles in cms/src/components/byline/credit.json (${listed.join(', ')}) and their words in cms/src/newsroom/roles.ts ` +
        `(${Object.keys(WORDS).join(', ')}) differ: give each schema role its words, and remove words of roles the schema no longer has`,
    );
  }
  return listed as [CreditRole, ...CreditRole[]];
}

/** The roles in the schema's order, which is also the order a byline prints them in. */
export const ROLES = schemaRoles();

/** The admin's label of each role in its role select: "Bài/Tin (người viết)", "Writer (Bài/Tin)". */
export function roleOptionLabels(language: 'vi' | 'en'): Record<CreditRole, string> {
  const label = (role: CreditRole) => {
    const { name, who, english } = ROLE_WORDS[role];
    if (language === 'en') return `${english} (${name})`;
    return who ? `${name} (${who})` : name;
  };
  return Object.fromEntries(ROLES.map((role) => [role, label(role)])) as Record<CreditRole, string>;
}

/**
 * The printed forms of these roles as one regular-expression alternation, longest first so
 * "biên tập viên" is not read as "biên tập" followed by "viên"; spaces match any white space.
 */
export function printedPattern(roles: readonly CreditRole[]): string {
  return roles
    .flatMap((role) => ROLE_WORDS[role].printed)
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
