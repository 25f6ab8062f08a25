/**
 * The whole newsroom for one end-to-end run, on throwaway state: Strapi with its admin panel and
 * demo content, the rebuild service (scripts/rebuild) building the Astro site on Strapi's
 * webhooks, and the static server (scripts/lib) serving its live build.
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreviewServer, SITE_DIR, startPreviewServer } from '../lib/preview-server';
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
  /** The draft preview server the admin's "Mở bản xem trước" opens, when asked for. */
  previewUrl?: string;
  /** The rebuild service's log lines so far, for failure messages. */
  rebuildLog(): string;
  stop(): Promise<void>;
}

/**
 * `cmsEnv`: more CMS settings for one journey, e.g. a scheduling task that looks every few seconds;
 * `preview`: also build and run the draft preview server (site/preview) and give Strapi its address.
 */
export async function startStack(options: { cmsEnv?: Record<string, string>; preview?: boolean } = {}): Promise<Stack> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-e2e-'));
  const reaper = startOrphanReaper(workDir);
  const stops: Array<() => Promise<void>> = [
    async () => void reaper.kill('SIGTERM'),
    () => rm(workDir, { recursive: true, force: true }),
  ];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const fn of stops.reverse()) await fn().catch((error) => console.error('e2e cleanup:', error));
    })());
  const log: string[] = [];
  // Interrupted runs (Ctrl-C, CI cancelling the job) must not leave Strapi or a build running.
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  stops.push(async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  try {
    // Every address is fixed up front: Strapi needs the webhook URL, the builds need both origins.
    // CMS_PORT/SITE_PORT/REBUILD_PORT/PREVIEW_PORT pin them (a machine shared by several runs), else free ones.
    const port = async (name: string) => Number(process.env[name]?.trim()) || (await freePort());
    const [cmsPort, sitePort, rebuildPort, previewPort] = [await port('CMS_PORT'), await port('SITE_PORT'), await port('REBUILD_PORT'), await port('PREVIEW_PORT')];
    const cmsUrl = `http://127.0.0.1:${cmsPort}`;
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    const previewUrl = options.preview ? `http://127.0.0.1:${previewPort}` : undefined;
    const secret = randomBytes(16).toString('hex');
    const preview = { PREVIEW_SECRET: randomBytes(24).toString('hex'), PREVIEW_TOKEN: randomBytes(24).toString('hex') };

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
      env: {
        SEED_DEMO_CONTENT: 'true',
        REBUILD_WEBHOOK_URL: rebuild.server.webhookUrl,
        REBUILD_WEBHOOK_SECRET: secret,
        ...(previewUrl ? { PREVIEW_URL: previewUrl, ...preview } : {}),
        ...options.cmsEnv,
      },
    });
    stops.push(() => cms.stop());
    await appendFile(path.join(workDir, '.reap'), `${path.dirname(cms.publicDir)}\n`);

    const first = await rebuild.rebuilder.rebuildNow({ event: 'e2e.start', receivedAt: new Date().toISOString() });
    if (first.result !== 'success') throw new Error(`The first site build failed: ${first.error}\n${log.join('\n')}`);

    const site = await startStaticServer({ root: rebuild.rebuilder.folders.currentLink, port: sitePort, host: '127.0.0.1' });
    stops.push(() => site.stop());

    if (previewUrl) {
      // Inside site/: the server bundle imports its packages from site's node_modules.
      const outDir = await mkdtemp(path.join(SITE_DIR, 'node_modules', '.toa-soan-e2e-preview-'));
      stops.push(() => rm(outDir, { recursive: true, force: true }));
      await buildPreviewServer({ cmsUrl, siteUrl, outDir });
      const server = await startPreviewServer({
        port: previewPort,
        cmsUrl,
        siteUrl,
        strapiToken: preview.PREVIEW_TOKEN,
        previewSecret: preview.PREVIEW_SECRET,
        cmsPublicUrl: cmsUrl,
        outDir,
      });
      stops.push(() => server.stop());
    }
    return { cms, siteUrl, rebuild, previewUrl, rebuildLog: () => log.join('\n'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A detached watcher that ends this run's processes and deletes its folders if this process dies
 * without stopping the stack (see orphan-reaper.ts); dismissed by a clean stop.
 */
function startOrphanReaper(workDir: string): ChildProcess {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'orphan-reaper.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(process.pid), workDir], {
    cwd: REPO_DIR,
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child;
}
