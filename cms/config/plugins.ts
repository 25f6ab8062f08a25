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
    },
  },
});

export default config;
