/**
 * Serves the current site build the way the production static server does: `/x/` → `/x/index.html`,
 * `/x` redirects to `/x/` when that is a folder, unknown paths get the site's 404 page.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export async function startStaticServer(options: { port: number; root: () => string }): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const root = options.root();
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) return void res.writeHead(400).end();
    const found = await resolveFile(file);
    if (found === 'directory') return void res.writeHead(301, { Location: `${pathname}/` }).end();
    const target = found ?? path.join(root, '404.html');
    const status = found ? 200 : 404;
    if (!found && !(await resolveFile(target))) return void res.writeHead(404).end('Not found');
    res.writeHead(status, { 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The file to send for this path, 'directory' when it needs a trailing slash, or null. */
async function resolveFile(file: string): Promise<string | 'directory' | null> {
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = path.join(file, 'index.html');
    if (!file.endsWith(path.sep)) return (await stat(index).catch(() => null))?.isFile() ? 'directory' : null;
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}
