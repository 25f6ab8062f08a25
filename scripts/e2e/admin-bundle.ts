/**
 * The admin panel bundle (`strapi build` → cms/dist/build) takes a minute or two to build, so the
 * end-to-end run builds it only when `npm start`'s build plan says its inputs changed (admin
 * customisations in cms/src/admin, package versions) or it is missing. The content model does
 * not need it: the admin reads the schema at run time.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildAdmin, planCmsBuild } from '../lib/cms-build';
import { CMS_DIR } from '../lib/cms-paths';

const BUILD_LOG = path.join(CMS_DIR, '..', 'artifacts', 'e2e', 'admin-build.log');

export async function ensureAdminBundle(): Promise<void> {
  const plan = await planCmsBuild(true);
  if (!plan.admin) return;
  console.log(`e2e: building the Strapi admin panel (its inputs changed or it is missing); this takes 1-2 minutes, log: ${BUILD_LOG}`);
  const started = Date.now();
  await mkdir(path.dirname(BUILD_LOG), { recursive: true });
  await buildAdmin(BUILD_LOG);
  await plan.write();
  console.log(`e2e: admin panel built in ${Math.round((Date.now() - started) / 1000)} s`);
}
