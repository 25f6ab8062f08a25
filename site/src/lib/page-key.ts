/**
 * What an article page shows, as one digest, for Astro's incremental build
 * (`experimental.incrementalBuild`): while it is unchanged Astro reuses the page from the last
 * build instead of rendering it again. It covers the resolved article (its fields, category,
 * tags, unit (name, dates, successor: the archive notice) and credited people, so renaming any
 * of them re-renders the page), the related news it
 * lists and the header and footer (site settings, categories). Template and library code are
 * Astro's to track (the page's module graph is hashed too), the site URL through the config.
 */
import { createHash } from 'node:crypto';
import type { Article, Catalog } from './model';

/** The parts every page shares: hash once per build. */
export function layoutKey(catalog: Pick<Catalog, 'site' | 'categories'>): string {
  return digest([catalog.site, catalog.categories.map((c) => [c.name, c.url])]);
}

export function articlePageKey(article: Article, related: Article[], layout: string): string {
  return digest([article, related.map((r) => [r.url, r.title, r.date.toISOString()]), layout]);
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
