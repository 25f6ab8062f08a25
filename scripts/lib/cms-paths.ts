/**
 * Where the CMS lives and how to run its tools: shared by production scripts (start, backup,
 * the CMS build) and the test harness, so neither has to import the other.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const CMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cms');

/** Strapi's CLI, resolved the way the cms workspace resolves it. */
export function strapiBin(): string {
  const pkg = createRequire(path.join(CMS_DIR, 'package.json')).resolve('@strapi/strapi/package.json');
  return path.join(path.dirname(pkg), 'bin', 'strapi.js');
}

/**
 * Node arguments that compile the CMS's TypeScript (server side only, no admin bundle). The
 * compiled output is removed first (the admin bundle in dist/build apart), as `strapi develop`
 * does: compileStrapi only adds files, so a content type deleted from src/ would otherwise stay
 * registered from its old dist/ copy.
 */
export const COMPILE_CMS_ARGS = [
  '-e',
  "const fs = require('node:fs'); for (const e of fs.existsSync('dist') ? fs.readdirSync('dist') : []) if (e !== 'build') fs.rmSync('dist/' + e, { recursive: true, force: true }); require('@strapi/strapi').compileStrapi().catch(e => { console.error(e); process.exit(1) })",
];

/** Compiles the CMS's TypeScript (server side only, no admin bundle): a few seconds, output shown. */
export async function compileCms(): Promise<void> {
  await execa(process.execPath, COMPILE_CMS_ARGS, { cwd: CMS_DIR, stdin: 'ignore', stdout: 'inherit', stderr: 'inherit' });
}
