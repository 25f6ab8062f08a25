import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../lib/catalog';
import { feedResponse } from '../../../lib/feed-endpoint';
import type { Unit } from '../../../lib/model';
import { feedKey, layoutKey } from '../../../lib/page-key';
import { ROUTES, keyedPaths } from '../../../lib/route-keys';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  const layout = layoutKey(catalog);
  return keyedPaths(
    ROUTES.unitFeed,
    catalog.units.map((unit) => ({ params: { slug: unit.slug }, props: { unit } })),
    ({ props }) => feedKey(props.unit, catalog.articlesOfUnit(props.unit), layout),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ unit: Unit }> = async ({ site, props }) => {
  const catalog = await getCatalog();
  return feedResponse({
    title: `${props.unit.name} — ${catalog.site.portalName}`,
    description: props.unit.description ?? `Tin bài của ${props.unit.name}`,
    site: site!,
    articles: catalog.articlesOfUnit(props.unit),
  });
};
