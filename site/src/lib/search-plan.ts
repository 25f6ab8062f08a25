/**
 * The search plan of a full build: the article pages it will write, each with the date it sorts
 * by in search, in the order Astro renders them. scripts/index-ahead.ts reads it to index a
 * search bundle as soon as Astro has written the bundle's pages, while the rest still renders.
 * A wrong plan costs time, never results: the index step after Astro reads the pages themselves
 * and indexes again any bundle the plan got wrong.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { outputFile } from '../../scripts/fast-lane';
import { readEnv } from '../env';
import type { Article } from './model';

/** The date search sorts and bundles an article by (`data-pagefind-sort` on its page). */
export const searchDate = (article: Pick<Article, 'date'>): string => article.date.toISOString();

/** `articles` in render order, as `{ "<output file>": "<search date>" }` in SITE_SEARCH_PLAN, when set. */
export function writeSearchPlan(articles: Pick<Article, 'url' | 'date'>[]): void {
  const file = readEnv().searchPlan;
  if (!file) return;
  // Renamed into place: the follower polls for it and must never read half of it.
  writeFileSync(`${file}.partial`, JSON.stringify(Object.fromEntries(articles.map((a) => [outputFile(a.url), searchDate(a)]))));
  renameSync(`${file}.partial`, file);
}
