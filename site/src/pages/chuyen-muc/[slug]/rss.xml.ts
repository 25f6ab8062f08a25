import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../lib/catalog';
import { feedResponse } from '../../../lib/feed-endpoint';
import type { Category } from '../../../lib/model';
import { feedKey, layoutKey } from '../../../lib/page-key';
import { ROUTES, keyedPaths } from '../../../lib/route-keys';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  const layout = layoutKey(catalog);
  return keyedPaths(
    ROUTES.categoryFeed,
    catalog.categories.map((category) => ({ params: { slug: category.slug }, props: { category } })),
    ({ props }) => feedKey(props.category, catalog.articlesInCategory(props.category), layout),
  );
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
