import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/catalog';
import { feedResponse } from '../lib/feed-endpoint';

export const GET: APIRoute = async ({ site }) => {
  const { site: settings, articles } = await getCatalog();
  return feedResponse({
    title: settings.portalName,
    description: `Tin mới từ ${settings.portalName}${settings.unit ? ` — ${settings.unit}` : ''}`,
    site: site!,
    articles,
  });
};
