/**
 * The importer's side of the Strapi 5 REST API: people, categories and articles. Article data is
 * typed by the CMS's generated types (ArticleInput); everything else in the importer works on
 * LegacyArticle.
 */
import type { ArticleInput } from '@toa-soan/cms/document-types';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { unitKey, unitKind } from '../../cms/src/lib/unit-name';
import { looseKey, personKey } from './text';

/**
 * The CMS refused or failed: unreachable or token refused (`fatal`: no point going on), or a
 * server error on one request (the run goes on, but ends with a failing exit code).
 */
export class CmsRefused extends Error {
  constructor(
    message: string,
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

/** The CMS turned down one request about one article (validation, unique field…). */
export class CmsRejected extends Error {}

interface StrapiError {
  error?: { status?: number; name?: string; message?: string; details?: { errors?: Array<{ path?: unknown[]; message?: string }> } };
}

const PAGE_SIZE = 100;

function describe(res: AxiosResponse): string {
  const error = (res.data as StrapiError | undefined)?.error;
  const details = error?.details?.errors?.map((e) => `${(e.path ?? []).join('.')}: ${e.message}`).join('; ');
  return [error?.message ?? res.statusText, details].filter(Boolean).join(' — ') || `HTTP ${res.status}`;
}

export class CmsClient {
  private readonly http: AxiosInstance;
  private people?: Map<string, string>;
  private categories?: Map<string, string>;
  private units?: Map<string, string>;

  constructor(
    readonly url: string,
    token: string,
  ) {
    this.http = axios.create({
      baseURL: url.replace(/\/+$/, ''),
      headers: { Authorization: `Bearer ${token}` },
      timeout: 30_000,
      validateStatus: () => true,
    });
  }

  private async request<T>(method: 'get' | 'post' | 'put', path: string, body?: unknown): Promise<T> {
    let res: AxiosResponse;
    try {
      res = await this.http.request({ method, url: path, data: body });
    } catch (error) {
      throw new CmsRefused(`cannot reach the CMS at ${this.url}: ${(error as Error).message}`, true);
    }
    if (res.status === 401 || res.status === 403) {
      throw new CmsRefused(`the CMS refused the token (${res.status} on ${method.toUpperCase()} ${path.split('?')[0]}): STRAPI_TOKEN must be a full-access API token`, true);
    }
    if (res.status >= 500) throw new CmsRefused(`the CMS failed (${res.status} on ${method.toUpperCase()} ${path.split('?')[0]}): ${describe(res)}`, false);
    if (res.status >= 400) throw new CmsRejected(`${res.status} on ${method.toUpperCase()} ${path.split('?')[0]}: ${describe(res)}`);
    return res.data as T;
  }

  private async listAll(collection: string, field: string): Promise<Array<{ documentId: string; value: string }>> {
    const rows: Array<{ documentId: string; value: string }> = [];
    for (let page = 1; ; page++) {
      const res = await this.request<{ data: Array<Record<string, unknown>>; meta: { pagination: { pageCount: number } } }>(
        'get',
        `/api/${collection}?fields[0]=${field}&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`,
      );
      for (const row of res.data) rows.push({ documentId: String(row.documentId), value: String(row[field] ?? '') });
      if (page >= (res.meta?.pagination?.pageCount ?? 1)) return rows;
    }
  }

  /** POST; the CMS fills a unique Vietnamese-transliterated slug from the name or title. */
  private async create(collection: string, data: Record<string, unknown>, query = ''): Promise<string> {
    const res = await this.request<{ data: { documentId: string } }>('post', `/api/${collection}${query}`, { data });
    return res.data.documentId;
  }

  /** The person's documentId, creating the person once; names match regardless of case, spacing and Unicode form. */
  async person(name: string): Promise<string> {
    if (!this.people) {
      this.people = new Map((await this.listAll('people', 'name')).map((p) => [personKey(p.value), p.documentId]));
    }
    const key = personKey(name);
    let id = this.people.get(key);
    if (!id) {
      id = await this.create('people', { name: name.normalize('NFC') });
      this.people.set(key, id);
    }
    return id;
  }

  /** The category's documentId by name ("Tin tức – Sự kiện" finds "Tin tức - Sự kiện"), creating it when missing. */
  async category(name: string): Promise<string> {
    if (!this.categories) {
      this.categories = new Map((await this.listAll('categories', 'name')).map((c) => [looseKey(c.value), c.documentId]));
    }
    const key = looseKey(name);
    let id = this.categories.get(key);
    if (!id) {
      id = await this.create('categories', { name });
      this.categories.set(key, id);
    }
    return id;
  }

  /**
   * The unit's documentId, creating it once (with the kind its name starts with); names match
   * with the CMS's unit matcher, so "Ủy ban nhân dân huyện X" finds "UBND huyện X".
   */
  async unit(name: string): Promise<string> {
    if (!this.units) {
      this.units = new Map((await this.listAll('units', 'name')).map((u) => [unitKey(u.value), u.documentId]));
    }
    const key = unitKey(name);
    let id = this.units.get(key);
    if (!id) {
      id = await this.create('units', { name: name.normalize('NFC'), kind: unitKind(name) });
      this.units.set(key, id);
    }
    return id;
  }

  /**
   * Every article imported before, sourceKey → documentId, in one paged read: a resumed run of
   * thousands of files skips those without a request each. Drafts are read, since every article
   * has a draft version whether or not it is published.
   */
  async importedArticles(): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let page = 1; ; page++) {
      const res = await this.request<{ data: Array<{ documentId: string; sourceKey: string | null }>; meta: { pagination: { pageCount: number } } }>(
        'get',
        `/api/articles?status=draft&filters[sourceKey][$notNull]=true&fields[0]=sourceKey&sort=id&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`,
      );
      for (const a of res.data) if (a.sourceKey) found.set(a.sourceKey, a.documentId);
      if (page >= (res.meta?.pagination?.pageCount ?? 1)) return found;
    }
  }

  /**
   * `?status=` is always explicit: without it Strapi 5 publishes on create and on update alike,
   * so a draft has to be asked for.
   */
  async createArticle(data: ArticleInput, publish: boolean): Promise<string> {
    return this.create('articles', { ...data }, `?status=${publish ? 'published' : 'draft'}`);
  }

  /** Updates the article; its slug is not sent, so one an editor changed stays. */
  async updateArticle(documentId: string, data: ArticleInput, publish: boolean): Promise<void> {
    await this.request('put', `/api/articles/${documentId}?status=${publish ? 'published' : 'draft'}`, { data });
  }
}
