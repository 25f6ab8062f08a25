import type { Core } from '@strapi/strapi';
import { creatorRole, creditText } from '../newsroom/byline';
import { foldVietnamese } from '../newsroom/fold';
import type { CreditRole } from '../newsroom/roles';

/**
 * Text the CMS derives from what editors write, for the admin panel only (every column here is
 * private: the public API does not show it):
 *
 * - `searchText`, so the admin search ignores diacritics and case, the same on SQLite and PostgreSQL;
 * - an article's `bylineNames`, the "Tác giả" column of the article list: list views cannot
 *   show a repeatable component, so who the article is by (its writers, else its editor or the
 *   outlet it is taken from: creatorRole) is kept in a column;
 * - each byline line's `summary` ("Bài: Minh Khoa"), which the edit form shows on folded lines
 *   (a component's main field has to be a text field of the component itself).
 *
 * Search:
 * The content manager's search box sends `_q`, which Strapi's query layer turns into
 * `column LIKE '%q%'` (SQLite) or `column::text ILIKE '%q%'` (PostgreSQL) over every string
 * column. Neither folds Vietnamese: SQLite's LIKE only ignores the case of ASCII letters, and
 * neither treats "a" and "ấ" as the same letter. So each searchable type keeps a hidden
 * `searchText` column holding its words folded (foldVietnamese: "Đảng ủy" → "dang uy"), and
 * `_q` is folded the same way before it reaches the query (foldSearch): "tan phu", "dang uy" and
 * "Đảng ủy" then all match "dang uy xa tan phu …".
 */
export const SEARCH_SOURCES: Record<string, { fields: string[]; byline?: true }> = {
  'api::article.article': { fields: ['title', 'sapo'], byline: true },
  'api::category.category': { fields: ['name', 'description'] },
  'api::person.person': { fields: ['name', 'jobTitle'] },
  'api::tag.tag': { fields: ['name'] },
};

/** Writes after which a stored version's words may have changed. */
const WRITES = new Set(['create', 'update', 'publish', 'discardDraft']);
const READS = new Set(['findMany', 'findFirst', 'count']);

interface Credit {
  id: number;
  role?: CreditRole | null;
  summary?: string | null;
  outlet?: string | null;
  person?: { name?: string | null } | null;
}
type Row = Record<string, unknown> & { id: number; byline?: Credit[] | null };

/** Who is credited on one byline line: the person, or for `source` the outlet. */
const creditedOn = (credit: Omit<Credit, 'id'>) => (credit.role === 'source' ? credit.outlet : credit.person?.name)?.trim() || undefined;

/** Who the article is by (creatorRole), by name. */
function authorsOf(byline: Credit[] | null | undefined): string {
  const named = (byline ?? []).filter((credit) => credit.role && creditedOn(credit));
  const role = creatorRole(named.map((credit) => credit.role as CreditRole));
  return [...new Set(named.filter((credit) => credit.role === role).map(creditedOn))].join(', ');
}

/** The line as the byline prints it, "Bài: Minh Khoa"; "…" where nobody is chosen yet. */
export function creditSummary(credit: Omit<Credit, 'id'>): string {
  const who = creditedOn(credit) ?? '…';
  return credit.role ? creditText(credit.role, who) : `?: ${who}`;
}

function derived(uid: string, row: Row): Record<string, string> {
  const source = SEARCH_SOURCES[uid];
  const words = source.fields.map((field) => row[field]).filter((value): value is string => typeof value === 'string');
  if (!source.byline) return { searchText: foldVietnamese(words.join(' ')) };
  const authors = authorsOf(row.byline);
  return { searchText: foldVietnamese([...words, authors].join(' ')), bylineNames: authors };
}

function readParams(uid: string) {
  const source = SEARCH_SOURCES[uid];
  return {
    select: ['id', 'searchText', ...source.fields, ...(source.byline ? ['bylineNames'] : [])],
    populate: source.byline ? { byline: { select: ['id', 'role', 'outlet', 'summary'], populate: { person: { select: ['name'] } } } } : undefined,
  };
}

/**
 * Stores the derived text of these rows and their byline lines where it differs, by plain queries:
 * no middleware runs again. `updatedAt` stays as it was: nothing a reader sees changed, so the site's
 * sync manifest, article snapshots and incremental builds must not see a new version.
 */
async function store(strapi: Core.Strapi, uid: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    const wanted = derived(uid, row);
    if (Object.entries(wanted).some(([key, value]) => row[key] !== value)) {
      // updateMany: Strapi's timestamps subscriber stamps `update` with the current time, not this.
      await strapi.db.query(uid as never).updateMany({ where: { id: row.id }, data: wanted });
    }
    for (const credit of row.byline ?? []) {
      const summary = creditSummary(credit);
      if (credit.summary !== summary) await strapi.db.query('byline.credit' as never).update({ where: { id: credit.id }, data: { summary } });
    }
  }
}

/**
 * One word is searched as Strapi does, folded: in every string column and the id. Several words
 * must each appear in the folded words, in any order ("dang uy thanh loi" finds "Đảng ủy xã
 * Thạnh Lợi"), as a search box is expected to behave. A query of only punctuation folds to
 * nothing and is left as typed.
 */
function foldSearch(params: { _q?: string; filters?: unknown }): void {
  const words = foldVietnamese(params._q ?? '').split(' ').filter(Boolean);
  if (words.length === 1) params._q = words[0];
  if (words.length < 2) return;
  delete params._q;
  const each = words.map((word) => ({ searchText: { $contains: word } }));
  params.filters = params.filters ? { $and: [params.filters, ...each] } : { $and: each };
}

export function registerDerivedText(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (!SEARCH_SOURCES[ctx.uid]) return next();
    const params = ctx.params as { _q?: unknown; documentId?: string; filters?: unknown };
    if (READS.has(ctx.action) && typeof params._q === 'string') foldSearch(params as { _q: string; filters?: unknown });
    const result = await next();
    if (WRITES.has(ctx.action)) {
      const written = result as (Partial<Row> & { documentId?: string }) | null;
      const documentId = params.documentId ?? written?.documentId;
      if (documentId) {
        const rows = (await strapi.db.query(ctx.uid).findMany({ ...readParams(ctx.uid), where: { documentId } })) as Row[];
        await store(strapi, ctx.uid, rows);
        // The edit form shows the version it gets back: give it the new text, not the old.
        const own = rows.find((row) => row.id === written?.id);
        if (own && written) {
          Object.assign(written, derived(ctx.uid, own));
          for (const credit of written.byline ?? []) credit.summary = creditSummary(own.byline?.find((c) => c.id === credit.id) ?? credit);
        }
      }
    }
    return result;
  });
}

/**
 * Fills `searchText` where it is still empty: rows stored before it existed, or written by
 * plain queries (the bench's direct fill). Runs at every start; after the first it finds nothing.
 */
export async function backfillDerivedText(strapi: Core.Strapi): Promise<void> {
  for (const uid of Object.keys(SEARCH_SOURCES)) {
    let filled = 0;
    for (;;) {
      const rows = (await strapi.db
        .query(uid as never)
        .findMany({ ...readParams(uid), where: { searchText: { $null: true } }, limit: 500 })) as Row[];
      if (rows.length === 0) break;
      await strapi.db.transaction(() => store(strapi, uid, rows));
      filled += rows.length;
    }
    if (filled) strapi.log.info(`Folded the search words of ${filled} ${uid} rows`);
  }
}
