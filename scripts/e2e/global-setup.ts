import { compileCms } from '../lib/cms-paths';
import { ensureAdminBundle } from './admin-bundle';
import { assertBrowserInstalled } from './browser';

/**
 * vitest globalSetup for the end-to-end run: fail fast without a browser, compile the CMS's
 * TypeScript, and (re)build the admin panel bundle only when it is missing or stale.
 */
export default async function setup(): Promise<void> {
  await assertBrowserInstalled();
  await compileCms();
  await ensureAdminBundle();
}
