/**
 * "The way tutorials do it", for comparison on the same data: what a naive `getStaticPaths` plus
 * per-page fetch costs in REST traffic. It fetches and parses, and renders no HTML:
 *
 * 1. list every article with `populate=*` at Strapi's default page size (25), as
 *    `getStaticPaths` does to learn the slugs;
 * 2. for every article, `GET /api/articles?filters[slug][$eq]=…&populate=*`, as each page does
 *    in its frontmatter; one at a time, as Astro renders pages one at a time by default
 *    (`build.concurrency: 1`).
 *
 * Note `populate=*` goes one level deep: it returns the cover component but not the cover's
 * image, so this costs *less* than a tutorial site that also shows photos.
 */
import axios from 'axios';
import pMap from 'p-map';

export interface BaselineResult {
  listRequests: number;
  articleRequests: number;
  articles: number;
  seconds: number;
  concurrency: number;
}

export async function runBaseline(baseUrl: string, token: string | undefined, concurrency = 1): Promise<BaselineResult> {
  const http = axios.create({
    baseURL: baseUrl,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    timeout: 60_000,
  });
  const started = performance.now();
  const slugs: string[] = [];
  let listRequests = 0;
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const res = await http.get(`/api/articles?populate=*&pagination[page]=${page}`);
    listRequests++;
    pageCount = res.data.meta.pagination.pageCount;
    for (const article of res.data.data as Array<{ slug: string }>) slugs.push(article.slug);
  }
  await pMap(
    slugs,
    async (slug) => {
      const res = await http.get(`/api/articles?filters[slug][$eq]=${encodeURIComponent(slug)}&populate=*`);
      if (res.data.data.length !== 1) throw new Error(`Baseline: slug ${slug} matched ${res.data.data.length} articles`);
    },
    { concurrency },
  );
  return {
    listRequests,
    articleRequests: slugs.length,
    articles: slugs.length,
    seconds: Math.round(performance.now() - started) / 1000,
    concurrency,
  };
}
