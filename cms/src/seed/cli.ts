/**
 * `npm run seed`: loads Strapi from the compiled app without opening a port, writes the demo
 * content and exits. The last line is the report as JSON, for scripts and tests.
 */
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { seedDemoContent } from './seed';

export const REPORT_PREFIX = 'SEED_REPORT ';

async function main(): Promise<void> {
  // Compiled to <cms>/dist/src/seed/cli.js
  const appDir = path.resolve(__dirname, '..', '..', '..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const report = await seedDemoContent(strapi);
    strapi.log.info(`Demo content: created ${JSON.stringify(report.created)}`);
    process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(report)}\n`);
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('Seeding the demo content failed:', error);
    process.exit(1);
  },
);
