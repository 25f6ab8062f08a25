/**
 * Resolves store entries into what pages render: relations looked up by documentId, bylines
 * grouped, lists sorted. Pure (no astro:content) so it is tested directly; `catalog.ts` feeds it.
 * A relation that points nowhere is reported under the article's name and left out.
 */
import { readBody } from '../cms/article-bodies';
import type { ArticleEntry, BodyEntry, CategoryEntry, PersonEntry, SiteSettingEntry, TagEntry, UnitEntry } from '../cms/entries';
import type { CreditRole } from '@toa-soan/cms/newsroom/roles';
import { groupByline, type BylineGroup, type BylineName } from './byline';
import { localDate } from './dates';
import { articleUrl, categoryUrl, personUrl, tagUrl, unitUrl } from './urls';

export interface Category extends CategoryEntry { id: string; url: string }
export interface Person extends PersonEntry { id: string; url: string }
export interface Tag extends TagEntry { id: string; url: string }
export interface Credit { role: CreditRole; person: Person | null; outlet: string | null }
/**
 * A unit as pages show it. `url` is null for a unit without articles (it gets no page);
 * `ended`: its activeUntil has passed, so its articles are archives. The successor is named, not
 * nested, so a chain of units stays a flat value (page keys hash it).
 */
export interface Unit extends Omit<UnitEntry, 'successorId'> {
  id: string;
  url: string | null;
  ended: boolean;
  successor: { name: string; url: string | null } | null;
}

export interface Article extends Omit<ArticleEntry, 'byline' | 'unitId'> {
  id: string;
  url: string;
  date: Date;
  category: Category | null;
  tags: Tag[];
  unit: Unit | null;
  credits: Credit[];
  byline: BylineGroup[];
}

export interface Catalog {
  site: SiteSettingEntry;
  /** Newest first. */
  articles: Article[];
  /** By position, then name. */
  categories: Category[];
  people: Person[];
  tags: Tag[];
  /** Units with at least one article (the others get no page), by name. */
  units: Unit[];
  articlesInCategory(category: Category): Article[];
  articlesOfUnit(unit: Unit): Article[];
  articlesWithTag(tag: Tag): Article[];
  /** What a person is credited for, grouped by role. */
  creditsOf(person: Person): Array<{ role: CreditRole; articles: Article[] }>;
  related(article: Article, limit?: number): Article[];
}

interface Stored<T> { id: string; data: T }

/** The article's body, read from its file when a page or feed item needs it (not kept in the catalog). */
export function articleBody(article: Article): BodyEntry[] {
  return readBody(article.bodyFile, `article "${article.title}" (${article.id})`);
}

export function buildCatalog(input: {
  site: SiteSettingEntry;
  articles: Stored<ArticleEntry>[];
  categories: Stored<CategoryEntry>[];
  people: Stored<PersonEntry>[];
  tags: Stored<TagEntry>[];
  units: Stored<UnitEntry>[];
  warn: (message: string) => void;
  /** Today, as YYYY-MM-DD in Vietnam: units whose activeUntil is before it have ended. */
  today?: string;
}): Catalog {
  const categories = input.categories
    .map(({ id, data }) => ({ ...data, id, url: categoryUrl(data.slug) }))
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'vi'));
  const people = input.people.map(({ id, data }) => ({ ...data, id, url: personUrl(data.slug) }));
  const tags = input.tags.map(({ id, data }) => ({ ...data, id, url: tagUrl(data.slug) }));
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const today = input.today ?? localDate(new Date());
  const withArticles = new Set(input.articles.map((a) => a.data.unitId));
  const unitEntries = new Map(input.units.map(({ id, data }) => [id, data]));
  const unitById = new Map(
    input.units.map(({ id, data }): [string, Unit] => {
      const { successorId, ...rest } = data;
      const successor = successorId ? unitEntries.get(successorId) : undefined;
      if (successorId && !successor) input.warn(`unit "${data.name}" (${id}): successor ${successorId} not found; shown without successor`);
      return [
        id,
        {
          ...rest,
          id,
          url: withArticles.has(id) ? unitUrl(data.slug) : null,
          ended: data.activeUntil !== null && data.activeUntil < today,
          successor: successor && successorId ? { name: successor.name, url: withArticles.has(successorId) ? unitUrl(successor.slug) : null } : null,
        },
      ];
    }),
  );

  const articles: Article[] = input.articles.map(({ id, data }) => {
    const label = `article "${data.title}" (${id})`;
    let category: Category | null = null;
    if (data.categoryId) {
      category = categoryById.get(data.categoryId) ?? null;
      if (!category) input.warn(`${label}: category ${data.categoryId} not found; shown without category`);
    }
    const unit = data.unitId ? unitById.get(data.unitId) ?? null : null;
    if (data.unitId && !unit) input.warn(`${label}: unit ${data.unitId} not found; shown without unit`);
    const articleTags = data.tagIds.flatMap((tagId) => {
      const tag = tagById.get(tagId);
      if (!tag) input.warn(`${label}: tag ${tagId} not found; left out`);
      return tag ? [tag] : [];
    });
    const credits: Credit[] = data.byline.flatMap((c) => {
      const person = c.personId ? personById.get(c.personId) ?? null : null;
      if (c.personId && !person) input.warn(`${label}: credited person ${c.personId} not found; left out`);
      return person || c.outlet ? [{ role: c.role, person, outlet: c.outlet }] : [];
    });
    const byline = groupByline(
      credits.map((c) => ({
        role: c.role,
        names: [
          ...(c.person ? [{ name: c.person.name, href: c.person.url }] : []),
          ...(c.outlet ? [{ name: c.outlet, href: null }] : []),
        ] satisfies BylineName[],
      })),
    );
    const { byline: _entries, unitId: _unit, ...rest } = data;
    return { ...rest, id, url: articleUrl(data.slug), date: new Date(data.publicationDate), category, tags: articleTags, unit, credits, byline };
  });
  articles.sort((a, b) => b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title, 'vi'));

  const byCategory = new Map<string, Article[]>();
  const byTag = new Map<string, Article[]>();
  const byUnit = new Map<string, Article[]>();
  const byPerson = new Map<string, Map<CreditRole, Article[]>>();
  for (const article of articles) {
    if (article.category) push(byCategory, article.category.id, article);
    for (const tag of article.tags) push(byTag, tag.id, article);
    if (article.unit) push(byUnit, article.unit.id, article);
    for (const credit of article.credits) {
      if (!credit.person) continue;
      const roles = byPerson.get(credit.person.id) ?? new Map<CreditRole, Article[]>();
      byPerson.set(credit.person.id, roles);
      const list = roles.get(credit.role) ?? [];
      if (!list.includes(article)) list.push(article);
      roles.set(credit.role, list);
    }
  }

  const positionOf = new Map(articles.map((article, i) => [article, i]));
  const positions = (list: Article[]) => Int32Array.from(list, (a) => positionOf.get(a)!);
  const positionsByTag = new Map([...byTag].map(([id, list]) => [id, positions(list)]));
  const positionsByCategory = new Map([...byCategory].map(([id, list]) => [id, positions(list)]));
  const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));
  const categoryAt = Int32Array.from(articles, (a) => (a.category ? categoryIndex.get(a.category.id)! : -1));
  // Shared tags × 2 + 1 fits easily: an article has a handful of tags.
  const scores = new Uint16Array(articles.length);
  const touched = new Int32Array(articles.length);

  return {
    site: input.site,
    articles,
    categories,
    people,
    tags,
    units: [...unitById.values()].filter((u) => u.url !== null).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    articlesInCategory: (category) => byCategory.get(category.id) ?? [],
    articlesOfUnit: (unit) => byUnit.get(unit.id) ?? [],
    articlesWithTag: (tag) => byTag.get(tag.id) ?? [],
    creditsOf: (person) =>
      (['writer', 'editor', 'photographer', 'source'] as const)
        .map((role) => ({ role, articles: byPerson.get(person.id)?.get(role) ?? [] }))
        .filter((g) => g.articles.length > 0),
    related(article, limit = 5) {
      // Scored as shared tags × 2 + same category, best then newest. Candidates come from the tag
      // and category indexes, and scores live in one reused typed array indexed by position in
      // `articles` (newest first): a Map of scores per page and a sort of every candidate took
      // ~10 s of the bench's render at 10,000 articles, a scan of every article ~37 s. Each page
      // still reads every article sharing one of its tags, so all pages together cost the square
      // of the archive: the plain indexed loops below take 1.3 s for 30,000 pages where
      // iterators and a closure per candidate took 7.1 s. (Skipping through the lists WAND-style
      // was slower: articles sharing every tag are rare, so the lists are read to the end anyway.)
      // Category-only matches score 1 and rank by date, so the category's newest `limit + 1`
      // (one may be this article) are the only ones that can place.
      let count = 0;
      for (const tag of article.tags) {
        const list = positionsByTag.get(tag.id);
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const i = list[k]!;
          if (scores[i] === 0) touched[count++] = i;
          scores[i] = scores[i]! + 2;
        }
      }
      if (article.category) {
        const category = categoryIndex.get(article.category.id);
        for (let k = 0; k < count; k++) if (categoryAt[touched[k]!] === category) scores[touched[k]!]! += 1;
        const newest = positionsByCategory.get(article.category.id)!;
        for (let k = 0; k < Math.min(limit + 1, newest.length); k++) {
          const i = newest[k]!;
          if (scores[i] === 0) {
            touched[count++] = i;
            scores[i] = 1;
          }
        }
      }
      const self = positionOf.get(article);
      const better = (i: number, j: number) => scores[i]! > scores[j]! || (scores[i] === scores[j] && i < j);
      const best: number[] = [];
      for (let k = 0; k < count; k++) {
        const i = touched[k]!;
        if (i === self || (best.length === limit && !better(i, best[limit - 1]!))) continue;
        let at = best.length;
        while (at > 0 && better(i, best[at - 1]!)) at--;
        best.splice(at, 0, i);
        if (best.length > limit) best.pop();
      }
      for (let k = 0; k < count; k++) scores[touched[k]!] = 0;
      return best.map((i) => articles[i]!);
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
