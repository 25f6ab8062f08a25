import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsError, createCmsClient } from '../src/cms/client';
import { freePort } from '@toa-soan/scripts/testing';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;
const servers: http.Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(decodeURIComponent(req.url ?? ''));
    handler(req, res, hits.length);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}
const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const page = (items: unknown[], page: number, pageCount: number, total: number) => ({
  data: items,
  meta: { pagination: { page, pageSize: 100, pageCount, total } },
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('CMS client', () => {
  it('pages through a collection 100 at a time with explicit fields and the token', async () => {
    let auth: string | undefined;
    const { url, hits } = await serve((req, res) => {
      auth = req.headers.authorization;
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('pagination[page]'));
      const items = Array.from({ length: n < 3 ? 100 : 50 }, (_, i) => ({ documentId: `d${(n - 1) * 100 + i}` }));
      json(res, 200, page(items, n, 3, 250));
    });
    const client = createCmsClient({ baseUrl: url, token: 'secret' });
    const items = await client.listAll('/api/articles', { fields: ['documentId', 'updatedAt'] });
    expect(items).toHaveLength(250);
    expect(new Set(items.map((i) => (i as { documentId: string }).documentId)).size).toBe(250);
    expect(hits).toHaveLength(3);
    expect(hits[0]).toContain('fields[0]=documentId&fields[1]=updatedAt');
    expect(hits[0]).toContain('pagination[pageSize]=100');
    expect(hits.join()).not.toContain('populate=*');
    expect(auth).toBe('Bearer secret');
    expect(client.requestCount).toBe(3);
  });

  it('hands each page to its handler as it arrives, one handler at a time', async () => {
    const { url } = await serve((req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('pagination[page]'));
      // Later pages answer first: handlers follow arrival, not page numbers.
      setTimeout(() => json(res, 200, page([{ documentId: `d${n}` }], n, 4, 4)), n === 1 ? 0 : (5 - n) * 20);
    });
    const seen: string[] = [];
    let running = 0;
    let overlapped = false;
    await createCmsClient({ baseUrl: url }).eachPage('/api/articles', {}, 1, async (items) => {
      overlapped ||= running > 0;
      running++;
      await new Promise((r) => setTimeout(r, 15));
      seen.push(...items.map((i) => (i as { documentId: string }).documentId));
      running--;
    });
    expect(overlapped).toBe(false);
    expect(seen).toEqual(['d1', 'd4', 'd3', 'd2']);
  });

  it('retries 503 and 429 with backoff, then succeeds', async () => {
    const { url, hits } = await serve((_req, res, hit) => {
      if (hit === 1) return json(res, 503, { error: { message: 'busy' } });
      if (hit === 2) return json(res, 429, {}, { 'Retry-After': '0' });
      json(res, 200, page([{ documentId: 'a' }], 1, 1, 1));
    });
    const items = await createCmsClient({ baseUrl: url, backoffMs: 5 }).listAll('/api/tags');
    expect(items).toEqual([{ documentId: 'a' }]);
    expect(hits).toHaveLength(3);
  });

  it('retries when the connection drops', async () => {
    const { url, hits } = await serve((_req, res, hit) => {
      if (hit === 1) return res.socket?.destroy();
      json(res, 200, { data: { portalName: 'Cổng' } });
    });
    await expect(createCmsClient({ baseUrl: url, backoffMs: 5 }).getData('/api/site-setting')).resolves.toEqual({ portalName: 'Cổng' });
    expect(hits).toHaveLength(2);
  });

  it('gives up after the retries with one line naming URL and what to check', async () => {
    const { url, hits } = await serve((_req, res) => json(res, 500, { error: { message: 'boom' } }));
    const error = await createCmsClient({ baseUrl: url, retries: 2, backoffMs: 1 }).listAll('/api/articles').catch((e) => e);
    expect(error).toBeInstanceOf(CmsError);
    expect(hits).toHaveLength(3);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(`${url}/api/articles`);
    expect(error.message).toContain('500 boom');
    expect(error.message).toContain('CMS_URL');
  });

  it('does not retry a 403 and says which permission to check', async () => {
    const { url, hits } = await serve((_req, res) => json(res, 403, { error: { message: 'Forbidden' } }));
    const error = await createCmsClient({ baseUrl: url, backoffMs: 1 }).listAll('/api/people').catch((e) => e);
    expect(hits).toHaveLength(1);
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/^CMS request failed: GET http:\/\/127\.0\.0\.1:\d+\/api\/people\?pagination\[page\]=1&pagination\[pageSize\]=100 → 403 Forbidden\. Check the Public role/);
  });

  it('reports an unreachable CMS clearly', async () => {
    const port = await freePort();
    const error = (await createCmsClient({ baseUrl: `http://127.0.0.1:${port}`, retries: 1, backoffMs: 1 })
      .getData('/api/site-setting')
      .catch((e: unknown) => e)) as CmsError;
    expect(error).toBeInstanceOf(CmsError);
    expect(error.message).toBe(
      `CMS unreachable or failing: GET http://127.0.0.1:${port}/api/site-setting → ECONNREFUSED after 2 attempts. Check that Strapi is running and CMS_URL (http://127.0.0.1:${port}) is right.`,
    );
  });

  it('rejects a response that is not a Strapi list', async () => {
    const { url } = await serve((_req, res) => json(res, 200, { items: [] }));
    const error = await createCmsClient({ baseUrl: url }).listAll('/api/tags').catch((e) => e);
    expect(error).toBeInstanceOf(CmsError);
    expect(error.message).toContain('unexpected shape');
  });

  it('times out a hanging CMS and retries', async () => {
    const { url, hits } = await serve((_req, res, hit) => {
      if (hit === 1) return; // never answers
      json(res, 200, { data: { portalName: 'Cổng' } });
    });
    const client = createCmsClient({ baseUrl: url, timeoutMs: 200, backoffMs: 1 });
    await expect(client.getData('/api/site-setting')).resolves.toEqual({ portalName: 'Cổng' });
    expect(hits).toHaveLength(2);
  });
});
