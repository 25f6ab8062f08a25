import type { Core } from '@strapi/strapi';
import { envBool } from '../src/lib/env';
import { secret } from '../src/lib/secrets';

const config = (): Core.Config.Admin => ({
  auth: {
    secret: secret('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: secret('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: secret('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: secret('ENCRYPTION_KEY'),
  },
  // Tests and the headless builder run without the admin bundle.
  serveAdminPanel: envBool('CMS_SERVE_ADMIN', true),
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;
