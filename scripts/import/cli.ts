/**
 * npm run import:legacy -- [--dry-run] [--json] [--unit NAME] [--report FILE] [--update] FILE_OR_DIR...
 *
 * Exit codes: 0 something was imported or found imported before (or parsed, with --dry-run), no
 * article failed and the CMS never refused; 1 nothing could be imported; 2 usage error (bad
 * option, missing CMS_URL/STRAPI_TOKEN); 3 the CMS refused (unreachable, token refused, server
 * error); 4 the CMS turned down some article (e.g. 413, too large): listed under "Failed:" in the
 * summary; 130 interrupted (Ctrl-C): run the same command again to finish.
 */
import path from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { CmsClient } from './cms-client';
import { collectInputs, readExport, type ParsedFile } from './files';
import { applyUnit, importFiles, type ImportReport } from './importer';
import { progressBar } from './progress';
import { openReport } from './report-file';
import { dryRunText, importSummary } from './summary';

export const EXIT = { ok: 0, nothingImported: 1, usage: 2, cmsRefused: 3, articlesFailed: 4, interrupted: 130 } as const;

const USAGE = `Usage: npm run import:legacy -- [options] FILE_OR_DIR...
  --dry-run      parse only, write nothing (no CMS needed)
  --json         print JSON: the parsed records (with --dry-run) or the import outcomes
  --unit NAME    the unit (đơn vị) of files that name none, e.g. "Huyện ủy Tháp Mười"
  --report FILE  write one row per file (file, outcome, article id, warnings): .csv or .json
  --update       write articles imported before again (default: leave them, so a stopped run resumes)
Environment (without --dry-run): CMS_URL, STRAPI_TOKEN (a full-access API token)`;

interface Options {
  dryRun: boolean;
  json: boolean;
  update: boolean;
  unit?: string;
  report?: string;
  paths: string[];
}

function parseArgs(argv: string[]): Options | string {
  try {
    const { values, positionals } = parseNodeArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        update: { type: 'boolean', default: false },
        unit: { type: 'string' },
        report: { type: 'string' },
      },
    });
    const unit = values.unit?.trim();
    if (values.unit !== undefined && !unit) return '--unit needs a unit name';
    if (values.report !== undefined && !/\.(csv|json)$/i.test(values.report)) return '--report FILE must end in .csv or .json';
    if (positionals.length === 0) return 'no FILE_OR_DIR given';
    return { dryRun: values['dry-run'], json: values.json, update: values.update, unit, report: values.report, paths: positionals };
  } catch (error) {
    return (error as Error).message;
  }
}

/** Where the command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr is a terminal: redraw the progress bar in place. */
  tty: boolean;
  /** Calls back on the operator's interrupt (Ctrl-C); returns the unsubscribe. */
  onInterrupt?: (handler: () => void) => () => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
  onInterrupt: (handler) => {
    process.once('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
};

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.err(`import: ${options}\n${USAGE}\n`);
    return EXIT.usage;
  }
  // npm runs scripts from the repository root; paths are meant from where the command was typed.
  const baseDir = env.INIT_CWD ?? process.cwd();
  const display = (file: string) => path.relative(baseDir, file) || file;
  const inputs = await collectInputs(options.paths, baseDir);
  for (const p of inputs.problems) io.err(`import: ${p.file}: ${p.reason}\n`);
  const progress = inputs.hasDirectory ? progressBar(io.err, io.tty) : undefined;

  if (options.dryRun) {
    const parsed: ParsedFile[] = [];
    for (const [i, file] of inputs.files.entries()) {
      const one = await readExport(file, display(file));
      if ('article' in one) applyUnit(one.article, options.unit);
      parsed.push(one);
      progress?.(i + 1, inputs.files.length, display(file));
    }
    for (const p of parsed) if ('error' in p) io.err(`import: ${p.file}: ${p.error}\n`);
    const records = parsed.flatMap((p) => ('article' in p ? [p.article] : []));
    io.out(options.json ? `${JSON.stringify(records, null, 2)}\n` : `${dryRunText(parsed)}\n`);
    return records.length > 0 ? EXIT.ok : EXIT.nothingImported;
  }

  const url = env.CMS_URL?.trim();
  const token = env.STRAPI_TOKEN?.trim();
  if (!url || !token) {
    io.err(`import: set CMS_URL and STRAPI_TOKEN (a full-access API token), or use --dry-run\n`);
    return EXIT.usage;
  }
  // A report path relative to where the command was typed, like the inputs.
  const reportFile = options.report ? openReport(path.resolve(baseDir, options.report)) : null;
  // Ctrl-C finishes the file in hand, then stops and reports; a second Ctrl-C kills as usual.
  let stop = false;
  const unsubscribe = io.onInterrupt?.(() => {
    stop = true;
    io.err('\nimport: interrupted; finishing the current file (Ctrl-C again to kill)\n');
  });
  let report: ImportReport;
  try {
    report = await importFiles(inputs.files, new CmsClient(url, token), {
      display,
      onProgress: progress,
      onOutcome: (o) => reportFile?.add(o),
      unit: options.unit,
      update: options.update,
      shouldStop: () => stop,
    });
  } finally {
    unsubscribe?.();
  }
  reportFile?.finish(report);
  for (const o of report.outcomes) {
    if (o.status === 'skipped' || o.status === 'failed') io.err(`import: ${o.file}: ${o.status}, ${o.reason}\n`);
  }
  if (options.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(`${importSummary(report)}\n`);
  if (report.refused) return EXIT.cmsRefused;
  if (report.interrupted) return EXIT.interrupted;
  // A script or operator checking only the exit code must not take a partial import for a complete one.
  if (report.outcomes.some((o) => o.status === 'failed')) return EXIT.articlesFailed;
  return report.outcomes.some((o) => o.status === 'created' || o.status === 'updated' || o.status === 'existing') ? EXIT.ok : EXIT.nothingImported;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`import: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(EXIT.cmsRefused);
    },
  );
}
