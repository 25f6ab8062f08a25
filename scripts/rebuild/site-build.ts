/**
 * The default build command: the site workspace's own build (`npm run build -w @toa-soan/site`)
 * with SITE_OUT_DIR pointing at the fresh folder, its output written to the build's log file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildCommand } from './rebuilder';

export const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SiteBuildOptions {
  cmsUrl: string;
  siteUrl: string;
  strapiToken?: string;
  /** Repository root holding the workspaces. */
  repoDir?: string;
  /** Extra environment (tests). */
  env?: Record<string, string>;
}

export interface SiteBuild {
  build: BuildCommand;
  /** Stops a build under way (Ctrl-C); it then fails and nothing is swapped in. */
  abort(): void;
}

export function createSiteBuild(options: SiteBuildOptions): SiteBuild {
  const children = new Set<ChildProcess>();
  const build: BuildCommand = async ({ outDir, logFile, env: laneEnv }) => {
    const log = createWriteStream(logFile);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CMS_URL: options.cmsUrl,
      SITE_URL: options.siteUrl,
      SITE_OUT_DIR: outDir,
      ...laneEnv,
      ...options.env,
    };
    if (options.strapiToken) env.STRAPI_TOKEN = options.strapiToken;
    else delete env.STRAPI_TOKEN;
    const child = spawn('npm', ['run', 'build', '-w', '@toa-soan/site'], {
      cwd: options.repoDir ?? REPO_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so aborting reaches npm's shell and Astro too.
      detached: true,
    });
    children.add(child);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const code = await new Promise<number | string>((resolve) => {
      child.on('error', (error) => resolve(error.message));
      child.on('close', (exitCode, signal) => resolve(exitCode ?? signal ?? -1));
    });
    children.delete(child);
    await new Promise<void>((resolve) => log.end(resolve));
    if (code !== 0) throw new Error(`site build exited with ${code}: ${await lastError(logFile)}`);
  };
  return {
    build,
    abort: () => {
      for (const child of children) {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}

/** The most telling line of a failed build: the last one that looks like an error. */
async function lastError(logFile: string): Promise<string> {
  const lines = (await readFile(logFile, 'utf8').catch(() => ''))
    .split('\n')
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter((l) => l && !l.startsWith('npm error') && !l.startsWith('>'));
  const error = [...lines].reverse().find((l) => /error|unreachable|failed|refused/i.test(l));
  return (error ?? lines.at(-1) ?? 'no output').slice(0, 500);
}
