/**
 * What the CMS's webhook to the site rebuild service carries: the CMS subscribes it to these
 * events (cms/src/bootstrap/rebuild-webhook.ts) and the service builds on these only
 * (scripts/rebuild/webhook-server.ts): each changes what the site shows.
 */
export const REBUILD_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.create',
  'media.update',
  'media.delete',
] as const;

/** The header that carries the shared secret (HTTP header names are case-insensitive; Node reads them lower case). */
export const REBUILD_SECRET_HEADER = 'X-Webhook-Secret';
