/**
 * Backups around Strapi's own data transfer: `strapi export` writes content, media files and
 * configuration into one unencrypted .tar.gz; `strapi import --force` replaces a database's
 * content with it. Admin users and API tokens are not part of Strapi's transfer.
 */
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compileServer, planCmsBuild, runLogged, strapiBin } from '../lib/cms-build';
import { CMS_DIR } from '../lib/cms-paths';

export const BACKUP_DIR = path.join(CMS_DIR, '.data', 'backups');

export interface TransferOptions {
  /** Environment of the Strapi the command runs against (database, CMS_PUBLIC_DIR, secrets). */
  env?: Record<string, string>;
  /** Where Strapi's output goes. */
  logFile: string;
}

/** Strapi's commands run the compiled app: compile when the sources changed. */
async function ensureCompiled(logFile: string): Promise<void> {
  const plan = await planCmsBuild(false);
  if (plan.compile) {
    await compileServer(logFile);
    await plan.write();
  }
}

const stamp = (date = new Date()) => date.toISOString().replace(/[:.]/g, '-');

/** Exports into `<dir>/toa-soan-<timestamp>.tar.gz` and returns that path. */
export async function exportBackup(options: TransferOptions & { dir?: string }): Promise<string> {
  const dir = options.dir ?? BACKUP_DIR;
  await mkdir(dir, { recursive: true });
  await mkdir(path.dirname(options.logFile), { recursive: true });
  await ensureCompiled(options.logFile);
  const base = path.join(dir, `toa-soan-${stamp()}`);
  await runLogged('strapi export', [strapiBin(), 'export', '--no-encrypt', '-f', base], options.logFile, childEnv(options.env));
  const file = `${base}.tar.gz`;
  if (!existsSync(file)) throw new Error(`strapi export finished but ${file} is missing; see ${options.logFile}`);
  return file;
}

/** Replaces the database's content and media with the backup's. */
export async function importBackup(file: string, options: TransferOptions): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`No backup file at ${file}`);
  if (!/\.tar(\.gz)?$/.test(file)) throw new Error(`${file} is not a Strapi export (.tar.gz); encrypted exports are not supported here`);
  await mkdir(path.dirname(options.logFile), { recursive: true });
  await ensureCompiled(options.logFile);
  await runLogged('strapi import', [strapiBin(), 'import', '-f', path.resolve(file), '--force'], options.logFile, childEnv(options.env));
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // A transfer must not load demo content into the database it reads or replaces.
  return { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ...extra, SEED_DEMO_CONTENT: 'false' };
}
