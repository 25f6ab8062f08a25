import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../lib/catalog';
import { feedResponse } from '../../../lib/feed-endpoint';
import type { Category } from '../../../lib/model';

export const getStaticPaths = (async () => {
  const { categories } = await getCatalog();
  return categories.map((category) => ({ params: { slug: category.slug }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ site, props }) => {
  const catalog = await getCatalog();
  return feedResponse({
    title: `${props.category.name} — ${catalog.site.portalName}`,
    description: props.category.description ?? `Tin bài chuyên mục ${props.category.name}`,
    site: site!,
    articles: catalog.articlesInCategory(props.category),
  });
};
