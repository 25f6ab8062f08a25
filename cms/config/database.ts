import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { envBool, envInt, envString } from '../src/lib/env';

/**
 * SQLite in `cms/.data/` by default (git-ignored, survives restarts). PostgreSQL when
 * `DATABASE_URL` is set, or `DATABASE_CLIENT=postgres` with the DATABASE_HOST/PORT/NAME/USERNAME/
 * PASSWORD parts.
 */
const config = (): Core.Config.Database => {
  const url = envString('DATABASE_URL');
  const client = envString('DATABASE_CLIENT', url ? 'postgres' : 'sqlite');
  const pool = { min: envInt('DATABASE_POOL_MIN', 0), max: envInt('DATABASE_POOL_MAX', 10) };
  const acquireConnectionTimeout = envInt('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: url,
          host: envString('DATABASE_HOST', 'localhost'),
          port: envInt('DATABASE_PORT', 5432),
          database: envString('DATABASE_NAME', 'toa_soan'),
          user: envString('DATABASE_USERNAME', 'toa_soan'),
          password: envString('DATABASE_PASSWORD', ''),
          ssl: envBool('DATABASE_SSL', false) ? { rejectUnauthorized: envBool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
          schema: envString('DATABASE_SCHEMA', 'public'),
        },
        pool,
        acquireConnectionTimeout,
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT="${client}" is not supported: use "sqlite" (default) or "postgres".`);
  }

  // Relative to the CMS folder (config is compiled to dist/config, two levels below it).
  const cmsDir = path.resolve(__dirname, '..', '..');
  const filename = path.resolve(cmsDir, envString('DATABASE_FILENAME', '.data/toa-soan.db'));
  mkdirSync(path.dirname(filename), { recursive: true });
  return {
    connection: {
      client: 'sqlite',
      connection: { filename },
      useNullAsDefault: true,
      acquireConnectionTimeout,
    },
  };
};

export default config;
