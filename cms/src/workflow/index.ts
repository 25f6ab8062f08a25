import type { Core } from '@strapi/strapi';
import { envBool, envString } from '../lib/env';
import { registerWorkflowAdminRoutes } from './admin-routes';
import { registerAudit } from './audit';
import { registerReviewWorkflow } from './review';
import { startScheduledPublishing } from './scheduling';
import { ensureNewsroomRoles, ROLES, type NewsroomRole } from './roles';
import { registerVersionKeeping } from './versions';
import { DEMO_PASSWORD_DEFAULT, DEMO_USERS } from './demo-accounts';

/**
 * Editorial workflow (issue 15): roles, review, audit trail, published versions. Registered after
 * the publishing rules, so a publish the rules refuse is neither audited nor versioned, and the
 * split of `status: 'published'` writes into "save draft" + "publish" reaches the review check.
 */
export function registerWorkflow(strapi: Core.Strapi): void {
  registerReviewWorkflow(strapi);
  registerAudit(strapi);
  registerVersionKeeping(strapi);
  registerWorkflowAdminRoutes(strapi);
}


export async function bootstrapWorkflow(strapi: Core.Strapi): Promise<void> {
  const roleIds = await ensureNewsroomRoles(strapi);
  await startScheduledPublishing(strapi);
  if (!envBool('SEED_DEMO_CONTENT', false)) return;
  const password = envString('DEMO_ADMIN_PASSWORD', DEMO_PASSWORD_DEFAULT);
  const users = strapi.service('admin::user');
  for (const role of Object.keys(ROLES) as NewsroomRole[]) {
    const { email, firstname, lastname } = DEMO_USERS[role];
    if (await strapi.db.query('admin::user').findOne({ where: { email } })) continue;
    await users.create({ email, password, firstname, lastname, isActive: true, registrationToken: null, roles: [roleIds[role]] });
  }
}
