/**
 * The site's build script (`astro build && node scripts/merge-fast-lane.ts && node scripts/check-xml.ts && node scripts/index-search.ts`) run as tests need it:
 * with caches inside the test's own folder (ASTRO_CACHE_DIR, SEARCH_CACHE_DIR: other builds of this
 * site on the machine would otherwise replace the content store between the test's builds) and
 * `env` on top.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MERGE_FAST_LANE = 'scripts/merge-fast-lane.ts';
const CHECK_XML = 'scripts/check-xml.ts';
const INDEX_SEARCH = 'scripts/index-search.ts';
const ASTRO_BIN = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

export interface BuildResult {
  code: number | null;
  log: string;
}

export interface BuildOptions {
  /** `astro build` alone, as a fast lane runs it (no XML check, no search index). */
  astroOnly?: boolean;
  /** Node's arguments for the Astro step instead of `astro build` (a script of test/support). */
  astro?: string[];
}

export async function astroBuild(work: string, env: Record<string, string>, options: BuildOptions = {}): Promise<BuildResult> {
  const fullEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_CACHE_DIR: path.join(work, 'astro-cache'),
    SEARCH_CACHE_DIR: path.join(work, 'search-cache'),
    SITE_URL: 'https://thapmuoi.example.vn',
    ...env,
  };
  let log = '';
  const astro = options.astro ?? [ASTRO_BIN, 'build'];
  const steps = options.astroOnly ? [astro] : [astro, [MERGE_FAST_LANE], [CHECK_XML], [INDEX_SEARCH]];
  for (const step of steps) {
    const result = await run(step, fullEnv);
    log += result.log;
    if (result.code !== 0) return { code: result.code, log };
  }
  return { code: 0, log };
}

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<BuildResult> {
  const result = await execa(process.execPath, args, { cwd: SITE_DIR, env, extendEnv: false, stdin: 'ignore', all: true, reject: false });
  return { code: result.exitCode ?? null, log: result.all };
}
