/** The resolved content of this build, computed once and shared by every page and feed. */
import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './model';

/** Articles per page of a paginated list (category, unit). */
export const LIST_PAGE_SIZE = 12;

let catalog: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  catalog ??= (async () => {
    const [site, articles, categories, people, tags, units] = await Promise.all([
      getCollection('site'),
      getCollection('articles'),
      getCollection('categories'),
      getCollection('people'),
      getCollection('tags'),
      getCollection('units'),
    ]);
    const settings = site[0]?.data;
    if (!settings) throw new Error('Site setting missing from the content store; the site loader did not run');
    return buildCatalog({ site: settings, articles, categories, people, tags, units, warn: (m) => console.warn(`[content] ${m}`) });
  })();
  return catalog;
}
