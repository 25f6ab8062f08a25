/**
 * A counting reverse proxy between the site build (or the baseline fetcher) and Strapi: every
 * request is forwarded unchanged and recorded with its size and timing, so the REST pull is
 * measured from the outside without touching the site's code.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * - `content`: a REST request that returns document content (populate or content fields);
 * - `listing`: a REST request for change detection only (documentId/updatedAt, no populate);
 * - `media`: an upload file (/uploads/…), fetched by the image pipeline;
 * - `other`: anything else (health, admin).
 */
export type RequestKind = 'content' | 'listing' | 'media' | 'other';

export interface RecordedRequest {
  method: string;
  url: string;
  kind: RequestKind;
  status: number;
  /** Response body bytes as sent on the wire (after any compression). */
  bytes: number;
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
}

export interface TrafficSummary {
  requests: number;
  bytes: number;
  /** First request start to last response end, seconds; 0 when there was no request. */
  seconds: number;
  byKind: Record<RequestKind, { requests: number; bytes: number }>;
  /** Requests per REST path, e.g. { "/api/articles": 101 }. */
  byPath: Record<string, number>;
  errors: number;
}

export interface CountingProxy {
  url: string;
  /** Everything recorded since the last take(), then forgets it. */
  take(): RecordedRequest[];
  close(): Promise<void>;
}

/** Fields that only identify or date a document: a request asking for nothing else is a listing. */
const STAMP_FIELDS = new Set(['id', 'documentId', 'updatedAt', 'publishedAt', 'locale']);
/** The CMS's change-detection endpoint: [documentId, updatedAt] of every published document. */
const MANIFEST_PATH = '/api/sync-manifest';

export function classify(rawUrl: string): RequestKind {
  const url = new URL(rawUrl, 'http://proxy.invalid');
  if (url.pathname.startsWith('/uploads/')) return 'media';
  if (!url.pathname.startsWith('/api/')) return 'other';
  if (url.pathname === MANIFEST_PATH) return 'listing';
  const keys = [...url.searchParams.keys()];
  if (keys.some((k) => k.startsWith('populate'))) return 'content';
  const fields = keys.filter((k) => k === 'fields' || k.startsWith('fields[')).flatMap((k) => url.searchParams.getAll(k).flatMap((v) => v.split(',')));
  if (fields.length > 0 && fields.every((f) => STAMP_FIELDS.has(f))) return 'listing';
  return 'content';
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let records: RecordedRequest[] = [];

  const server = http.createServer((req, res) => {
    const start = Date.now();
    const url = req.url ?? '/';
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: url,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        let bytes = 0;
        answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
        answer.on('end', () =>
          records.push({ method: req.method ?? 'GET', url, kind: classify(url), status: answer.statusCode ?? 0, bytes, start, end: Date.now() }),
        );
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      records.push({ method: req.method ?? 'GET', url, kind: classify(url), status: 502, bytes: 0, start, end: Date.now() });
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bench proxy: upstream ${target} failed: ${error.message}`);
    });
    req.pipe(forward);
  });
  // Keep-alive sockets from the build stay open; close() must not wait for them.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take() {
      const taken = records;
      records = [];
      return taken;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

export function summarise(records: RecordedRequest[], kinds?: RequestKind[]): TrafficSummary {
  const chosen = kinds ? records.filter((r) => kinds.includes(r.kind)) : records;
  const byKind: TrafficSummary['byKind'] = {
    content: { requests: 0, bytes: 0 },
    listing: { requests: 0, bytes: 0 },
    media: { requests: 0, bytes: 0 },
    other: { requests: 0, bytes: 0 },
  };
  const byPath: Record<string, number> = {};
  for (const r of chosen) {
    byKind[r.kind].requests++;
    byKind[r.kind].bytes += r.bytes;
    const path = r.kind === 'media' ? '/uploads/*' : new URL(r.url, 'http://proxy.invalid').pathname;
    byPath[path] = (byPath[path] ?? 0) + 1;
  }
  const first = Math.min(...chosen.map((r) => r.start));
  const last = Math.max(...chosen.map((r) => r.end));
  return {
    requests: chosen.length,
    bytes: chosen.reduce((sum, r) => sum + r.bytes, 0),
    seconds: chosen.length ? (last - first) / 1000 : 0,
    byKind,
    byPath,
    errors: chosen.filter((r) => r.status >= 400).length,
  };
}
