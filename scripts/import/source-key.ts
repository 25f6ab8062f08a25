/**
 * The import key stored in `sourceKey`. It is made from the article, not from the file: the
 * normalised title and the publication day (Vietnam time). So the same article exported twice
 * (another file name, another folder, CRLF or BOM, with or without the portal chrome) maps to one
 * record, while two articles with the same stock title ("Hội nghị sơ kết 6 tháng đầu năm") on
 * different days stay apart. The time of day is left out on purpose: one export has the portal
 * stamp (16:30), another of the same article only the lead's date (00:00).
 */
import { createHash } from 'node:crypto';
import { looseKey } from './text';

export function sourceKey(title: string, publishedAt: string | null): string {
  const day = publishedAt ? publishedAt.slice(0, 10) : 'undated';
  const digest = createHash('sha256').update(`${looseKey(title)}\n${day}`).digest('hex');
  return `legacy:${digest.slice(0, 40)}`;
}
