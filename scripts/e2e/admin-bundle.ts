/**
 * The admin panel bundle (`strapi build` → cms/dist/build) takes a minute or two to build, so the
 * end-to-end run builds it only when it is missing or older than the admin customisations in
 * cms/src/admin (translations, app.tsx). The content model does not need it: the admin reads the
 * schema at run time.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_DIR } from '../testing/cms-server';

const BUNDLE = path.join(CMS_DIR, 'dist', 'build', 'index.html');
const ADMIN_SOURCES = path.join(CMS_DIR, 'src', 'admin');

export async function adminBundleIsStale(): Promise<string | null> {
  const bundle = await stat(BUNDLE).catch(() => null);
  if (!bundle) return `${path.relative(CMS_DIR, BUNDLE)} is missing`;
  const newest = await newestFile(ADMIN_SOURCES);
  if (newest && newest.mtimeMs > bundle.mtimeMs) {
    return `${path.relative(CMS_DIR, newest.file)} is newer than the admin bundle`;
  }
  return null;
}

export async function ensureAdminBundle(): Promise<void> {
  const reason = await adminBundleIsStale();
  if (!reason) return;
  console.log(`e2e: building the Strapi admin panel (${reason}); this takes 1-2 minutes`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [strapiBin(), 'build'], { cwd: CMS_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`strapi build exited with ${code}`))));
  });
  console.log(`e2e: admin panel built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Strapi's CLI, resolved the way the cms workspace resolves it. */
function strapiBin(): string {
  const pkg = createRequire(path.join(CMS_DIR, 'package.json')).resolve('@strapi/strapi/package.json');
  return path.join(path.dirname(pkg), 'bin', 'strapi.js');
}

async function newestFile(dir: string): Promise<{ file: string; mtimeMs: number } | null> {
  let newest: { file: string; mtimeMs: number } | null = null;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(file);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}
