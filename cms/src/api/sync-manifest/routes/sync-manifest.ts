/**
 * GET /api/sync-manifest: what the site build needs to decide what changed, in one request.
 * The action is named `find` so read-only API tokens (which allow `find`/`findOne` scopes) may
 * call it; the Public role gets it through PUBLIC_ACTIONS.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/sync-manifest',
      handler: 'api::sync-manifest.sync-manifest.find',
      // Gzip only this answer (~600 KB of ids and dates at 10,000 articles, ~5x smaller gzipped);
      // the rest of the API keeps Strapi's default of no compression.
      config: { middlewares: ['strapi::compression'] },
    },
  ],
};
