import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  // Right after parsing: deeper bodies would crash what follows (cms/src/middlewares/nesting-depth.ts).
  'global::nesting-depth',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
