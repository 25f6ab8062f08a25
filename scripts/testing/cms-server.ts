/**
 * Boots a real Strapi (the `cms/` app) on a throwaway database for integration tests, the
 * benchmark and the end-to-end run: SQLite in a temporary folder by default, or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set (created here, dropped on stop).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import { CMS_DIR, strapiBin } from '../lib/cms-paths';
import { adminLogin, createApiToken } from '../lib/strapi-admin';
/** Suites that log in as other admin users (the newsroom roles) use the same calls as the harness. */
export { adminLogin, createApiToken };
import { waitFor } from '../lib/wait-for';

// Tests that run the CMS's own scripts find its folder here, beside the server.
export { CMS_DIR } from '../lib/cms-paths';

export interface CmsServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Admin panel credentials of the super admin created at start. */
  admin: { email: string; password: string; jwt: string };
  /** Content API tokens. */
  tokens: { fullAccess: string; readOnly: string };
  /** Which database it runs on, for test names and reports. */
  databaseClient: 'sqlite' | 'postgres';
  /** Where uploads are written (a temporary public folder). */
  publicDir: string;
  /** Everything Strapi printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartCmsOptions {
  /** Extra environment for the Strapi process (e.g. SEED_DEMO_CONTENT, webhook settings). */
  env?: Record<string, string>;
  /** Serve the admin panel (needs `strapi build` first). Default false. */
  serveAdmin?: boolean;
  /** Milliseconds to wait for /_health. Default 120 s. */
  startTimeoutMs?: number;
  /** Use this port instead of a free one. */
  port?: number;
  /**
   * Run on SQLite in this folder (`cms.db`, `public/`) and keep it after stop, e.g. to export a
   * backup from it or to boot on a restored database. Default: a throwaway database.
   */
  sqliteDir?: string;
}

/** The database and uploads of a CMS kept in `dir` (see StartCmsOptions.sqliteDir). */
export function sqliteEnv(dir: string): Record<string, string> {
  return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'cms.db'), CMS_PUBLIC_DIR: path.join(dir, 'public') };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ThrowawayDatabase {
  client: 'sqlite' | 'postgres';
  /** DATABASE_* variables for the CMS process. */
  env: Record<string, string>;
  /** The SQLite file, when it is one. */
  file?: string;
  drop(): Promise<void>;
}

/**
 * A database no other run sees: a SQLite file in `workDir`, or, given a PostgreSQL server URL
 * (default: TEST_DATABASE_URL), a fresh database on that server that `drop()` removes.
 */
export async function createThrowawayDatabase(
  workDir: string,
  serverUrl = process.env.TEST_DATABASE_URL?.trim(),
  prefix = 'toa_soan_test',
): Promise<ThrowawayDatabase> {
  if (!serverUrl) {
    const file = path.join(workDir, 'cms.db');
    return { client: 'sqlite', env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file }, file, drop: async () => {} };
  }
  const { default: pg } = await import('pg');
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    client: 'postgres',
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Fresh Strapi secrets, so a throwaway CMS never reads or writes cms/.env. */
export function throwawaySecrets(): Record<string, string> {
  const secret = () => randomBytes(24).toString('base64');
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    PREVIEW_SECRET: secret(),
    PREVIEW_TOKEN: secret(),
  };
}

export async function startCms(options: StartCmsOptions = {}): Promise<CmsServer> {
  const workDir = options.sqliteDir ?? (await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cms-')));
  const database: ThrowawayDatabase = options.sqliteDir
    ? { client: 'sqlite', env: sqliteEnv(options.sqliteDir), drop: async () => {} }
    : await createThrowawayDatabase(workDir);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const publicDir = path.join(workDir, 'public');
  // A password given in `env` lets a CMS kept in `sqliteDir` be started again and logged in to.
  const password = options.env?.STRAPI_ADMIN_PASSWORD ?? `Test-${randomBytes(9).toString('base64url')}1a`;
  const admin = { email: 'admin@toasoan.test', password, jwt: '' };

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    CMS_PUBLIC_DIR: publicDir,
    CMS_SERVE_ADMIN: String(options.serveAdmin ?? false),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_ADMIN_EMAIL: admin.email,
    STRAPI_ADMIN_PASSWORD: admin.password,
    ...throwawaySecrets(),
    ...database.env,
    ...options.env,
  };

  let output = '';
  const child: ChildProcess = spawn(process.execPath, [strapiBin(), 'start'], {
    cwd: CMS_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop().catch(() => {});
    if (!options.sqliteDir) await rm(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, options.startTimeoutMs ?? 120_000, exited, () => output);
    admin.jwt = await adminLogin(url, admin.email, admin.password);
    const fullAccess = await createApiToken(url, admin.jwt, 'full-access');
    const readOnly = await createApiToken(url, admin.jwt, 'read-only');
    return {
      url,
      admin,
      tokens: { fullAccess, readOnly },
      databaseClient: database.client,
      publicDir,
      output: () => output,
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function waitForHealth(url: string, timeoutMs: number, exited: Promise<number | null>, output: () => string) {
  let code: number | null | undefined;
  void exited.then((c) => (code = c ?? -1));
  await waitFor(
    async () => {
      if (code !== undefined) throw new Error(`Strapi exited with code ${code} before it was healthy:\n${output().slice(-4000)}`);
      // Not listening yet is one more round.
      const res = await axios.get(`${url}/_health`, { timeout: 2000, validateStatus: () => true }).catch(() => null);
      return res?.status === 204 ? true : undefined;
    },
    { timeoutMs, timeoutError: () => new Error(`Strapi did not answer ${url}/_health within ${timeoutMs} ms:\n${output().slice(-4000)}`) },
  );
}
