import type { Core } from '@strapi/strapi';
import { envBool, envString } from '../src/lib/env';
import { signPreviewUrl } from '../src/lib/preview-url';
import { secret } from '../src/lib/secrets';

/** Articles are previewed; other types (categories, people, settings) have no page of their own to show. */
const PREVIEWED = 'api::article.article';

const config = (): Core.Config.Admin => {
  const previewUrl = envString('PREVIEW_URL');
  return {
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
  // Strapi's Preview (free in Community): the edit view of an article gets "Open preview", which
  // shows this URL in a frame: the draft rendered by the preview server with the site's own
  // layout (site/preview/). The link is signed and expires (src/lib/preview-url.ts).
  preview: {
    enabled: previewUrl !== undefined,
    config: {
      // Let the admin frame the preview server (Strapi adds it to its frame-src).
      allowedOrigins: previewUrl ? [new URL(previewUrl).origin] : [],
      async handler(uid: string, { documentId, status }: { documentId?: string; locale?: string | null; status?: string | null }) {
        if (uid !== PREVIEWED || !documentId || !previewUrl) return null;
        return signPreviewUrl(previewUrl, secret('PREVIEW_SECRET'), { documentId, status: status === 'published' ? 'published' : 'draft' });
      },
    },
  },
  };
};

export default config;
