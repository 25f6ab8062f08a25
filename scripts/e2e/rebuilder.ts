/**
 * A small webhook-driven rebuild loop for the end-to-end run: Strapi's webhook (checked against
 * the shared secret) starts a site build into a fresh folder, which becomes current only when the
 * build succeeds, so readers never see a half-written site. Webhooks arriving during a build are
 * coalesced into one follow-up build.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../testing/cms-server';

export interface Rebuilder {
  webhookUrl: string;
  /** The folder of the last successful build. */
  current(): string;
  /** Builds now (or joins the build under way and the one after it). */
  rebuildNow(): Promise<void>;
  /** Successful builds and failures so far, for assertions and diagnostics. */
  stats(): { builds: number; webhooks: number; failures: string[] };
  stop(): Promise<void>;
}

export interface RebuilderOptions {
  secret: string;
  buildsDir: string;
  build(outDir: string): Promise<void>;
}

export async function startRebuilder(options: RebuilderOptions): Promise<Rebuilder> {
  await mkdir(options.buildsDir, { recursive: true });
  let current = '';
  let serial = 0;
  let builds = 0;
  let webhooks = 0;
  const failures: string[] = [];
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;

  const buildOnce = async () => {
    const outDir = path.join(options.buildsDir, String(++serial));
    try {
      await options.build(outDir);
    } catch (error) {
      failures.push((error as Error).message);
      await rm(outDir, { recursive: true, force: true });
      throw error;
    }
    const previous = current;
    current = outDir;
    builds += 1;
    if (previous) await rm(previous, { recursive: true, force: true });
  };

  const rebuildNow = (): Promise<void> => {
    if (!running) {
      running = buildOnce().finally(() => (running = null));
      return running;
    }
    // A build is under way with older content: queue exactly one more after it.
    again ??= running.catch(() => {}).then(() => {
      again = null;
      return rebuildNow();
    });
    return again;
  };

  const port = await freePort();
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    await drain(req);
    if (req.headers['x-webhook-secret'] !== options.secret) return void res.writeHead(401).end();
    webhooks += 1;
    res.writeHead(202).end();
    rebuildNow().catch(() => {}); // recorded in failures
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    webhookUrl: `http://127.0.0.1:${port}/`,
    current: () => {
      if (!current) throw new Error('No site has been built yet');
      return current;
    },
    rebuildNow,
    stats: () => ({ builds, webhooks, failures: [...failures] }),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await (again ?? running)?.catch(() => {});
    },
  };
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req);
}
