/**
 * Whether the XML files of a built site (RSS feeds, sitemaps) are well-formed, read by a strict
 * XML 1.0 parser (saxes: forbidden characters, broken tags, undeclared namespace prefixes), so a
 * feed no reader can open fails the build instead of going live. Used by check-xml.ts.
 * Plain Node (type stripping).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SaxesParser } from 'saxes';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The first well-formedness error of the document in `bytes`, as "<name>:<line>:<column>: what",
 * or null when it parses.
 */
export function xmlError(bytes: Uint8Array, name: string): string | null {
  let xml: string;
  try {
    xml = utf8.decode(bytes);
  } catch {
    return `${name}: not valid UTF-8`;
  }
  const parser = new SaxesParser({ xmlns: true, fileName: name });
  let first: string | null = null;
  // saxes reports every error and goes on; the first is the one to fix.
  parser.on('error', (error) => {
    first ??= error.message;
  });
  parser.write(xml).close();
  return first;
}

/**
 * The first error of each malformed .xml file under `dir` (or of those of `only`, paths relative
 * to `dir`), named relative to `dir`; empty when all parse.
 */
export async function malformedXmlFiles(dir: string, only?: string[]): Promise<string[]> {
  const files = only
    ? only.filter((file) => file.endsWith('.xml')).map((file) => path.join(dir, file))
    : (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.xml')).map((e) => path.join(e.parentPath, e.name));
  const problems: string[] = [];
  for (const file of files.sort()) {
    const error = xmlError(await readFile(file), path.relative(dir, file));
    if (error) problems.push(error);
  }
  return problems;
}
