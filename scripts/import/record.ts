/**
 * What the legacy importer reads out of one exported article: the record printed by
 * `--dry-run --json` and written to Strapi.
 */
import type { CreditRole } from '@toa-soan/cms/newsroom/roles';

export type { CreditRole };

export interface Credit {
  role: CreditRole;
  /** A person's name, or for `source` the outlet (e.g. "Báo Đồng Tháp"). */
  name: string;
}

export interface LegacyArticle {
  /** The file it was read from, as given on the command line. */
  file: string;
  title: string;
  /** ISO 8601 in Vietnam time (+07:00), or null when the export gives no usable date. */
  publishedAt: string | null;
  /** The portal section named by the export, when it names one. */
  category?: string;
  /** The issuing body (e.g. "Huyện ủy Tháp Mười"), when the export names it. */
  unit?: string;
  /** The lead paragraph. Not repeated in `paragraphs`. */
  sapo: string;
  paragraphs: string[];
  /** Captions of photos that did not survive the export. */
  captions: string[];
  credits: Credit[];
  /** Stable import key: the same article exported twice gets the same key. */
  sourceKey: string;
  /** Everything the parser guessed or could not place, in words an editor understands. */
  warnings: string[];
}
