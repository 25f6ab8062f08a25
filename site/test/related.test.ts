import { describe, expect, it } from 'vitest';
import type { ArticleEntry } from '../src/cms/entries';
import { buildCatalog, type Article } from '../src/lib/model';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function catalog(seed: number, count: number, tagCount = 12, maxTags = 3) {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const articles = Array.from({ length: count }, (_, i): { id: string; data: ArticleEntry } => ({
    id: `a${i}`,
    data: {
      title: `Tin ${i}`,
      slug: `tin-${i}`,
      sapo: '',
      bodyFile: `/nonexistent/${i}.json`,
      bodyDigest: '',
      cover: null,
      gallery: [],
      categoryId: next() < 0.9 ? `c${pick(4)}` : null,
      tagIds: [...new Set(Array.from({ length: pick(maxTags + 1) }, () => `t${pick(tagCount)}`))],
      byline: [],
      // Few distinct dates, so ties on score and date are exercised too.
      publicationDate: new Date(Date.UTC(2024, 0, 1 + pick(20))).toISOString(),
      updatedAt: '2024-01-01T00:00:00.000Z',
      unitId: null,
      featured: false,
    },
  }));
  return buildCatalog({
    site: { portalName: 'x', unit: null, baseUrl: null, contactEmail: null, contactPhone: null, address: null, footerText: null },
    articles,
    units: [],
    categories: Array.from({ length: 4 }, (_, i) => ({ id: `c${i}`, data: { name: `C${i}`, slug: `c${i}`, description: null, position: i } })),
    people: [],
    tags: Array.from({ length: tagCount }, (_, i) => ({ id: `t${i}`, data: { name: `T${i}`, slug: `t${i}` } })),
    warn: () => {},
  });
}

/** The definition: every other article scored (shared tags × 2 + same category), best then newest. */
function reference(all: Article[], article: Article, limit: number): Article[] {
  const tagIds = new Set(article.tags.map((t) => t.id));
  return all
    .filter((other) => other !== article)
    .map((other) => ({
      other,
      score:
        other.tags.filter((t) => tagIds.has(t.id)).length * 2 +
        (article.category && other.category?.id === article.category.id ? 1 : 0),
    }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || b.other.date.getTime() - a.other.date.getTime())
    .slice(0, limit)
    .map((r) => r.other);
}

const key = (list: Article[], article: Article) => {
  const tagIds = new Set(article.tags.map((t) => t.id));
  // Articles tied on score and date may come in either order.
  return list.map((o) => `${o.tags.filter((t) => tagIds.has(t.id)).length}:${!!article.category && o.category?.id === article.category.id}:${o.date.getTime()}`);
};

describe('related news', () => {
  // Few tags make many ties; the bench's shape (40 tags, up to 4 each) makes long lists with rare full matches.
  it.each([
    { count: 300, tagCount: 12, maxTags: 3 },
    { count: 2000, tagCount: 40, maxTags: 4 },
  ])('matches the scan-everything definition on random catalogs of $count articles and $tagCount tags', ({ count, tagCount, maxTags }) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { articles, related } = catalog(seed, count, tagCount, maxTags);
      for (const article of articles.slice(0, 300)) {
        for (const limit of [0, 1, 5, 12]) {
          const got = related(article, limit);
          expect(got).not.toContain(article);
          expect(new Set(got).size).toBe(got.length);
          expect(key(got, article)).toEqual(key(reference(articles, article, limit), article));
        }
      }
    }
  });
});
