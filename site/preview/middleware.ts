/**
 * Headers of every preview server response. A preview shows unpublished text under a link that
 * is itself the key: nothing may cache it, index it or pass the link on, and only the admin may
 * frame it (Strapi shows the preview in a frame). Otherwise the site's own policy applies, from
 * its one definition in scripts/web/nginx.conf.
 */
import { defineMiddleware } from 'astro:middleware';
import nginxConf from '../../scripts/web/nginx.conf?raw';
import { cspOf } from '../../scripts/web/csp';
import { readPreviewEnv } from './env';

let policy: string | undefined;
/** Read at the first request: the settings are the running server's, not its build's. */
const contentSecurityPolicy = () =>
  (policy ??= cspOf(nginxConf)
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !d.startsWith('frame-ancestors'))
    .concat(`frame-ancestors ${readPreviewEnv().adminOrigin}`)
    .join('; '));

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  response.headers.set('Content-Security-Policy', contentSecurityPolicy());
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Cache-Control', 'no-store');
  return response;
});
