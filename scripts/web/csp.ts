/**
 * The site's Content-Security-Policy as nginx sends it (scripts/web/nginx.conf), and the inline
 * scripts a build contains, so a test can tell when the policy would block part of the site.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NGINX_CONF = path.join(path.dirname(fileURLToPath(import.meta.url)), 'nginx.conf');

/**
 * The response headers nginx adds to every response at `server` level (`add_header`), variables
 * such as `$csp` filled in, Cache-Control left out (it varies by location), so the local static
 * server sends the same security headers as production from this one source.
 */
export async function nginxSecurityHeaders(file = NGINX_CONF): Promise<Record<string, string>> {
  const variables = new Map<string, string>();
  const headers: Record<string, string> = {};
  let depth = 0;
  for (const raw of (await readFile(file, 'utf8')).split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    // Inside `server { … }` only, not in its locations or `types`.
    if (depth === 1) {
      const set = /^set (\$\w+) "([^"]*)";$/.exec(line);
      if (set) variables.set(set[1]!, set[2]!);
      const add = /^add_header ([\w-]+) (?:"([^"]*)"|(\S+?))(?: always)?;$/.exec(line);
      if (add && add[1] !== 'Cache-Control') {
        const value = add[2] ?? add[3]!;
        headers[add[1]!] = value.startsWith('$') ? (variables.get(value) ?? '') : value;
        if (!headers[add[1]!]) throw new Error(`${file}: ${add[1]} uses ${value}, which is not set before it`);
      }
    }
    depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length;
  }
  if (!headers['Content-Security-Policy']) throw new Error(`${file} adds no Content-Security-Policy header at server level`);
  return headers;
}

/** The policy string set in nginx.conf (`set $csp "…";`). */
export async function nginxCsp(file = NGINX_CONF): Promise<string> {
  return cspOf(await readFile(file, 'utf8'), file);
}

/** The policy string of an nginx.conf's text (the preview server bundles the file's text). */
export function cspOf(conf: string, file = 'nginx.conf'): string {
  const match = /set \$csp "([^"]+)";/.exec(conf);
  if (!match?.[1]) throw new Error(`${file} has no \`set $csp "…";\` line`);
  return match[1];
}

export function directive(csp: string, name: string): string[] {
  const found = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

/** CSP source expressions ('sha256-…') of every executable inline script in a built site. */
export async function inlineScriptHashes(siteDir: string): Promise<Map<string, string[]>> {
  const hashes = new Map<string, string[]>();
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    for (const m of html.matchAll(/<script((?:(?!\bsrc=)[^>])*)>([\s\S]*?)<\/script>/g)) {
      // Data blocks (JSON-LD) are not executed, so CSP does not apply to them.
      if (/type=["']?application\/(ld\+)?json/.test(m[1] ?? '')) continue;
      const hash = `'sha256-${createHash('sha256').update(m[2] ?? '').digest('base64')}'`;
      hashes.set(hash, [...(hashes.get(hash) ?? []), path.relative(siteDir, file)]);
    }
  }
  return hashes;
}
