import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envString } from './env';

/** Every secret Strapi needs; none ships with the code. */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  // Shared with the preview server: signs preview links, and is the key of its read-only API token.
  'PREVIEW_SECRET',
  'PREVIEW_TOKEN',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

function generate(name: SecretName): string {
  const token = () => randomBytes(32).toString('base64');
  return name === 'APP_KEYS' ? [token(), token(), token(), token()].join(',') : token();
}

/** The CMS app folder, from src/lib (ts) or dist/src/lib (compiled). */
function appDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
}

/**
 * Generates every missing secret once and records it in the app's git-ignored `.env`, so a fresh
 * checkout runs without shipped defaults and keeps its keys across restarts (admin sessions and
 * API tokens stay valid). Empty `NAME=` lines count as missing and are replaced.
 */
export function ensureSecrets(envFile = path.join(appDir(), '.env')): void {
  const missing = SECRET_NAMES.filter((name) => !envString(name));
  if (missing.length === 0) return;

  const generated = new Map(missing.map((name) => [name, generate(name)]));
  const kept = (existsSync(envFile) ? readFileSync(envFile, 'utf8') : '')
    .split('\n')
    .filter((line) => !generated.has(line.split('=')[0]?.trim() as SecretName));
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  const added = [...generated].map(([name, value]) => `${name}=${value}`);
  const text = [...kept, '# Generated on first run; keep private, never commit.', ...added, ''].join('\n');
  writeFileSync(envFile, text, { mode: 0o600 });
  for (const [name, value] of generated) process.env[name] = value;
}

/** Returns a secret, generating the missing ones on first need. */
export function secret(name: SecretName): string {
  ensureSecrets();
  return envString(name)!;
}
