import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Strapi's REST API returns drafts to anyone allowed to `find` who asks for `?status=draft`,
 * the anonymous Public role included. Unpublished articles (embargoed news, half-written
 * drafts) are for API token holders only: the site's preview or an editor's tool.
 */
interface RequestView {
  request?: { query?: Record<string, unknown> };
  state?: { auth?: { strategy?: { name?: string } } };
}

const draftsNeedToken: Core.PolicyHandler = (policyContext) => {
  // The policy context is a shallow copy of koa's context: `query` (a prototype getter) is not
  // on it, `request` and `state` (with the auth result) are.
  const { request, state } = policyContext as unknown as RequestView;
  const query = request?.query;
  if (query?.status === undefined || query.status === 'published') return true;
  if (state?.auth?.strategy?.name === 'content-api-token') return true;
  throw new errors.PolicyError('Bản nháp (status=draft) chỉ xem được bằng API token / Drafts need an API token');
};

export default draftsNeedToken;
