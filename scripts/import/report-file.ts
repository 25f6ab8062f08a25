/**
 * `--report FILE`: one row per file (file, outcome, article id, warnings), CSV or JSON by the
 * file's extension. The CSV is written as the run goes, so a run that is killed still leaves the
 * rows of the files it did; the JSON (a document) is written at the end, Ctrl-C included.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { ImportReport, Outcome } from './importer';

export interface ReportFile {
  add(outcome: Outcome): void;
  finish(report: ImportReport): void;
}

const COLUMNS = ['file', 'outcome', 'article_id', 'title', 'reason', 'warnings'];

const row = (o: Outcome) => [o.file, o.status, o.documentId ?? '', o.title ?? '', o.reason ?? '', o.warnings.join(' | ')];

/** Null for an extension that is neither .csv nor .json. */
export function openReport(file: string): ReportFile | null {
  if (/\.csv$/i.test(file)) {
    writeFileSync(file, stringify([COLUMNS]));
    return {
      add: (o) => appendFileSync(file, stringify([row(o)])),
      finish: (report) => {
        const rows = report.notAttempted.map((f) => [f, 'not-attempted', '', '', report.interrupted ? 'interrupted' : (report.refused ?? ''), '']);
        if (rows.length > 0) appendFileSync(file, stringify(rows));
      },
    };
  }
  if (/\.json$/i.test(file)) {
    return {
      add: () => {},
      finish: (report) =>
        writeFileSync(
          file,
          `${JSON.stringify(
            {
              files: report.outcomes.map((o) => ({ file: o.file, outcome: o.status, articleId: o.documentId ?? null, title: o.title ?? null, reason: o.reason ?? null, warnings: o.warnings })),
              notAttempted: report.notAttempted,
              interrupted: report.interrupted ?? false,
              refused: report.refused ?? null,
            },
            null,
            2,
          )}\n`,
        ),
    };
  }
  return null;
}
