import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { envBool, envInt, envString } from '../src/lib/env';
import { secret } from '../src/lib/secrets';

const config = (): Core.Config.Server => {
  // Relative to the CMS folder (config is compiled to dist/config). The local upload provider
  // refuses to start unless <public>/uploads exists; a fresh volume or temp folder has none.
  const publicDir = path.resolve(__dirname, '..', '..', envString('CMS_PUBLIC_DIR', 'public'));
  mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  return {
  host: envString('HOST', '0.0.0.0'),
  port: envInt('PORT', 1337),
  // The public URL of the CMS (behind a proxy in production); media URLs are built from it.
  url: envString('PUBLIC_URL', ''),
  proxy: envBool('IS_PROXIED', false),
  // Uploads live under <public>/uploads: a volume in production, a throwaway folder in tests.
  dirs: {
    public: publicDir,
  },
  app: {
    keys: secret('APP_KEYS').split(','),
  },
  webhooks: {
    populateRelations: false,
  },
  };
};

export default config;
