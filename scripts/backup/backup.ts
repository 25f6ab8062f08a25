/** `npm run backup`: exports the CMS (content, media, settings) into cms/.data/backups/. */
import path from 'node:path';
import { BACKUP_DIR, exportBackup } from './transfer';

const logFile = path.join(BACKUP_DIR, 'transfer.log');
const t0 = Date.now();
console.log('→ Exporting the CMS with strapi export…');
exportBackup({ logFile }).then(
  (file) => console.log(`✓ Backup written to ${file} (${((Date.now() - t0) / 1000).toFixed(1)} s). Restore with: npm run restore -- ${path.relative(process.env.INIT_CWD ?? process.cwd(), file)}`),
  (error: Error) => {
    console.error(`✗ Backup failed: ${error.message}\n  Log: ${logFile}`);
    process.exit(1);
  },
);
