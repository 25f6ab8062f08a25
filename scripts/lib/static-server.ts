/**
 * A small static file server for the built site (local `npm start` and tests); production uses
 * nginx with scripts/web/nginx.conf. The root is resolved once per request (the `current` symlink
 * → one build folder), so a request is served from a single build even if a swap happens mid-way.
 * Every response carries nginx.conf's security headers (CSP included), read from that file, so
 * `npm start` shows what the policy blocks exactly as production would.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { nginxSecurityHeaders } from '../web/csp';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind's index: compressed binary chunks fetched by its search script.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServerOptions {
  /** The folder to serve, re-read per request (may be a symlink that is swapped). */
  root: string;
  port: number;
  host?: string;
}

export interface StaticServer {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

type Found = { kind: 'file'; file: string; size: number } | { kind: 'directory' } | null;

async function find(file: string): Promise<Found> {
  try {
    const info = await stat(file);
    if (info.isFile()) return { kind: 'file', file, size: info.size };
    if (info.isDirectory()) {
      const index = path.join(file, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      return indexInfo?.isFile() ? { kind: 'directory' } : null;
    }
  } catch {
    // missing
  }
  return null;
}

/** Maps a URL path to a file inside root, or null when it would leave root or is malformed. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function cacheControl(urlPath: string): string {
  // Astro's hashed assets never change under the same name; everything else may on the next build.
  return urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function handle(req: IncomingMessage, res: ServerResponse, rootLink: string, security: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let root: string;
  try {
    root = await realpath(rootLink);
  } catch {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10' });
    res.end('The site has not been built yet; see the npm start output for the build log.\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = resolveInside(root, url.pathname);
  if (!file) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path\n');
    return;
  }
  let found = await find(file);
  if (found?.kind === 'directory') {
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    found = await find(path.join(file, 'index.html'));
  }
  let status = 200;
  if (!found || found.kind !== 'file') {
    status = 404;
    found = await find(path.join(root, '404.html'));
    if (!found || found.kind !== 'file') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
  }
  res.writeHead(status, {
    'Content-Type': contentType(found.file),
    'Content-Length': found.size,
    'Cache-Control': status === 200 ? cacheControl(url.pathname) : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const rootLink = path.resolve(options.root);
  const security = await nginxSecurityHeaders();
  const server = createServer((req, res) => {
    handle(req, res, rootLink, security).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port, host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    server,
    stop: () => close(server),
  };
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use`) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
