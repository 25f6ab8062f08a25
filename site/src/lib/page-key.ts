/**
 * What a page shows, as one digest per page with `getStaticPaths`. Astro's incremental build
 * (`experimental.incrementalBuild`) reuses a page from the last build while its key is unchanged,
 * and the fast lane (route-keys.ts) renders only pages whose key differs from the live build's.
 * A key must therefore cover everything the page's output depends on: its props, what it reads
 * from the catalog, and the layout (header, footer, site URL). A field left out means a stale page.
 *
 * Articles are hashed without their body file's path (it depends on the cache folder, and the
 * fast lane has its own) but with their body's digest. Template and library code are Astro's to
 * track for incremental builds (the page's module graph is hashed too); the fast lane trusts that
 * the live build ran the same code (site/README.md, "Fast lane").
 */
import { createHash } from 'node:crypto';
import type { Page } from 'astro';
import { readEnv } from '../env';
import { FEED_SIZE } from './feed';
import type { Article, Catalog, Category, Person, Tag, Unit } from './model';

/**
 * The parts every page shares: site settings and categories (header, footer), the public origin
 * (canonical links, feeds) and the CMS origin (media links in bodies). Hash once per route.
 */
export function layoutKey(catalog: Pick<Catalog, 'site' | 'categories'>, env = readEnv()): string {
  return digest([catalog.site, catalog.categories.map((c) => [c.name, c.url]), env.siteUrl, env.cmsUrl]);
}

/** The whole resolved article (category, tags, unit, people, photos, body digest), not where its body file lies. */
function articleFields(article: Article): Omit<Article, 'bodyFile'> {
  const { bodyFile: _file, ...fields } = article;
  return fields;
}

/** What an article shows in a list (ArticleCard, every variant). */
function card(article: Article): unknown[] {
  return [article.url, article.title, article.date.toISOString(), article.category?.name ?? null, article.sapo, article.cover];
}

export function articlePageKey(article: Article, related: Article[], layout: string): string {
  return digest([articleFields(article), related.map((r) => [r.url, r.title, r.date.toISOString()]), layout]);
}

/** One page of a category's or unit's list: the owner, where the page sits and the cards on it. */
export function listPageKey(owner: Category | Unit, page: Page<Article>, layout: string): string {
  return digest([owner, page.currentPage, page.lastPage, page.data.map(card), layout]);
}

export function tagPageKey(tag: Tag, articles: Article[], layout: string): string {
  return digest([tag, articles.map(card), layout]);
}

export function personPageKey(person: Person, credits: ReturnType<Catalog['creditsOf']>, layout: string): string {
  return digest([person, credits.map((g) => [g.role, g.articles.map(card)]), layout]);
}

/** A feed: its owner (title, description), the portal's name and the full items it carries. */
export function feedKey(owner: Category | Unit, articles: Article[], layout: string): string {
  return digest([owner, articles.slice(0, FEED_SIZE).map(articleFields), layout]);
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
