/**
 * The whole newsroom for one end-to-end run, on throwaway state: Strapi with its admin panel and
 * demo content, the rebuild service (scripts/rebuild) building the Astro site on Strapi's
 * webhooks, and the static server (scripts/lib) serving its live build.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer } from '../lib/static-server';
import { REPO_DIR } from '../rebuild/site-build';
import { startRebuildService, type RebuildService } from '../rebuild/service';
import { freePort, startCms, type CmsServer } from '../testing/cms-server';

export { REPO_DIR };

export interface Stack {
  cms: CmsServer;
  /** Where readers open the site, e.g. http://127.0.0.1:40555 */
  siteUrl: string;
  rebuild: RebuildService;
  /** The rebuild service's log lines so far, for failure messages. */
  rebuildLog(): string;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-e2e-'));
  const stops: Array<() => Promise<void>> = [() => rm(workDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error) => console.error('e2e cleanup:', error));
  };
  const log: string[] = [];
  try {
    // Every address is fixed up front: Strapi needs the webhook URL, the builds need both origins.
    const [cmsPort, sitePort, rebuildPort] = [await freePort(), await freePort(), await freePort()];
    const cmsUrl = `http://127.0.0.1:${cmsPort}`;
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    const secret = randomBytes(16).toString('hex');

    const rebuild = await startRebuildService(
      {
        secret,
        port: rebuildPort,
        host: '127.0.0.1',
        stateDir: path.join(workDir, 'rebuild'),
        cmsUrl,
        siteUrl,
        debounceMs: 500,
        keep: 2,
        // Webhooks fired while Strapi seeds (before it answers HTTP) fail their build; the
        // explicit first build below follows, so no timed retry is wanted.
        retryMs: 0,
      },
      { log: (line) => log.push(line) },
    );
    stops.push(() => rebuild.stop());

    const cms = await startCms({
      port: cmsPort,
      serveAdmin: true,
      env: { SEED_DEMO_CONTENT: 'true', REBUILD_WEBHOOK_URL: rebuild.server.webhookUrl, REBUILD_WEBHOOK_SECRET: secret },
    });
    stops.push(() => cms.stop());

    const first = await rebuild.rebuilder.rebuildNow({ event: 'e2e.start', receivedAt: new Date().toISOString() });
    if (first.result !== 'success') throw new Error(`The first site build failed: ${first.error}\n${log.join('\n')}`);

    const site = await startStaticServer({ root: rebuild.rebuilder.folders.currentLink, port: sitePort, host: '127.0.0.1' });
    stops.push(() => site.stop());
    return { cms, siteUrl, rebuild, rebuildLog: () => log.join('\n'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
