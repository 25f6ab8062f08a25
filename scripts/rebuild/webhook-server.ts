/**
 * HTTP front of the rebuild service: `POST /webhook` takes Strapi's webhooks (shared secret in
 * X-Webhook-Secret, compared in constant time) and starts a build for content events only,
 * `GET /status` reports the builds as JSON, `GET /health` answers 204 for container healthchecks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { REBUILD_EVENTS, REBUILD_SECRET_HEADER } from '@toa-soan/cms/newsroom/rebuild-webhook';
import { close, listen } from '../lib/static-server';
import type { SupervisedStatus } from '../lib/supervisor';
import type { ChangeEvent, Rebuilder, RebuilderStatus } from './rebuilder';

/**
 * The events that change what the site shows: those the CMS subscribes its rebuild webhook to
 * (REBUILD_EVENTS, one list for both). Anything else (the admin's "Trigger" test, events of a
 * newer Strapi, a client sending junk) is answered and logged, not built: a build costs minutes of CPU.
 */
const BUILD_EVENTS: ReadonlySet<string> = new Set(REBUILD_EVENTS);
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookServerOptions {
  rebuilder: Rebuilder;
  secret: string;
  port: number;
  host?: string;
  log?: (line: string) => void;
  /** The supervised CMS, when this process runs it (`npm start`). */
  cmsStatus?: () => SupervisedStatus;
}

export interface WebhookServer {
  url: string;
  webhookUrl: string;
  server: Server;
  stop(): Promise<void>;
}

export interface ServiceStatus extends RebuilderStatus {
  /** `ignored`: authenticated webhooks whose event changes nothing on the site. */
  webhooks: { accepted: number; ignored: number; rejected: number; lastRejectedAt: string | null };
  cms?: SupervisedStatus;
}

/** Strapi's webhook body: { event, model?, uid?, entry?: { documentId }, media?: {...} }. */
export function toChange(body: unknown, receivedAt = new Date().toISOString()): ChangeEvent {
  if (typeof body !== 'object' || body === null) throw new Error('body is not a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b.event !== 'string' || !b.event) throw new Error('"event" is missing');
  const entry = (b.entry ?? b.media) as Record<string, unknown> | undefined;
  const documentId = entry?.documentId ?? entry?.id;
  return {
    event: b.event,
    model: typeof b.model === 'string' ? b.model : b.event.startsWith('media.') ? 'media' : undefined,
    uid: typeof b.uid === 'string' ? b.uid : undefined,
    documentId: typeof documentId === 'string' || typeof documentId === 'number' ? String(documentId) : undefined,
    receivedAt,
  };
}

/** Constant-time comparison (hashing first makes the lengths equal). */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body, null, 2));
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  if (!options.secret) throw new Error('REBUILD_WEBHOOK_SECRET is empty: the rebuild service refuses unauthenticated webhooks');
  const log = options.log ?? ((line) => console.log(line));
  const webhooks = { accepted: 0, ignored: 0, rejected: 0, lastRejectedAt: null as string | null };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(204).end();
      return;
    }
    if (pathname === '/status' && req.method === 'GET') {
      const status: ServiceStatus = { ...options.rebuilder.status(), webhooks: { ...webhooks }, cms: options.cmsStatus?.() };
      json(res, 200, status);
      return;
    }
    if (pathname !== '/webhook') {
      json(res, 404, { error: 'Not found: use POST /webhook or GET /status' });
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      json(res, 405, { error: 'POST only' });
      return;
    }
    const given = req.headers[REBUILD_SECRET_HEADER.toLowerCase()];
    if (!secretMatches(typeof given === 'string' ? given : undefined, options.secret)) {
      webhooks.rejected += 1;
      webhooks.lastRejectedAt = new Date().toISOString();
      log(`[rebuild] rejected a webhook from ${req.socket.remoteAddress ?? '?'}: ${given === undefined ? 'no' : 'wrong'} X-Webhook-Secret`);
      req.resume();
      json(res, 401, { error: 'Missing or wrong X-Webhook-Secret' });
      return;
    }
    let change: ChangeEvent;
    try {
      change = toChange(JSON.parse(await readBody(req)));
    } catch (error) {
      json(res, 400, { error: `Not a Strapi webhook: ${(error as Error).message}` });
      return;
    }
    if (!BUILD_EVENTS.has(change.event)) {
      webhooks.ignored += 1;
      log(`[rebuild] ignored a webhook with event "${change.event}": not a content change, no build`);
      json(res, 200, { queued: false, ignored: `event "${change.event}" does not change the site` });
      return;
    }
    webhooks.accepted += 1;
    const queued = options.rebuilder.notify(change);
    json(res, 202, { queued, duplicate: !queued });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`[rebuild] request failed: ${(error as Error).message}`);
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port, host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return { url, webhookUrl: `${url}/webhook`, server, stop: () => close(server) };
}
