/** FILE_OR_DIR arguments → the export files to read, and reading one of them. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseLegacyExport } from './parse';
import type { LegacyArticle } from './record';
import { decodeExport, UnparsableExport } from './text';

export interface InputFiles {
  files: string[];
  /** Paths that do not exist or cannot be listed, with why. */
  problems: Array<{ file: string; reason: string }>;
  /** A directory was given: worth a progress bar. */
  hasDirectory: boolean;
}

/** Every *.txt under a directory (hidden entries skipped), in name order so runs are repeatable. */
async function listExports(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listExports(full)));
    else if (entry.isFile() && /\.txt$/i.test(entry.name)) found.push(full);
  }
  return found;
}

/** Files given by name are read whatever their extension; directories contribute their *.txt. */
export async function collectInputs(args: string[], baseDir: string): Promise<InputFiles> {
  const result: InputFiles = { files: [], problems: [], hasDirectory: false };
  for (const arg of args) {
    const full = path.resolve(baseDir, arg);
    try {
      const info = await stat(full);
      if (info.isDirectory()) {
        result.hasDirectory = true;
        result.files.push(...(await listExports(full)));
      } else {
        result.files.push(full);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      result.problems.push({ file: arg, reason: code === 'ENOENT' ? 'no such file or directory' : (error as Error).message });
    }
  }
  result.files = [...new Set(result.files)];
  return result;
}

export type ParsedFile = { file: string; article: LegacyArticle } | { file: string; error: string };

/** Reads and parses one file; never throws, so one bad file cannot stop the others. */
export async function readExport(file: string, shownAs = file): Promise<ParsedFile> {
  try {
    return { file: shownAs, article: parseLegacyExport(decodeExport(await readFile(file)), shownAs) };
  } catch (error) {
    if (error instanceof UnparsableExport) return { file: shownAs, error: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    return { file: shownAs, error: code ? `cannot read it (${code})` : `cannot parse it: ${(error as Error).message}` };
  }
}
