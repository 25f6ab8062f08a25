/**
 * Runs the site's own build command (the `build` script of site/package.json: `astro build …`,
 * then its `&& node …` steps such as the Pagefind index, one after the other) against the bench CMS and records what it prints, line by line with arrival times, plus Astro's
 * phase timer and the peak memory of its process tree.
 *
 * Two things keep a bench build from sharing state with other builds of the same site running
 * at the same time (developers, tests, the rebuild service):
 * - `ASTRO_CACHE_DIR` moves Astro's `cacheDir` (content-layer data store, image cache; the site's
 *   config derives the fast lane's from it), and `--config` points at a small wrapper config in the
 *   bench's work folder that imports the site's own config and moves
 *   Vite's cache there, so a cold run is really cold and nobody else's cache is touched;
 * - Astro runs with `--root site` from the work folder rather than via npm from site/: when the
 *   output folder is outside the working directory Astro renders through `<cwd>/.astro/.prerender`,
 *   which concurrent builds started from site/ would share (and delete under each other).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { sampleMemory, type TreeMemory } from './proc';

export const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE_DIR = path.join(REPO_DIR, 'site');

export interface BuildLine {
  /** Milliseconds since the build started. */
  t: number;
  text: string;
}

export interface SiteBuildResult {
  exitCode: number | null;
  seconds: number;
  lines: BuildLine[];
  /** Astro's own phase timer (ASTRO_TIMER_PATH): name → milliseconds. */
  astroTimer: Record<string, number>;
  /** With the last line starting or ending a phase before the memory peaked: the phase that holds the most. */
  memory: TreeMemory & { peakAfterLine: string | null };
}

export interface SiteBuildOptions {
  cmsUrl: string;
  token?: string;
  siteUrl: string;
  outDir: string;
  cacheDir: string;
  /** Where the wrapper config, timer file and log go. */
  workDir: string;
  label: string;
  /** Write V8 CPU profiles of every Node process of the build here. */
  cpuProfileDir?: string;
  /** Also called for each line as it arrives (progress on the console). */
  onLine?: (line: BuildLine) => void;
  /** On top of the build's environment: what the rebuild service gives a build (route keys, fast lane). */
  env?: Record<string, string>;
  /** False: Astro's incremental build off, every route rendered, no manifest (a comparison, not how the site builds). */
  incrementalBuild?: boolean;
}

const CONFIG_NAMES = ['astro.config.ts', 'astro.config.mts', 'astro.config.mjs', 'astro.config.js'];

async function writeWrapperConfig(workDir: string, cacheDir: string, incrementalBuild: boolean): Promise<string> {
  const siteConfig = CONFIG_NAMES.map((name) => path.join(SITE_DIR, name)).find((file) => existsSync(file));
  if (!siteConfig) throw new Error(`Bench: no Astro config in ${SITE_DIR} (looked for ${CONFIG_NAMES.join(', ')})`);
  const wrapper = path.join(workDir, 'astro.bench.config.ts');
  await writeFile(
    wrapper,
    [
      '// Written by scripts/bench: the site config with the bench cache folder.',
      `import site from ${JSON.stringify(siteConfig)};`,
      `export default { ...site, vite: { ...site.vite, cacheDir: ${JSON.stringify(path.join(cacheDir, 'vite'))} }${
        incrementalBuild ? '' : ', experimental: { ...site.experimental, incrementalBuild: false }'
      } };`,
      '',
    ].join('\n'),
  );
  return wrapper;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** A line that starts or ends a phase: not one of Astro's per-route (├─, └─, `(+12ms)`) or per-image (▶) lines. */
const isMilestone = (text: string) => text.trim() !== '' && !/[├└▶]|^\s*\(\+\d+ms\)\s*$/.test(text);

/**
 * The steps of the site's `build` script: an `astro build …` command, optionally followed by
 * `&& node <script> …` steps (the Pagefind index runs once Astro has exited).
 */
export function siteBuildSteps(script: string | undefined): { astroArgs: string[]; nodeSteps: string[][] } {
  const steps = (script ?? '').split('&&').map((step) => step.trim().split(/\s+/));
  const [astro, ...rest] = steps;
  const plain = !/[;|&]/.test((script ?? '').replaceAll('&&', ''));
  if (!plain || astro?.[0] !== 'astro' || astro[1] !== 'build' || rest.some((step) => step[0] !== 'node' || step.length < 2)) {
    throw new Error(`Bench: site/package.json "build" must be \`astro build …\` optionally followed by \`&& node <script> …\` steps to be measured, got "${script}"`);
  }
  return { astroArgs: astro.slice(1), nodeSteps: rest.map((step) => step.slice(1)) };
}

function readBuildScript(): string | undefined {
  return (JSON.parse(readFileSync(path.join(SITE_DIR, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.build;
}

function astroBin(): string {
  const pkg = createRequire(path.join(SITE_DIR, 'package.json')).resolve('astro/package.json');
  return path.join(path.dirname(pkg), 'bin', 'astro.mjs');
}

export async function runSiteBuild(options: SiteBuildOptions): Promise<SiteBuildResult> {
  // A fast lane keeps its own Astro cache, as the site's config does outside the bench.
  const wrapper = await writeWrapperConfig(options.workDir, options.cacheDir, options.incrementalBuild !== false);
  const timerFile = path.join(options.workDir, `astro-timer-${options.label}.json`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CMS_URL: options.cmsUrl,
    SITE_URL: options.siteUrl,
    SITE_OUT_DIR: options.outDir,
    // The search bundles kept between builds, beside Astro's own cache: a cold run is cold.
    ASTRO_CACHE_DIR: options.cacheDir,
    SEARCH_CACHE_DIR: path.join(options.cacheDir, 'toa-soan', 'search'),
    ASTRO_TIMER_PATH: timerFile,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...options.env,
  };
  if (options.token) env.STRAPI_TOKEN = options.token;
  else delete env.STRAPI_TOKEN;
  if (options.cpuProfileDir) {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${options.cpuProfileDir}`.trim();
  }

  const { astroArgs, nodeSteps } = siteBuildSteps(readBuildScript());
  const steps: { args: string[]; cwd: string }[] = [
    { args: [astroBin(), ...astroArgs, '--root', SITE_DIR, '--config', path.relative(SITE_DIR, wrapper)], cwd: options.workDir },
    // Later steps run from site/, as npm runs the script.
    ...nodeSteps.map((args) => ({ args, cwd: SITE_DIR })),
  ];

  const started = performance.now();
  let current: number | undefined;
  const memory = sampleMemory(() => (current ? [current] : []));
  const lines: BuildLine[] = [];
  // Each line as it arrives, with its time: the phases are read from these.
  const collect = function* (text: string) {
    const line = { t: Math.round(performance.now() - started), text: text.replace(ANSI, '') };
    lines.push(line);
    options.onLine?.(line);
  };
  let exitCode: number | null = 0;
  // `&&`: each step only after the previous one succeeded.
  for (const step of steps) {
    const child = execa(process.execPath, step.args, {
      cwd: step.cwd,
      env,
      extendEnv: false,
      stdin: 'ignore',
      stdout: [collect],
      stderr: [collect],
      buffer: false,
      reject: false,
    });
    current = child.pid;
    exitCode = (await child).exitCode ?? null;
    if (exitCode !== 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const tree = memory.stop();
  const astroTimer: Record<string, number> = {};
  try {
    const stats = JSON.parse(await readFile(timerFile, 'utf8')) as Record<string, { elapsedTime: number }>;
    for (const [name, stat] of Object.entries(stats)) astroTimer[name] = Math.round(stat.elapsedTime);
  } catch {
    // A failed build writes no timer file; the exit code says so.
  }
  await writeFile(path.join(options.workDir, `build-${options.label}.log`), lines.map((l) => `${(l.t / 1000).toFixed(3)}s ${l.text}`).join('\n'));
  const peakAfterLine = lines.findLast((line) => line.t <= tree.peakTreeAtMs && isMilestone(line.text))?.text.trim() ?? null;
  return { exitCode, seconds, lines, astroTimer, memory: { ...tree, peakAfterLine } };
}
