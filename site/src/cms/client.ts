/**
 * The one way the site talks to Strapi: axios with a timeout, bounded concurrency, retries with
 * backoff on network errors, 5xx and 429, and errors that fit on one line and say what to check.
 */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { z } from 'astro/zod';
import pLimit from 'p-limit';
import pRetry from 'p-retry';
import { xmlSafeDeep } from '../lib/xml-safe';
import { toQueryString, type Query } from './query';

export const PAGE_SIZE = 100;

export interface CmsClientOptions {
  baseUrl: string;
  token?: string | undefined;
  /** Per request, milliseconds. */
  timeoutMs?: number;
  /** Extra attempts after the first one for retryable failures. */
  retries?: number;
  /** First backoff delay; doubles each attempt (capped at 10 s). */
  backoffMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

/** A failed CMS call; `message` is a single line meant to be the whole build error. */
export class CmsError extends Error {
  override name = 'CmsError';
  constructor(
    message: string,
    /** HTTP status when the CMS answered, undefined for network failures and bad bodies. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A failure worth another attempt: a network error, a 5xx or a 429. */
class Transient extends Error {
  constructor(
    /** What went wrong, for the final message. */
    readonly failure: string,
    readonly attempts: number,
    /** The CMS's Retry-After, waited at least before the next attempt. */
    readonly retryAfterMs?: number,
  ) {
    super(failure);
  }
}

const MAX_DELAY_MS = 10_000;

const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});
const listEnvelope = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ pagination: paginationSchema }),
});
const singleEnvelope = z.object({ data: z.unknown() });

export interface CmsClient {
  /** One document (single types, or a list page you handle yourself). Returns `data`, checked by `schema` if given. */
  getData<T = unknown>(path: string, query?: Query, schema?: z.ZodType<T>): Promise<T>;
  /** Every item of a collection, paging with pagination[pageSize] (default 100, the REST API's maximum). Items are unvalidated. */
  listAll(path: string, query?: Query, pageSize?: number): Promise<unknown[]>;
  /** The same pages handed to `onPage` as each arrives (pages in flight do not wait for the handler). */
  eachPage(path: string, query: Query, pageSize: number, onPage: (items: unknown[]) => Promise<void>): Promise<void>;
  /** How many HTTP requests were sent (attempts included); for logs and tests. */
  readonly requestCount: number;
  /** A view sharing connection and concurrency limit, with its own request count. */
  child(): CmsClient;
}

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 400;
  const limit = pLimit(options.concurrency ?? 4);
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    timeout: options.timeoutMs ?? 20_000,
    headers: {
      Accept: 'application/json',
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    // Status handling is ours: retries and messages depend on it.
    validateStatus: () => true,
    responseType: 'json',
  });
  async function request(counters: Array<{ n: number }>, path: string, query: Query): Promise<unknown> {
    const qs = toQueryString(query);
    const url = `${path}${qs ? `?${qs}` : ''}`;
    const shown = `GET ${baseUrl}${url}`;
    const attempt = async (attempts: number): Promise<unknown> => {
      for (const counter of counters) counter.n++;
      const res = await limit(() => http.get(url)).catch((error: unknown) => {
        throw error instanceof AxiosError ? new Transient(error.code ?? error.message, attempts) : error;
      });
      if (res.status >= 200 && res.status < 300) {
        if (typeof res.data !== 'object' || res.data === null) {
          throw new CmsError(`CMS answered ${shown} with ${res.status} but not JSON. Check that CMS_URL (${baseUrl}) points at Strapi, not a proxy or web page.`);
        }
        // Where CMS text enters the site: from here on pages, feeds and the search index only see XML-safe text.
        return xmlSafeDeep(res.data);
      }
      const failure = `${res.status} ${strapiMessage(res.data) ?? res.statusText ?? ''}`.trim();
      if (!(res.status === 429 || res.status >= 500)) {
        throw new CmsError(`CMS request failed: ${shown} → ${failure}. ${hintFor(res.status, Boolean(options.token))}`, res.status);
      }
      throw new Transient(failure, attempts, parseRetryAfter(res.headers['retry-after']));
    };
    try {
      return await pRetry(attempt, {
        retries,
        minTimeout: backoffMs,
        maxTimeout: MAX_DELAY_MS,
        randomize: true,
        shouldRetry: ({ error }) => error instanceof Transient,
        // The CMS's Retry-After is a floor: wait out whatever the backoff does not already cover.
        onFailedAttempt: async ({ error, retryDelay, retriesLeft }) => {
          const extra = Math.min(error instanceof Transient ? (error.retryAfterMs ?? 0) : 0, MAX_DELAY_MS) - retryDelay;
          if (retriesLeft > 0 && extra > 0) await new Promise((resolve) => setTimeout(resolve, extra));
        },
      });
    } catch (error) {
      if (!(error instanceof Transient)) throw error;
      throw new CmsError(
        `CMS unreachable or failing: ${shown} → ${error.failure} after ${error.attempts} attempts. Check that Strapi is running and CMS_URL (${baseUrl}) is right.`,
      );
    }
  }

  function parse<T>(schema: z.ZodType<T>, body: unknown, path: string): T {
    const result = schema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new CmsError(
        `CMS answered ${baseUrl}${path} with an unexpected shape (${issue?.path.join('.') || 'root'}: ${issue?.message}). Check that CMS_URL points at the Tòa soạn Strapi and its version matches the site.`,
      );
    }
    return result.data;
  }

  // A view counts its own requests and those of its children.
  const view = (counters: Array<{ n: number }>): CmsClient => {
    const own = counters[0]!;
    const send = (path: string, query: Query) => request(counters, path, query);
    return {
      get requestCount() {
        return own.n;
      },
      child: () => view([{ n: 0 }, ...counters]),
      async getData<T>(path: string, query: Query = {}, schema?: z.ZodType<T>) {
        const { data } = parse(singleEnvelope, await send(path, query), path);
        return (schema ? parse(schema, data, path) : data) as T;
      },
      async listAll(path, query = {}, pageSize = PAGE_SIZE) {
        const pages: unknown[][] = [];
        await eachPage(path, query, pageSize, async (items) => void pages.push(items));
        return pages.flat();
      },
      eachPage,
    };
    async function eachPage(path: string, query: Query, pageSize: number, onPage: (items: unknown[]) => Promise<void>): Promise<void> {
      const pageQuery = (page: number): Query => ({ ...query, pagination: { page, pageSize } });
      const first = parse(listEnvelope, await send(path, pageQuery(1)), path);
      const { pageCount } = first.meta.pagination;
      // Handlers run one at a time, in arrival order, while later pages are still in flight.
      const inTurn = pLimit(1);
      await Promise.all([
        inTurn(() => onPage(first.data)),
        ...Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) =>
          send(path, pageQuery(i + 2)).then((body) => {
            const { data } = parse(listEnvelope, body, path);
            return inTurn(() => onPage(data));
          }),
        ),
      ]);
    }
  };
  return view([{ n: 0 }]);
}

function strapiMessage(body: unknown): string | undefined {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

function hintFor(status: number, hasToken: boolean): string {
  if (status === 401) return hasToken ? 'Check that STRAPI_TOKEN is a valid, unexpired API token.' : 'Set STRAPI_TOKEN or let the Public role read this content.';
  if (status === 403) return hasToken ? 'Check that STRAPI_TOKEN may read this content type.' : 'Check the Public role permissions (find/findOne) or set STRAPI_TOKEN.';
  if (status === 404) return 'Check CMS_URL and that this Strapi is the Tòa soạn CMS (its content types and /api/sync-manifest).';
  if (status === 400) return 'The site asked for fields the CMS does not know: check that the CMS schema matches the site.';
  return 'Check the Strapi log.';
}

function parseRetryAfter(header: unknown): number | undefined {
  if (typeof header !== 'string' || header === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
