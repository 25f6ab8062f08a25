/**
 * The draft preview server (site/preview/, site/README.md "Draft preview"): built with its own
 * Astro config and run as a Node process. Shared by `npm start`, the preview test and the e2e run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { waitFor } from './wait-for';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'site');
const ASTRO_BIN = path.join(path.dirname(createRequire(path.join(SITE_DIR, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
const DEFAULT_OUT_DIR = path.join(SITE_DIR, 'dist-preview');

export interface PreviewBuildOptions {
  /** The CMS photos are fetched from (the image service only fetches from it). */
  cmsUrl: string;
  siteUrl: string;
  /** Default site/dist-preview. Somewhere under site/: the server imports its packages from there. */
  outDir?: string;
  /** Astro's output goes here; else it is returned in the error only. */
  logFile?: string;
}

/** `astro build --config astro.preview.config.ts`: a few seconds, nothing read from the CMS. */
export async function buildPreviewServer(options: PreviewBuildOptions): Promise<void> {
  const env = { ...process.env, CMS_URL: options.cmsUrl, SITE_URL: options.siteUrl, PREVIEW_OUT_DIR: options.outDir ?? DEFAULT_OUT_DIR, ASTRO_TELEMETRY_DISABLED: '1' };
  const output = options.logFile ? { stdout: { file: options.logFile, append: true }, stderr: { file: options.logFile, append: true } } : {};
  const run = await execa(process.execPath, [ASTRO_BIN, 'build', '--config', 'astro.preview.config.ts'], { cwd: SITE_DIR, env, reject: false, all: !options.logFile, ...output });
  if (run.exitCode !== 0) throw new Error(`preview server build failed (exit ${run.exitCode})${options.logFile ? `; see ${options.logFile}` : `:\n${String(run.all ?? '').slice(-3000)}`}`);
}

export interface PreviewServerOptions {
  port: number;
  host?: string;
  cmsUrl: string;
  siteUrl: string;
  /** An API token that may read drafts: the CMS's PREVIEW_TOKEN. */
  strapiToken: string;
  /** The CMS's PREVIEW_SECRET. */
  previewSecret: string;
  /** Where editors open the admin (the only page allowed to frame a preview). Default cmsUrl. */
  cmsPublicUrl?: string;
  outDir?: string;
  /** The server's output is appended here. */
  logFile?: string;
}

export interface PreviewServer {
  /** e.g. http://127.0.0.1:4323 */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a built preview server and resolves once it answers HTTP. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: host,
    PORT: String(options.port),
    CMS_URL: options.cmsUrl,
    SITE_URL: options.siteUrl,
    STRAPI_TOKEN: options.strapiToken,
    PREVIEW_SECRET: options.previewSecret,
    CMS_PUBLIC_URL: options.cmsPublicUrl ?? options.cmsUrl,
  };
  const entry = path.join(options.outDir ?? DEFAULT_OUT_DIR, 'server', 'entry.mjs');
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log?.write(chunk);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    log?.end();
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`preview server exited with ${child.exitCode}:\n${output.slice(-2000)}`);
        // Any answer means it listens (the bare path is a 404).
        return (await fetch(`${url}/xem-truoc/`).then(() => true, () => undefined));
      },
      { timeoutMs: 30_000, timeoutError: () => new Error(`preview server did not answer ${url} within 30 s:\n${output.slice(-2000)}`) },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}
