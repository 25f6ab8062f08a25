/**
 * What the journey needs to exist before the editor starts: two people to credit and a category,
 * created through the content API like any integration would.
 */
import axios from 'axios';
import { strapiRequest } from '../lib/newsroom-rest';

export interface Person {
  documentId: string;
  name: string;
}

const contentApi = <T>(cmsUrl: string, token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  strapiRequest<T>({ url: cmsUrl, token }, method, path, body);

export async function createPerson(cmsUrl: string, token: string, name: string, slug: string, jobTitle: string): Promise<Person> {
  const { data } = await contentApi<{ data: Person }>(cmsUrl, token, 'POST', '/api/people', { data: { name, slug, jobTitle } });
  return data;
}

/** The portal's address in its settings, which the admin's "Xem trên trang" link is built from. */
export async function setSiteAddress(cmsUrl: string, token: string, baseUrl: string): Promise<void> {
  await contentApi(cmsUrl, token, 'PUT', '/api/site-setting', { data: { baseUrl } });
}

/**
 * The category the editor files the article under: the first of the demo content's categories,
 * or one made here when the CMS has none (the journey is about the editor, not the seed).
 */
export async function pickCategory(cmsUrl: string, token: string): Promise<{ name: string; slug: string }> {
  const { data } = await contentApi<{ data: Array<{ name: string; slug: string }> }>(cmsUrl, token, 'GET', '/api/categories?sort=position:asc');
  if (data[0]) return data[0];
  const created = await contentApi<{ data: { name: string; slug: string } }>(cmsUrl, token, 'POST', '/api/categories', {
    data: { name: 'Tin tức - Sự kiện', slug: 'tin-tuc-su-kien', position: 1 },
  });
  return created.data;
}

export interface PublishedArticle {
  documentId: string;
  title: string;
  slug: string;
  publishedAt: string;
  category: { name: string } | null;
  tags: Array<{ name: string; slug: string }>;
  cover: { caption: string; credit: string; image: { url: string } | null } | null;
  byline: Array<{ role: string; person: { name: string; slug: string } | null }>;
  body: Array<{ __component: string; content?: unknown }>;
}

/** The published article with this title, as the site's build will read it (Public role). */
export async function findPublished(cmsUrl: string, title: string): Promise<PublishedArticle | undefined> {
  const query =
    `filters[title][$eq]=${encodeURIComponent(title)}` +
    '&populate[category]=true&populate[tags]=true&populate[cover][populate]=image&populate[byline][populate]=person&populate[body]=true';
  const res = await axios.get(`${cmsUrl}/api/articles?${query}`, { validateStatus: () => true });
  if (res.status !== 200) throw new Error(`GET /api/articles answered ${res.status}: ${JSON.stringify(res.data).slice(0, 400)}`);
  return (res.data.data as PublishedArticle[])[0];
}
