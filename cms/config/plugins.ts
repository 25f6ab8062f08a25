import type { Core } from '@strapi/strapi';

const config = (): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      // A newsroom uploads photos; nothing executable, and no SVG (script inside an image).
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
      sizeLimit: 25 * 1024 * 1024,
      // Uploaded file names carry a random hash and are never rewritten, so they can be cached
      // for good: the site build then reuses its optimised images instead of re-fetching and
      // re-encoding every photo on each rebuild (Strapi's default is max-age=0).
      providerOptions: {
        localServer: { maxage: 365 * 24 * 60 * 60 * 1000, immutable: true },
      },
    },
  },
});

export default config;
