import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { enforcePublicAccess } from './bootstrap/public-access';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await enforcePublicAccess(strapi);
    await ensureFirstAdmin(strapi);
  },
};
