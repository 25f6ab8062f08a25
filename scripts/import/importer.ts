/**
 * Imports parsed exports into Strapi: creates each article by its sourceKey, published when it
 * can be, as a draft when it cannot (see draftReason). One file's failure is recorded and the run
 * goes on; only a CMS that cannot be used at all stops it.
 *
 * Resumable: the sourceKeys already in the CMS are read once at the start and those files are
 * reported `existing` and left alone (`update: true` writes them again, e.g. after a parser fix).
 * A run stopped anywhere (Ctrl-C, a crash, a lost connection) is finished by running it again:
 * an article the CMS created is found by its key, and the key is unique in the CMS besides.
 */
import { unitKey } from '../../cms/src/lib/unit-name';
import { CmsRefused, CmsRejected, type CmsClient } from './cms-client';
import { readExport } from './files';
import type { LegacyArticle } from './record';
import { draftReason, toStrapiArticle } from './to-strapi';

export type OutcomeStatus = 'created' | 'updated' | 'existing' | 'skipped' | 'failed';

export interface Outcome {
  file: string;
  status: OutcomeStatus;
  /** Published (true) or left as a draft (false); only for created/updated. */
  published?: boolean;
  documentId?: string;
  title?: string;
  /** Why it was skipped, failed or left as a draft. */
  reason?: string;
  warnings: string[];
}

export interface ImportReport {
  outcomes: Outcome[];
  /** Set when the CMS refused: the run stopped (fatal) or a request hit a server error. */
  refused?: string;
  /** Files not attempted because the run stopped (the CMS refused, or the operator interrupted). */
  notAttempted: string[];
  /** The operator stopped the run (Ctrl-C). */
  interrupted?: boolean;
}

export interface ImportOptions {
  /** How a file is named in the report (e.g. relative to where the command was run). */
  display?: (file: string) => string;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Each file's outcome as soon as it is known (the CSV report is written as the run goes). */
  onOutcome?: (outcome: Outcome) => void;
  /** The unit of files that name none (`--unit`); a file naming another unit keeps its own. */
  unit?: string;
  /** Write articles imported before again instead of leaving them. */
  update?: boolean;
  /** Asked before each file: true stops the run there (the rest is listed as not attempted). */
  shouldStop?: () => boolean;
}

/** The unit an article is filed under, given the run's `--unit`; a warning when they differ. */
export function applyUnit(article: LegacyArticle, unit: string | undefined): void {
  if (!unit) return;
  if (!article.unit) {
    article.unit = unit;
  } else if (unitKey(article.unit) !== unitKey(unit)) {
    article.warnings.push(`the file names ${article.unit}, not ${unit} (--unit): filed under ${article.unit}`);
  }
}

export async function importFiles(files: string[], cms: CmsClient, options: ImportOptions = {}): Promise<ImportReport> {
  const display = options.display ?? ((file: string) => file);
  const report: ImportReport = { outcomes: [], notAttempted: [] };
  const record = (outcome: Outcome) => {
    report.outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  const seenKeys = new Map<string, string>();
  let imported: Map<string, string>;
  try {
    imported = await cms.importedArticles();
  } catch (error) {
    if (!(error instanceof CmsRefused || error instanceof CmsRejected)) throw error;
    return { outcomes: [], refused: error.message, notAttempted: files.map(display) };
  }

  for (const [i, path] of files.entries()) {
    if (options.shouldStop?.()) {
      report.interrupted = true;
      report.notAttempted = files.slice(i).map(display);
      return report;
    }
    const parsed = await readExport(path, display(path));
    const file = parsed.file;
    if ('error' in parsed) {
      record({ file, status: 'skipped', reason: parsed.error, warnings: [] });
    } else {
      const { article } = parsed;
      applyUnit(article, options.unit);
      const base = { file, title: article.title, warnings: article.warnings };
      const earlier = seenKeys.get(article.sourceKey);
      const existing = imported.get(article.sourceKey);
      if (earlier) {
        record({ ...base, status: 'skipped', reason: `same article (title and date) as ${earlier}, imported from there` });
      } else if (existing && !options.update) {
        seenKeys.set(article.sourceKey, file);
        record({ ...base, status: 'existing', documentId: existing, reason: 'imported before (same source key); left as it is' });
      } else {
        seenKeys.set(article.sourceKey, file);
        try {
          const draft = draftReason(article);
          const data = await toStrapiArticle(article, cms);
          const documentId = existing ?? (await cms.createArticle(data, draft === null));
          if (existing) await cms.updateArticle(existing, data, draft === null);
          imported.set(article.sourceKey, documentId);
          const outcome: Outcome = { ...base, status: existing ? 'updated' : 'created', published: draft === null, documentId };
          if (draft) outcome.reason = draft;
          record(outcome);
        } catch (error) {
          if (!(error instanceof CmsRejected || error instanceof CmsRefused)) throw error;
          record({ ...base, status: 'failed', reason: error.message });
          if (error instanceof CmsRefused) {
            report.refused ??= error.message;
            if (error.fatal) {
              report.notAttempted = files.slice(i + 1).map(display);
              options.onProgress?.(i + 1, files.length, file);
              return report;
            }
          }
        }
      }
    }
    options.onProgress?.(i + 1, files.length, file);
  }
  return report;
}
