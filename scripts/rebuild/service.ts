/**
 * The rebuild service assembled: rebuilder + webhook server (+ the default site build), with its
 * settings read from the environment. Used by `npm start`, the production container and tests.
 */
import path from 'node:path';
import { REPO_DIR, createSiteBuild } from './site-build';
import type { SupervisedStatus } from '../lib/supervisor';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_RECONCILE_MS, Rebuilder, type BuildCommand, type BuildRecord } from './rebuilder';
import { startWebhookServer, type WebhookServer } from './webhook-server';

export const DEFAULT_STATE_DIR = path.join(REPO_DIR, 'scripts', '.data', 'rebuild');

export interface RebuildConfig {
  secret: string;
  port: number;
  host: string;
  stateDir: string;
  cmsUrl: string;
  siteUrl: string;
  strapiToken?: string;
  debounceMs: number;
  keep: number;
  retryMs: number;
  /** Content changes through the fast lane (REBUILD_FAST_LANE, default true). */
  fastLane?: boolean;
  /** REBUILD_RECONCILE_MS: quiet time after a fast lane before the reconciling full build. */
  reconcileMs?: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}="${raw}" is not a whole number ≥ 0`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new Error(`${name}="${env[name]}" is neither true nor false`);
}

/** Reads REBUILD_* / CMS_URL / SITE_URL / STRAPI_TOKEN; `overrides` win (npm start). */
export function readRebuildConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<RebuildConfig> = {}): RebuildConfig {
  const secret = overrides.secret ?? env.REBUILD_WEBHOOK_SECRET?.trim() ?? '';
  if (!secret) throw new Error('REBUILD_WEBHOOK_SECRET is not set: give the rebuild service and Strapi the same random secret (e.g. `openssl rand -hex 32`)');
  return {
    secret,
    port: int(env, 'REBUILD_PORT', 4322),
    host: env.REBUILD_HOST?.trim() || '127.0.0.1',
    stateDir: path.resolve(env.REBUILD_STATE_DIR?.trim() || DEFAULT_STATE_DIR),
    cmsUrl: env.CMS_URL?.trim() || 'http://localhost:1337',
    siteUrl: env.SITE_URL?.trim() || 'http://localhost:4321',
    strapiToken: env.STRAPI_TOKEN?.trim() || undefined,
    debounceMs: int(env, 'REBUILD_DEBOUNCE_MS', DEFAULT_DEBOUNCE_MS),
    keep: int(env, 'REBUILD_KEEP_BUILDS', 3),
    retryMs: int(env, 'REBUILD_RETRY_MS', 60_000),
    fastLane: flag(env, 'REBUILD_FAST_LANE', true),
    reconcileMs: int(env, 'REBUILD_RECONCILE_MS', DEFAULT_RECONCILE_MS),
    ...overrides,
  };
}

export interface RebuildService {
  rebuilder: Rebuilder;
  server: WebhookServer;
  stop(): Promise<void>;
}

export async function startRebuildService(
  config: RebuildConfig,
  options: { build?: BuildCommand; log?: (line: string) => void; cmsStatus?: () => SupervisedStatus; onBuild?: (record: BuildRecord) => void } = {},
): Promise<RebuildService> {
  const siteBuild = options.build ? null : createSiteBuild(config);
  const rebuilder = new Rebuilder({
    stateDir: config.stateDir,
    build: options.build ?? siteBuild!.build,
    debounceMs: config.debounceMs,
    keep: config.keep,
    retryMs: config.retryMs,
    fastLane: config.fastLane,
    reconcileMs: config.reconcileMs,
    log: options.log,
    onBuild: options.onBuild,
  });
  await rebuilder.init();
  const server = await startWebhookServer({ rebuilder, secret: config.secret, port: config.port, host: config.host, log: options.log, cmsStatus: options.cmsStatus });
  return {
    rebuilder,
    server,
    stop: async () => {
      siteBuild?.abort();
      await rebuilder.stop();
      await server.stop();
    },
  };
}
