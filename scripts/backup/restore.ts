/**
 * `npm run restore -- <file>`: replaces the CMS's content and media with a backup. Stop `npm start`
 * first: the running CMS would keep serving (and caching) the old content.
 */
import path from 'node:path';
import { BACKUP_DIR, importBackup } from './transfer';

const arg = process.argv[2];
if (!arg) {
  console.error('Usage: npm run restore -- <backup.tar.gz>   (backups are in cms/.data/backups/)');
  process.exit(2);
}
// npm runs this inside scripts/; the path was given relative to where npm was started.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
const port = process.env.CMS_PORT?.trim() || process.env.PORT?.trim() || '1337';
const running = await fetch(`http://127.0.0.1:${port}/_health`).then((r) => r.status === 204, () => false);
if (running) {
  console.error(`✗ A CMS is running on port ${port}: stop it (Ctrl-C in \`npm start\`) before restoring.`);
  process.exit(1);
}
const logFile = path.join(BACKUP_DIR, 'transfer.log');
const t0 = Date.now();
console.log(`→ Restoring ${file} with strapi import (replaces all content)…`);
try {
  await importBackup(file, { logFile });
  console.log(`✓ Restored in ${((Date.now() - t0) / 1000).toFixed(1)} s. Start again with: npm start`);
} catch (error) {
  console.error(`✗ Restore failed: ${(error as Error).message}\n  Log: ${logFile}`);
  process.exit(1);
}
