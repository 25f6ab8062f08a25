/**
 * Creates newsroom content through Strapi's REST API with a full-access token: what the
 * rebuild and backup tests and the publish-to-live measurement need (a person, a category, a
 * photo, a published article with a credited cover and a byline).
 */
import type { ArticleInput } from '@toa-soan/cms/document-types';
import sharp from 'sharp';

export interface RestClient {
  url: string;
  token: string;
}

/** One request to Strapi (content or admin API) with a bearer token; throws on any non-2xx answer. */
export async function strapiRequest<T>(client: RestClient, method: string, path: string, body?: unknown, auth = `Bearer ${client.token}`): Promise<T> {
  const res = await fetch(`${client.url}${path}`, {
    method,
    headers: { Authorization: auth, ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Doc {
  id: number;
  documentId: string;
  [key: string]: unknown;
}

export async function createPerson(client: RestClient, name: string): Promise<Doc> {
  return (await strapiRequest<{ data: Doc }>(client, 'POST', '/api/people?status=published', { data: { name, jobTitle: 'Phóng viên' } })).data;
}

export async function createCategory(client: RestClient, name: string): Promise<Doc> {
  return (await strapiRequest<{ data: Doc }>(client, 'POST', '/api/categories?status=published', { data: { name, position: 1 } })).data;
}

/** Uploads a generated JPEG photo and returns the media file's id. */
export async function uploadPhoto(client: RestClient, name: string): Promise<{ id: number; url: string; hash: string }> {
  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 20, g: 120, b: 90 } } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `${name}.jpg`);
  const [file] = await strapiRequest<Array<{ id: number; url: string; hash: string }>>(client, 'POST', '/api/upload', form);
  if (!file) throw new Error('upload returned no file');
  return file;
}

/** What the tests vary in the article publishArticle writes. */
export interface NewArticle {
  title: string;
  sapo: string;
  paragraph: string;
  categoryId: string;
  writerId: string;
  photoId: number;
}

/** Creates and publishes an article in one REST call. */
export async function publishArticle(client: RestClient, input: NewArticle): Promise<Doc> {
  const data: ArticleInput = {
    title: input.title,
    sapo: input.sapo,
    body: [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: input.paragraph }] }] }],
    cover: { image: input.photoId, caption: `Ảnh minh họa cho bài "${input.title}"`, credit: 'Trần Văn Ảnh' },
    category: input.categoryId,
    byline: [{ role: 'writer', person: input.writerId }],
    publicationDate: new Date().toISOString(),
  };
  return (await strapiRequest<{ data: Doc }>(client, 'POST', '/api/articles?status=published', { data })).data;
}

/** Unpublishes through the admin's own action (REST has none); needs an admin JWT. */
export async function unpublishArticle(url: string, adminJwt: string, documentId: string): Promise<void> {
  await strapiRequest({ url, token: '' }, 'POST', `/content-manager/collection-types/api::article.article/${documentId}/actions/unpublish`, {}, `Bearer ${adminJwt}`);
}
