import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../lib/catalog';
import { feedResponse } from '../../../lib/feed-endpoint';
import type { Unit } from '../../../lib/model';

export const getStaticPaths = (async () => {
  const { units } = await getCatalog();
  return units.map((unit) => ({ params: { slug: unit.slug }, props: { unit } }));
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
