/**
 * A pass-through HTTP proxy in front of the CMS that records the REST requests (`/api/…`) the
 * site build sends, so tests can count them independently of the build's own log.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  url: string;
  /** Paths with query of the `/api/` requests since the last `reset()`. */
  apiRequests: string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const apiRequests: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/api/')) apiRequests.push(decodeURIComponent(req.url));
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiRequests,
    reset: () => void apiRequests.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
