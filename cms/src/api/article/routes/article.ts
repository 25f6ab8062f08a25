import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::article.article', {
  config: {
    find: { policies: ['global::drafts-need-token'] },
    findOne: { policies: ['global::drafts-need-token'] },
  },
});
