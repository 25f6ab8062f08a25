/**
 * The whole newsroom for one end-to-end run, on throwaway state: Strapi with its admin panel and
 * demo content, a webhook-driven rebuild of the Astro site, and a static server for the result.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { freePort, startCms, type CmsServer } from '../testing/cms-server';
import { startRebuilder, type Rebuilder } from './rebuilder';
import { startStaticServer, type StaticServer } from './static-server';

export const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Stack {
  cms: CmsServer;
  /** Where readers open the site, e.g. http://127.0.0.1:40555 */
  siteUrl: string;
  rebuilder: Rebuilder;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-e2e-'));
  const stops: Array<() => Promise<void>> = [() => rm(workDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error) => console.error('e2e cleanup:', error));
  };
  try {
    const sitePort = await freePort();
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    const secret = randomBytes(16).toString('hex');

    let cmsUrl = '';
    const rebuilder = await startRebuilder({
      secret,
      buildsDir: path.join(workDir, 'builds'),
      build: (outDir) => buildSite({ cmsUrl, siteUrl, outDir }),
    });
    stops.push(() => rebuilder.stop());

    const cms = await startCms({
      serveAdmin: true,
      env: { SEED_DEMO_CONTENT: 'true', REBUILD_WEBHOOK_URL: rebuilder.webhookUrl, REBUILD_WEBHOOK_SECRET: secret },
    });
    stops.push(() => cms.stop());
    cmsUrl = cms.url;

    // The first site, from the demo content; later ones follow the CMS's webhooks.
    await rebuilder.rebuildNow();
    const site = await startStaticServer({ port: sitePort, root: () => rebuilder.current() });
    stops.push(() => site.stop());
    return { cms, siteUrl, rebuilder, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `npm run build -w @toa-soan/site` into outDir; rejects with the build's output on failure. */
export function buildSite(env: { cmsUrl: string; siteUrl: string; outDir: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn('npm', ['run', 'build', '-w', '@toa-soan/site'], {
      cwd: REPO_DIR,
      env: { ...process.env, CMS_URL: env.cmsUrl, SITE_URL: env.siteUrl, SITE_OUT_DIR: env.outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Site build exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

export type { StaticServer };
