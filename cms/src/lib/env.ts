/**
 * Environment reading that treats an empty value as unset.
 *
 * A generated `.env` often carries lines like `DATABASE_FILENAME=`; Strapi's own `env()` returns ''
 * for those, which then breaks start-up ("unable to open database file"). Every config file reads
 * through these helpers instead, and they only read the variables of `cmsEnvSchema`.
 */
import { z } from 'zod';

/** An empty value counts as unset, as in the helpers. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const text = optional(z.string().trim().min(1));
const whole = optional(z.string().regex(/^\s*-?\d+\s*$/, 'a whole number'));
const flag = optional(z.string().regex(/^\s*(1|true|yes|on|0|false|no|off)\s*$/i, 'true or false'));
const url = optional(z.url());

/**
 * Every variable the CMS reads and the form its value takes: what an operator (compose, .env)
 * may set, checked against docker-compose.yml by scripts/web/compose.test.ts.
 */
export const cmsEnvSchema = z.object({
  HOST: text,
  PORT: whole,
  PUBLIC_URL: url,
  IS_PROXIED: flag,
  CMS_PUBLIC_DIR: text,
  CMS_SERVE_ADMIN: flag,
  DATABASE_CLIENT: optional(z.enum(['sqlite', 'postgres'])),
  DATABASE_URL: url,
  DATABASE_HOST: text,
  DATABASE_PORT: whole,
  DATABASE_NAME: text,
  DATABASE_USERNAME: text,
  DATABASE_PASSWORD: text,
  DATABASE_SCHEMA: text,
  DATABASE_SSL: flag,
  DATABASE_SSL_REJECT_UNAUTHORIZED: flag,
  DATABASE_POOL_MIN: whole,
  DATABASE_POOL_MAX: whole,
  DATABASE_CONNECTION_TIMEOUT: whole,
  DATABASE_FILENAME: text,
  APP_KEYS: text,
  API_TOKEN_SALT: text,
  ADMIN_JWT_SECRET: text,
  JWT_SECRET: text,
  TRANSFER_TOKEN_SALT: text,
  ENCRYPTION_KEY: text,
  REBUILD_WEBHOOK_URL: url,
  REBUILD_WEBHOOK_SECRET: text,
  // Draft preview (config/admin.ts, src/bootstrap/preview-token.ts): where the preview server
  // answers (unset: no preview), the key its links are signed with, and the API token it reads
  // drafts with (the CMS keeps a read-only API token with this key).
  PREVIEW_URL: url,
  PREVIEW_SECRET: text,
  PREVIEW_TOKEN: text,
  SEED_DEMO_CONTENT: flag,
  // With the demo content: the password of the demo newsroom accounts (src/workflow/).
  DEMO_ADMIN_PASSWORD: text,
  // How often due scheduled publishing is looked for (cron with seconds).
  SCHEDULED_PUBLISHING_RULE: text,
  STRAPI_ADMIN_EMAIL: text,
  STRAPI_ADMIN_PASSWORD: text,
  STRAPI_ADMIN_FIRSTNAME: text,
  STRAPI_ADMIN_LASTNAME: text,
});

export type CmsVariable = keyof z.infer<typeof cmsEnvSchema>;

export function envString(name: CmsVariable): string | undefined;
export function envString(name: CmsVariable, fallback: string): string;
export function envString(name: CmsVariable, fallback?: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : fallback;
}

export function envInt(name: CmsVariable, fallback: number): number {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) {
    throw new Error(`Environment variable ${name}="${raw}" is not a whole number`);
  }
  return value;
}

export function envBool(name: CmsVariable, fallback: boolean): boolean {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`Environment variable ${name}="${raw}" must be true or false`);
}
