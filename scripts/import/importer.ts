/**
 * Imports parsed exports into Strapi: creates or updates each article by its sourceKey,
 * published when it can be, as a draft when it cannot (see draftReason). One file's failure is
 * recorded and the run goes on; only a CMS that cannot be used at all stops it.
 */
import { CmsRefused, CmsRejected, type CmsClient } from './cms-client';
import { readExport } from './files';
import { draftReason, toStrapiArticle } from './to-strapi';

export type OutcomeStatus = 'created' | 'updated' | 'skipped' | 'failed';

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
  /** Files not attempted because the run stopped. */
  notAttempted: string[];
}

export interface ImportOptions {
  /** How a file is named in the report (e.g. relative to where the command was run). */
  display?: (file: string) => string;
  onProgress?: (done: number, total: number, file: string) => void;
}

export async function importFiles(files: string[], cms: CmsClient, options: ImportOptions = {}): Promise<ImportReport> {
  const display = options.display ?? ((file: string) => file);
  const report: ImportReport = { outcomes: [], notAttempted: [] };
  const seenKeys = new Map<string, string>();

  for (const [i, path] of files.entries()) {
    const parsed = await readExport(path, display(path));
    const file = parsed.file;
    if ('error' in parsed) {
      report.outcomes.push({ file, status: 'skipped', reason: parsed.error, warnings: [] });
    } else {
      const { article } = parsed;
      const base = { file, title: article.title, warnings: article.warnings };
      const earlier = seenKeys.get(article.sourceKey);
      if (earlier) {
        report.outcomes.push({ ...base, status: 'skipped', reason: `same article (title and date) as ${earlier}, imported from there` });
      } else {
        seenKeys.set(article.sourceKey, file);
        try {
          const draft = draftReason(article);
          const data = await toStrapiArticle(article, cms);
          const existing = await cms.findArticle(article.sourceKey);
          const documentId = existing ?? (await cms.createArticle(data, draft === null));
          if (existing) await cms.updateArticle(existing, data, draft === null);
          const outcome: Outcome = { ...base, status: existing ? 'updated' : 'created', published: draft === null, documentId };
          if (draft) outcome.reason = draft;
          report.outcomes.push(outcome);
        } catch (error) {
          if (!(error instanceof CmsRejected || error instanceof CmsRefused)) throw error;
          report.outcomes.push({ ...base, status: 'failed', reason: error.message });
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
