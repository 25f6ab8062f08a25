/**
 * docker-compose.yml against the code: every variable compose hands to the CMS or the rebuild
 * service is one the code reads, every variable the code reads is documented in .env.example,
 * and `docker-compose config` accepts the file with .env.example's names filled in.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_DIR } from '../rebuild/site-build';

const run = promisify(execFile);
/** Read by Node or Strapi themselves, not by our code. */
const RUNTIME_VARIABLES = new Set(['NODE_ENV', 'STRAPI_TELEMETRY_DISABLED']);
/** Set by one of our processes for another, never by an operator. */
const INTERNAL_VARIABLES = new Set(['INIT_CWD', 'SITE_OUT_DIR']);

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(REPO_DIR, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mts)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Variables our code reads: env helpers, process.env.X / env.X, and the CMS's secret names. */
async function variablesReadByCode(): Promise<Set<string>> {
  const files = [
    ...(await sources('cms/config')),
    ...(await sources('cms/src')),
    ...(await sources('site/src')),
    path.join(REPO_DIR, 'site/astro.config.ts'),
    ...(await sources('site/scripts')),
    ...(await sources('scripts/rebuild')),
    ...(await sources('scripts/backup')),
    path.join(REPO_DIR, 'scripts/start.ts'),
  ];
  const names = new Set<string>();
  const patterns = [
    /env(?:String|Int|Bool)\('([A-Z][A-Z0-9_]+)'/g,
    /\benv\.([A-Z][A-Z0-9_]+)/g,
    /process\.env\.([A-Z][A-Z0-9_]+)/g,
    /\bint\((?:env, )?'([A-Z][A-Z0-9_]+)'/g,
  ];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) names.add(m[1]!);
    const secrets = /SECRET_NAMES = \[([^\]]+)\]/.exec(text);
    if (secrets) for (const m of secrets[1]!.matchAll(/'([A-Z_]+)'/g)) names.add(m[1]!);
  }
  return names;
}

/** `KEY: value` lines of one service's environment block. */
function serviceEnvironment(compose: string, service: string): string[] {
  const block = new RegExp(`^  ${service}:\\n([\\s\\S]*?)(?=^  [a-z]|^\\S)`, 'm').exec(compose)?.[1] ?? '';
  const env = /^    environment:\n((?:      .*\n)+)/m.exec(block)?.[1] ?? '';
  return [...env.matchAll(/^      ([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

it('gives the CMS and the rebuild service only variables the code reads', async () => {
  const compose = await readFile(path.join(REPO_DIR, 'docker-compose.yml'), 'utf8');
  const read = await variablesReadByCode();
  for (const service of ['cms', 'rebuild']) {
    const given = serviceEnvironment(compose, service);
    expect(given.length, `${service} has an environment block`).toBeGreaterThan(5);
    const unknown = given.filter((name) => !read.has(name) && !RUNTIME_VARIABLES.has(name));
    expect(unknown, `variables compose sets for ${service} that no code reads`).toEqual([]);
  }
});

it('documents in .env.example every variable the code and compose read', async () => {
  const example = await readFile(path.join(REPO_DIR, '.env.example'), 'utf8');
  const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
  const read = [...(await variablesReadByCode())].filter((name) => !INTERNAL_VARIABLES.has(name));
  expect(read.filter((name) => !documented.has(name)), 'read by the code, missing from .env.example').toEqual([]);
  const compose = await readFile(path.join(REPO_DIR, 'docker-compose.yml'), 'utf8');
  const interpolated = new Set([...compose.matchAll(/(?<!\$)\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!));
  expect([...interpolated].filter((name) => !documented.has(name)), 'used by compose, missing from .env.example').toEqual([]);
});

it('is a valid compose file (docker-compose config) once .env.example is filled in', async () => {
  const bin = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((p) => existsSync(p));
  expect(bin, 'docker-compose is not installed: apt-get install -y docker-compose').toBeDefined();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-compose-'));
  try {
    const example = await readFile(path.join(REPO_DIR, '.env.example'), 'utf8');
    const envFile = path.join(dir, '.env');
    await writeFile(envFile, example.replace(/^([A-Z][A-Z0-9_]*)=$/gm, '$1=placeholder'));
    const ok = await run(bin!, ['-f', path.join(REPO_DIR, 'docker-compose.yml'), '--env-file', envFile, 'config', '-q'], { cwd: REPO_DIR });
    expect(ok.stderr).toBe('');
    // A required secret left empty must stop compose instead of starting with a blank one.
    await writeFile(envFile, example.replace(/^([A-Z][A-Z0-9_]*)=$/gm, (line, name: string) => (name === 'APP_KEYS' ? line : `${name}=placeholder`)));
    const failed = await run(bin!, ['-f', path.join(REPO_DIR, 'docker-compose.yml'), '--env-file', envFile, 'config', '-q'], { cwd: REPO_DIR }).catch((e: { stderr: string }) => e);
    expect('stderr' in failed ? failed.stderr : '').toContain('APP_KEYS');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
