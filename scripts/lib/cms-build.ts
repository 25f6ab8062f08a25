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

const serverStamp = (cmsDir: string) => path.join(cmsDir, 'dist', '.toa-soan-server-stamp');
const adminStamp = (cmsDir: string) => path.join(cmsDir, 'dist', 'build', '.toa-soan-admin-stamp');

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

function installedVersion(cmsDir: string, pkg: string): string {
  try {
    const require = createRequire(path.join(cmsDir, 'package.json'));
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

async function hashInputs(cmsDir: string, files: string[], extra: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(cmsDir, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  for (const value of extra) hash.update(value).update('\0');
  return hash.digest('hex');
}

const serverInputs = async (cmsDir: string) =>
  hashInputs(
    cmsDir,
    [
      ...(await filesUnder(path.join(cmsDir, 'src'))),
      ...(await filesUnder(path.join(cmsDir, 'config'))),
      ...(await filesUnder(path.join(cmsDir, 'database'))),
      path.join(cmsDir, 'tsconfig.json'),
      path.join(cmsDir, 'package.json'),
    ].filter((f) => !f.includes(`${path.sep}src${path.sep}admin${path.sep}`)),
    [installedVersion(cmsDir, '@strapi/strapi'), installedVersion(cmsDir, 'typescript')],
  );

const adminInputs = async (cmsDir: string) =>
  hashInputs(
    cmsDir,
    [...(await filesUnder(path.join(cmsDir, 'src', 'admin'))), path.join(cmsDir, 'package.json')],
    ['@strapi/strapi', '@strapi/admin', '@strapi/plugin-users-permissions', 'react', 'react-dom', 'styled-components'].map(
      (pkg) => `${pkg}@${installedVersion(cmsDir, pkg)}`,
    ),
  );

const stampIs = async (file: string, value: string) => (await readFile(file, 'utf8').catch(() => '')) === value;

export interface CmsBuildPlan {
  compile: boolean;
  admin: boolean;
  write(): Promise<void>;
}

/** What has to be (re)built; call write() after doing it. `cmsDir`: another CMS folder (tests). */
export async function planCmsBuild(withAdmin: boolean, cmsDir = CMS_DIR): Promise<CmsBuildPlan> {
  const server = await serverInputs(cmsDir);
  const admin = withAdmin ? await adminInputs(cmsDir) : '';
  const needAdmin = withAdmin && !(existsSync(path.join(cmsDir, 'dist', 'build', 'index.html')) && (await stampIs(adminStamp(cmsDir), admin)));
  const needCompile = !(existsSync(path.join(cmsDir, 'dist', 'src', 'index.js')) && (await stampIs(serverStamp(cmsDir), server)));
  return {
    compile: needCompile,
    admin: needAdmin,
    write: async () => {
      await writeFile(serverStamp(cmsDir), server);
      if (withAdmin) await writeFile(adminStamp(cmsDir), admin);
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
