/**
 * Keeps the CMS's compiled output up to date without redoing work: the server code is compiled
 * (seconds) and the admin panel built (`strapi build`, 1-2 min) only when their inputs changed
 * since the last time. A stamp (hash of the inputs) is written beside each output.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execa } from 'execa';
import { CMS_DIR, COMPILE_CMS_ARGS, strapiBin } from './cms-paths';

// start.ts and the backup run Strapi's CLI through this module.
export { strapiBin };

const SERVER_STAMP = path.join(CMS_DIR, 'dist', '.toa-soan-server-stamp');
const ADMIN_STAMP = path.join(CMS_DIR, 'dist', 'build', '.toa-soan-admin-stamp');

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

function installedVersion(pkg: string): string {
  try {
    const require = createRequire(path.join(CMS_DIR, 'package.json'));
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

async function hashInputs(files: string[], extra: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(CMS_DIR, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  for (const value of extra) hash.update(value).update('\0');
  return hash.digest('hex');
}

const serverInputs = async () =>
  hashInputs(
    [
      ...(await filesUnder(path.join(CMS_DIR, 'src'))),
      ...(await filesUnder(path.join(CMS_DIR, 'config'))),
      ...(await filesUnder(path.join(CMS_DIR, 'database'))),
      path.join(CMS_DIR, 'tsconfig.json'),
      path.join(CMS_DIR, 'package.json'),
    ].filter((f) => !f.includes(`${path.sep}src${path.sep}admin${path.sep}`)),
    [installedVersion('@strapi/strapi'), installedVersion('typescript')],
  );

const adminInputs = async () =>
  hashInputs(
    [...(await filesUnder(path.join(CMS_DIR, 'src', 'admin'))), path.join(CMS_DIR, 'package.json')],
    ['@strapi/strapi', '@strapi/admin', '@strapi/plugin-users-permissions', 'react', 'react-dom', 'styled-components'].map(
      (pkg) => `${pkg}@${installedVersion(pkg)}`,
    ),
  );

const stampIs = async (file: string, value: string) => (await readFile(file, 'utf8').catch(() => '')) === value;

export interface CmsBuildPlan {
  compile: boolean;
  admin: boolean;
  write(): Promise<void>;
}

/** What has to be (re)built; call write() after doing it. */
export async function planCmsBuild(withAdmin: boolean): Promise<CmsBuildPlan> {
  const server = await serverInputs();
  const admin = withAdmin ? await adminInputs() : '';
  const needAdmin = withAdmin && !(existsSync(path.join(CMS_DIR, 'dist', 'build', 'index.html')) && (await stampIs(ADMIN_STAMP, admin)));
  const needCompile = !(existsSync(path.join(CMS_DIR, 'dist', 'src', 'index.js')) && (await stampIs(SERVER_STAMP, server)));
  return {
    compile: needCompile,
    admin: needAdmin,
    write: async () => {
      await writeFile(SERVER_STAMP, server);
      if (withAdmin) await writeFile(ADMIN_STAMP, admin);
    },
  };
}

/** Runs a command in the CMS folder, output appended to logFile; rejects naming the log. */
export async function runLogged(label: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = { file: logFile, append: true };
  const run = await execa(process.execPath, args, { cwd: CMS_DIR, env, extendEnv: false, stdin: 'ignore', stdout: log, stderr: log, reject: false });
  if (run.failed) throw new Error(`${label} exited with ${run.exitCode ?? run.signal}; see ${logFile}`);
}

/** Compiles the server side (TypeScript → dist) only. */
export const compileServer = (logFile: string) =>
  runLogged('compiling the CMS', COMPILE_CMS_ARGS, logFile);

/** `strapi build`: compiles TypeScript and bundles the admin panel into dist/build. */
export const buildAdmin = (logFile: string) =>
  runLogged('strapi build', [strapiBin(), 'build'], logFile, { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' });
