/**
 * docker-compose.yml against the code, through the schemas the code reads its environment with:
 * the CMS's `cmsEnvSchema` (its env helpers only read its variables), and for the rebuild service
 * the functions that read its settings and those of the site build it runs. Compose's resolved
 * environment (`docker-compose config` with .env.example filled in) must pass them, every
 * variable they read must be documented in .env.example, and a required secret left empty must
 * stop compose.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cmsEnvSchema } from '@toa-soan/cms/env';
import { readEnv } from '@toa-soan/site/env';
import { readPreviewEnv } from '@toa-soan/site/preview-env';
import { readSearchSettings } from '@toa-soan/site/search-settings';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { readRebuildConfig } from '../rebuild/service';
import { REPO_DIR } from '../rebuild/site-build';

/** Read by Node or Strapi themselves, not by our code: compose may set them to these values. */
const runtime = { NODE_ENV: z.literal('production'), STRAPI_TELEMETRY_DISABLED: z.literal('true') };
/** Read by the rebuild service's entry point (scripts/rebuild/main.ts) rather than its config. */
const REBUILD_ENTRY_VARIABLES = ['REBUILD_ON_START'];

/** Runs what reads the rebuild container's settings on `env`; returns the names they looked at. Throws on a bad value. */
function rebuildReads(env: Record<string, string>): Set<string> {
  const seen = new Set<string>(REBUILD_ENTRY_VARIABLES);
  const watched = new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') seen.add(name);
      return target[name as string];
    },
  });
  readRebuildConfig(watched);
  readEnv(watched);
  readSearchSettings(watched);
  return seen;
}

/** Read by Astro's Node adapter (the preview server's HTTP listener), not by our code. */
const PREVIEW_ADAPTER_VARIABLES = ['HOST', 'PORT'];

/** Runs what reads the preview container's settings on `env`; returns the names it looked at. Throws on a bad value. */
function previewReads(env: Record<string, string>): Set<string> {
  const seen = new Set<string>(PREVIEW_ADAPTER_VARIABLES);
  readPreviewEnv(new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') seen.add(name);
      return target[name as string];
    },
  }));
  return seen;
}

const compose = path.join(REPO_DIR, 'docker-compose.yml');
const bin = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((p) => existsSync(p));
let dir: string;
let example: string;
const composeConfig = (envFile: string) => execa(bin!, ['-f', compose, '--env-file', envFile, 'config'], { cwd: REPO_DIR, reject: false });
const fill = (except?: string) => example.replace(/^([A-Z][A-Z0-9_]*)=$/gm, (line, name: string) => (name === except ? line : `${name}=placeholder`));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-compose-'));
  example = await readFile(path.join(REPO_DIR, '.env.example'), 'utf8');
});
afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

/** Each service's environment as compose resolves it with .env.example filled in. */
async function resolvedEnvironment(): Promise<Record<string, Record<string, string>>> {
  expect(bin, 'docker-compose is not installed: apt-get install -y docker-compose').toBeDefined();
  const envFile = path.join(dir, 'filled.env');
  await writeFile(envFile, fill());
  const run = await composeConfig(envFile);
  expect(run.stderr).toBe('');
  const services = (parse(run.stdout) as { services: Record<string, { environment?: Record<string, string> }> }).services;
  return Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.environment ?? {}]));
}

it('gives the CMS only variables its schema knows, each in the form it expects', async () => {
  const { cms } = await resolvedEnvironment();
  expect(Object.keys(cms!).length).toBeGreaterThan(5);
  const result = cmsEnvSchema.extend(runtime).strict().safeParse(cms);
  expect(result.error?.issues ?? []).toEqual([]);
});

it('gives the rebuild service only variables it and the site build read, each one they accept', async () => {
  const { rebuild } = await resolvedEnvironment();
  expect(Object.keys(rebuild!).length).toBeGreaterThan(5);
  const read = rebuildReads(rebuild!);
  expect(Object.keys(rebuild!).filter((name) => !read.has(name)), 'set by compose, read by nothing').toEqual([]);
});

it('gives the preview server only variables it reads, each one it accepts', async () => {
  const { preview } = await resolvedEnvironment();
  expect(Object.keys(preview!).length).toBeGreaterThan(4);
  const read = previewReads(preview!);
  expect(Object.keys(preview!).filter((name) => !read.has(name)), 'set by compose, read by nothing').toEqual([]);
  // The token it reads drafts with is the one the CMS keeps, and links are signed with the CMS's secret.
  const { cms } = await resolvedEnvironment();
  expect(preview!.STRAPI_TOKEN).toBe(cms!.PREVIEW_TOKEN);
  expect(preview!.PREVIEW_SECRET).toBe(cms!.PREVIEW_SECRET);
});

const SERVICE_CHOSEN = ['SITE_OUT_DIR', 'SITE_ROUTE_KEYS_DIR', 'SITE_FAST_LANE_FROM', 'SITE_LIVE_DIR', 'SITE_LIVE_CLONE', 'SITE_SEARCH_PLAN'];

it('documents in .env.example every variable the CMS, the rebuild service and the preview server read, and every one compose uses', async () => {
  const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
  // The build output folder and the fast lane's folders (route keys, the live build and its copy)
  // are the rebuild service's to choose, and the search plan's path the build's own (its
  // search-ahead integration sets it), never the operator's. (The
  // secret is given: without it the rebuild config stops before reading the rest.) HOST and PORT
  // are the preview container's own, fixed by compose.
  const preview = [...previewReads({ STRAPI_TOKEN: 'any', PREVIEW_SECRET: 'any' })].filter((name) => !PREVIEW_ADAPTER_VARIABLES.includes(name));
  const read = [...Object.keys(cmsEnvSchema.shape), ...rebuildReads({ REBUILD_WEBHOOK_SECRET: 'any' }), ...preview].filter((name) => !SERVICE_CHOSEN.includes(name));
  expect(read.filter((name) => !documented.has(name)), 'read by the code, missing from .env.example').toEqual([]);
  const text = await readFile(compose, 'utf8');
  const interpolated = new Set([...text.matchAll(/(?<!\$)\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!));
  expect([...interpolated].filter((name) => !documented.has(name)), 'used by compose, missing from .env.example').toEqual([]);
});

it('stops compose when a required secret is left empty', async () => {
  expect(bin, 'docker-compose is not installed: apt-get install -y docker-compose').toBeDefined();
  const envFile = path.join(dir, 'missing.env');
  await writeFile(envFile, fill('APP_KEYS'));
  const run = await composeConfig(envFile);
  expect(run.exitCode).not.toBe(0);
  expect(run.stderr).toContain('APP_KEYS');
});
