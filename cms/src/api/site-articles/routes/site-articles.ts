/**
 * GET /api/site-articles?pagination[page]=N&pagination[pageSize]=M (M ≤ 500, default 100; the
 * REST API stops at 100, and bigger pages halve the per-page work): every published article with
 * what the site renders, the same documents and shape as the REST API answers the site's article
 * query, for a cold site build (see the service for why a route of its own). Published documents
 * only, whoever asks; no filters, fields or populate to choose. The action is named `find` so
 * read-only API tokens may call it; the Public role gets it through PUBLIC_ACTIONS, as it may
 * read the same articles through /api/articles.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/site-articles',
      handler: 'api::site-articles.site-articles.find',
    },
  ],
};
