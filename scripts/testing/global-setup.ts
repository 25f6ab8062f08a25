import { compileCms } from '../lib/cms-paths';

/** vitest globalSetup: compile the CMS once per test run, before any file boots it. */
export default async function setup(): Promise<void> {
  await compileCms();
}
