/**
 * Measures publish-to-live against a running stack (`npm start`): logs in as an admin, makes a
 * full-access API token, publishes an article over REST into an existing category with an existing
 * person, and polls the site until the page, the feed item and one more page in the search index
 * are live.
 *
 *   STRAPI_ADMIN_EMAIL=… STRAPI_ADMIN_PASSWORD=… npx tsx scripts/rebuild/measure-live.ts
 */
import { adminLogin, createApiToken } from '../lib/strapi-admin';
import { publishArticle, uploadPhoto } from '../lib/newsroom-rest';

const cmsUrl = process.env.CMS_URL ?? 'http://localhost:1337';
const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';
const email = process.env.STRAPI_ADMIN_EMAIL;
const password = process.env.STRAPI_ADMIN_PASSWORD;
if (!email || !password) throw new Error('Set STRAPI_ADMIN_EMAIL and STRAPI_ADMIN_PASSWORD of an admin of the running CMS');

const jwt = await adminLogin(cmsUrl, email, password);
const client = { url: cmsUrl, token: await createApiToken(cmsUrl, jwt, 'full-access') };
const first = async (type: string) => {
  const res = (await (await fetch(`${cmsUrl}/api/${type}?pagination[pageSize]=1`)).json()) as { data: Array<{ documentId: string }> };
  if (!res.data[0]) throw new Error(`No ${type} in the CMS: run npm start with the demo content first`);
  return res.data[0].documentId;
};
/** Pages in the live search index (Pagefind's entry file counts them per language). */
const indexedPages = async () => {
  const entry = (await (await fetch(`${siteUrl}/pagefind/pagefind-entry.json`)).json()) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
};
const indexedBefore = await indexedPages();
const photo = await uploadPhoto(client, 'do-thoi-gian');
const title = `Đo thời gian xuất bản ${new Date().toISOString()}`;
const t0 = Date.now();
const article = await publishArticle(client, {
  title,
  sapo: 'Bài dùng để đo thời gian từ lúc xuất bản đến lúc bạn đọc thấy.',
  paragraph: 'Nội dung đo thời gian xuất bản.',
  categoryId: await first('categories'),
  writerId: await first('people'),
  photoId: photo.id,
});
const page = `${siteUrl}/tin-tuc/${article.slug as string}/`;
const seen: Record<string, number> = {};
const checks: Record<string, () => Promise<boolean>> = {
  page: async () => (await fetch(page)).status === 200,
  feed: async () => (await (await fetch(`${siteUrl}/rss.xml`)).text()).includes(title),
  search: async () => (await indexedPages()) > indexedBefore,
};
while (Object.keys(seen).length < Object.keys(checks).length) {
  if (Date.now() - t0 > 180_000) throw new Error(`Not live after 180 s: ${JSON.stringify(seen)}`);
  for (const [name, check] of Object.entries(checks)) if (!(name in seen) && (await check())) seen[name] = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
}
const status = (await (await fetch(`http://127.0.0.1:${process.env.REBUILD_PORT ?? 4322}/status`)).json()) as { lastSuccess: { durationMs: number } };
console.log(JSON.stringify({ page, liveAfterMs: seen, lastBuildMs: status.lastSuccess.durationMs }, null, 2));
