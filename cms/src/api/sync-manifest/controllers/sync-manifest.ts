import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown }) {
    ctx.body = { data: await strapi.service('api::sync-manifest.sync-manifest').build() };
  },
});
