/** Boots a CMS with test content for a manual build: `npx tsx test/support/dev-cms.ts`. */
import { startCms } from '@toa-soan/scripts/testing';
import { createTestContent } from './content';

const cms = await startCms();
await createTestContent(cms.url, cms.tokens.fullAccess, cms.publicDir);
console.log(`CMS_URL=${cms.url}`);
process.on('SIGINT', () => void cms.stop().then(() => process.exit(0)));
process.on('SIGTERM', () => void cms.stop().then(() => process.exit(0)));
