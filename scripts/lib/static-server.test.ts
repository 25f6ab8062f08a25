import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directive, nginxCsp } from '../web/csp';
import { resolveInside, startStaticServer, type StaticServer } from './static-server';

let dir: string;
let server: StaticServer;

/** Raw GET, so the path reaches the server exactly as written (no client-side normalising). */
function get(rawPath: string): Promise<{ status: number; type: string; cache: string; location: string; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          cache: String(res.headers['cache-control'] ?? ''),
          location: String(res.headers.location ?? ''),
          body,
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-static-'));
  const build = path.join(dir, 'builds', 'b1');
  await mkdir(path.join(build, 'tin-tuc', 'bai-mot'), { recursive: true });
  await mkdir(path.join(build, 'pagefind', 'fragment'), { recursive: true });
  await mkdir(path.join(build, '_astro'), { recursive: true });
  await writeFile(path.join(build, 'index.html'), '<h1>Trang chủ</h1>');
  await writeFile(path.join(build, '404.html'), '<h1>Không tìm thấy</h1>');
  await writeFile(path.join(build, 'tin-tuc', 'bai-mot', 'index.html'), '<h1>Bài một</h1>');
  await writeFile(path.join(build, 'rss.xml'), '<rss/>');
  await writeFile(path.join(build, '_astro', 'app.AbC123.css'), 'body{}');
  for (const f of ['pagefind/pagefind.js', 'pagefind/wasm.vi.pagefind', 'pagefind/pagefind-entry.json', 'pagefind/fragment/x.pf_fragment', 'pagefind/index_1.pf_index', 'pagefind/pagefind.vi.pf_meta', 'pagefind/wasm.wasm']) {
    await writeFile(path.join(build, f), 'x');
  }
  await writeFile(path.join(dir, 'secret.txt'), 'outside the site');
  await symlink('builds/b1', path.join(dir, 'current'));
  server = await startStaticServer({ root: path.join(dir, 'current'), port: 0 });
});

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('static site server', () => {
  it('serves directory indexes and redirects a folder without its slash', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>Trang chủ</h1>' });
    expect(await get('/tin-tuc/bai-mot/')).toMatchObject({ status: 200, body: '<h1>Bài một</h1>' });
    expect(await get('/tin-tuc/bai-mot?x=1')).toMatchObject({ status: 301, location: '/tin-tuc/bai-mot/?x=1' });
    expect(await get('/tin-tuc/b%C3%A0i-kh%C3%B4ng-c%C3%B3/')).toMatchObject({ status: 404, body: '<h1>Không tìm thấy</h1>' });
  });

  it('sends the right content types for feeds, Pagefind and WebAssembly', async () => {
    const types: Record<string, string> = {
      '/rss.xml': 'application/xml; charset=utf-8',
      '/pagefind/pagefind.js': 'text/javascript; charset=utf-8',
      '/pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
      '/pagefind/wasm.vi.pagefind': 'application/octet-stream',
      '/pagefind/fragment/x.pf_fragment': 'application/octet-stream',
      '/pagefind/index_1.pf_index': 'application/octet-stream',
      '/pagefind/pagefind.vi.pf_meta': 'application/octet-stream',
      '/pagefind/wasm.wasm': 'application/wasm',
      '/_astro/app.AbC123.css': 'text/css; charset=utf-8',
    };
    for (const [url, type] of Object.entries(types)) expect({ url, type: (await get(url)).type }).toEqual({ url, type });
  });

  it('caches hashed assets for a year and revalidates pages', async () => {
    expect((await get('/_astro/app.AbC123.css')).cache).toContain('immutable');
    expect((await get('/')).cache).toBe('no-cache');
  });

  it('sends the security headers and CSP of the production nginx on every response', async () => {
    const csp = await nginxCsp();
    // The policy was read, not an empty or partial string.
    expect(directive(csp, 'script-src')).toContain("'self'");
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    for (const p of ['/', '/tin-tuc/bai-mot/', '/khong-co/', '/_astro/app.AbC123.css', '/pagefind/pagefind.js', '/tin-tuc/bai-mot', '/..%5csecret.txt']) {
      const { headers } = await get(p);
      expect({ p, csp: headers['content-security-policy'] }).toEqual({ p, csp });
      expect({ p, nosniff: headers['x-content-type-options'], referrer: headers['referrer-policy'] }).toEqual({
        p,
        nosniff: 'nosniff',
        referrer: 'strict-origin-when-cross-origin',
      });
    }
  });

  it('never serves a file outside the build', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/tin-tuc/..%2f..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const res = await get(p);
      expect({ p, leaked: res.body.includes('outside the site') }).toEqual({ p, leaked: false });
      expect([400, 404]).toContain(res.status);
    }
    expect(resolveInside('/srv/site', '/../etc/passwd')).toBe('/srv/site/etc/passwd');
    expect(resolveInside('/srv/site', '/%E0%A4%A')).toBeNull();
  });
});
