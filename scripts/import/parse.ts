/**
 * Reads one legacy portal export (plain text) into a LegacyArticle. The layout it expects, any
 * part of which may be missing or out of place:
 *
 *   portal chrome ("Xuất bản thông tin", "EmailPrintAa", "Cổng thông tin điện tử huyện …")
 *   category line ("Tin tức - Sự kiện")
 *   "null <title>", then the title again
 *   publication stamp "(16:30 | 29/07/2020)"
 *   lead paragraph ("Sáng ngày 26/02/2021, …")
 *   body paragraphs, with short caption lines of photos that are gone
 *   byline ("BT: Nguyễn Thu + Hình: Lê Tính", "Bích Hường – Văn Tịnh", …)
 */
import { printedPattern } from '@toa-soan/cms/newsroom/roles';
import { dedupeCredits, looksLikeName, parseByline } from './byline';
import { daysBetween, findLeadDate, findStamp, toVietnamIso, yearFromText, type Stamp } from './dates';
import { categoryName, isChrome, knownCategory, portalName } from './portal';
import type { Credit, LegacyArticle } from './record';
import { sourceKey } from './source-key';
import { contentLines, endsWithPunctuation, looseKey, UnparsableExport, wordCount } from './text';
import { unitFromPortal, unitFromText } from './unit';

const TITLE_MAX = 300;
const SAPO_MAX = 1500;
const CAPTION_MAX_WORDS = 30;
const CAPTION_MAX_CHARS = 220;
const CATEGORY_MAX_WORDS = 6;

interface Line {
  text: string;
  /** It carried the portal's "null " prefix: the title. */
  nullPrefixed: boolean;
}

/** Numbered or upper-case lines are subheadings of the body, not captions. */
function isHeading(line: string): boolean {
  return /^(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)/]\s/u.test(line) || (/\p{L}{2}/u.test(line) && line === line.toLocaleUpperCase('vi'));
}

/** A short line without final punctuation: what is left of a photo's caption. */
function isCaptionShaped(line: string): boolean {
  return (
    !endsWithPunctuation(line) &&
    !isHeading(line) &&
    wordCount(line) <= CAPTION_MAX_WORDS &&
    line.length <= CAPTION_MAX_CHARS
  );
}

const PHOTO_CREDIT = new RegExp(`^(.*?)[\\s.,-]*\\(?\\s*(?<!\\p{L})(?:${printedPattern(['photographer'])})\\s*:\\s*([^():]+?)\\s*\\)?\\.?$`, 'iu');

/** "Quang cảnh hội nghị (Ảnh: Lê Tính)" → caption and photographer; "Ảnh: Lê Tính" → photographer. */
function splitPhotoCredit(line: string): { caption: string; photographer?: string } {
  const m = PHOTO_CREDIT.exec(line);
  if (m?.[2] && looksLikeName(m[2].trim())) return { caption: (m[1] ?? '').trim(), photographer: m[2].trim() };
  return { caption: line };
}

/** A line that opens the article's text rather than naming it. */
function isLeadLike(line: string): boolean {
  if (line.length > TITLE_MAX) return true;
  const words = wordCount(line);
  return endsWithPunctuation(line) && (words > 25 || (findLeadDate(line) !== null && words > 8));
}

function isShortLabel(line: string): boolean {
  return !endsWithPunctuation(line) && wordCount(line) <= CATEGORY_MAX_WORDS && !/\d/.test(line);
}

export function parseLegacyExport(text: string, file: string): LegacyArticle {
  const warnings: string[] = [];
  let portal: string | null = null;
  let stamp: Stamp | null = null;
  let category: string | undefined;

  const noteStamp = (found: Stamp, where: string) => {
    if (!stamp) stamp = found;
    else if (toVietnamIso(found, found.hour, found.minute) !== toVietnamIso(stamp, stamp.hour, stamp.minute)) {
      warnings.push(`a second publication stamp (${where}) was ignored; the first one is used`);
    }
  };

  const lines: Line[] = [];
  for (const raw of contentLines(text)) {
    const name = portalName(raw);
    if (name) {
      portal ??= name;
      continue;
    }
    if (isChrome(raw)) continue;
    const found = findStamp(raw);
    if (found && found.rest === '') {
      noteStamp(found.stamp, raw);
      continue;
    }
    const known = knownCategory(raw);
    if (known) {
      category ??= categoryName(known);
      continue;
    }
    const nullTitle = /^null\s+(\S.*)$/iu.exec(raw);
    lines.push(nullTitle?.[1] ? { text: nullTitle[1], nullPrefixed: true } : { text: raw, nullPrefixed: false });
  }
  if (lines.length === 0) throw new UnparsableExport('no article text: only portal lines, or an empty file');

  // The title: the "null "-prefixed line, else the first line, unless that one is a short
  // section label standing above a longer unpunctuated line (an unknown category).
  let titleAt = lines.findIndex((l) => l.nullPrefixed);
  if (titleAt < 0) {
    titleAt = 0;
    const [first, second] = lines;
    if (first && second && isShortLabel(first.text) && !isLeadLike(second.text) && !endsWithPunctuation(second.text) && wordCount(second.text) > wordCount(first.text)) {
      titleAt = 1;
    }
  }
  for (const before of lines.slice(0, titleAt)) {
    if (!category && isShortLabel(before.text)) {
      category = categoryName(before.text);
      warnings.push(`"${before.text}" above the title was taken as the category`);
    } else {
      warnings.push(`line above the title not placed, dropped: "${before.text}"`);
    }
  }
  let title = lines[titleAt]!.text;
  if (isLeadLike(title)) throw new UnparsableExport(`no title: the first line of text is already a paragraph ("${title.slice(0, 60)}…")`);
  const glued = findStamp(title);
  if (glued && glued.rest !== '') {
    noteStamp(glued.stamp, 'at the end of the title');
    title = glued.rest;
  }
  if (title.length > TITLE_MAX) throw new UnparsableExport(`the title is longer than ${TITLE_MAX} characters`);

  const titleKey = looseKey(title);
  let body = lines.slice(titleAt + 1).map((l) => l.text).filter((line) => looseKey(line) !== titleKey);

  // The byline: labelled lines from the end; a bare line of names only as the very last line.
  const bylineLines: Credit[][] = [];
  while (body.length > 1) {
    const credits = parseByline(body[body.length - 1]!, { bareNames: bylineLines.length === 0 });
    if (!credits) break;
    bylineLines.unshift(credits);
    body = body.slice(0, -1);
  }
  const credits: Credit[] = bylineLines.flat();

  // Caption lines (and photo credits) before the lead belong to a cover photo that is gone.
  const captions: string[] = [];
  const paragraphs: string[] = [];
  let sapo: string | undefined;
  for (const line of body) {
    const photo = splitPhotoCredit(line);
    if (photo.photographer) {
      credits.push({ role: 'photographer', name: photo.photographer });
      if (photo.caption) captions.push(photo.caption);
    } else if (isCaptionShaped(line) && (sapo !== undefined || body.length > 1)) {
      captions.push(line);
    } else if (sapo === undefined) {
      sapo = line;
    } else {
      paragraphs.push(line);
    }
  }
  if (sapo === undefined) throw new UnparsableExport('no article text after the title');
  if (sapo.length > SAPO_MAX) {
    warnings.push(`the lead is longer than ${SAPO_MAX} characters, so it stays in the body and the sapo is left empty`);
    paragraphs.unshift(sapo);
    sapo = '';
  }
  if (credits.length === 0) warnings.push('no byline found (Tin/Bài/Ảnh/BT/Biên tập/Theo/Nguồn line at the end)');

  const publishedAt = publicationDate(stamp, sapo || paragraphs[0] || '', [title, sapo, ...paragraphs], warnings);
  const unit = chooseUnit(portal, [title, sapo || paragraphs[0] || ''], warnings);

  const article: LegacyArticle = {
    file,
    title,
    publishedAt,
    sapo,
    paragraphs,
    captions,
    credits: dedupeCredits(credits),
    sourceKey: sourceKey(title, publishedAt),
    warnings,
  };
  if (category) article.category = category;
  if (unit) article.unit = unit;
  return article;
}

function publicationDate(stamp: Stamp | null, lead: string, texts: string[], warnings: string[]): string | null {
  const leadDate = findLeadDate(lead);
  if (stamp) {
    if (stamp.hour === undefined) warnings.push('the publication stamp has no time: 00:00 used');
    if (leadDate?.year !== undefined) {
      const gap = daysBetween({ year: leadDate.year, month: leadDate.month, day: leadDate.day }, stamp);
      if (gap < 0 || gap > 31) warnings.push(`the lead's date (${leadDate.text}) is far from the publication stamp; the stamp is used`);
    }
    return toVietnamIso(stamp, stamp.hour, stamp.minute);
  }
  if (!leadDate) {
    warnings.push('no publication date: no stamp and no date at the start of the lead');
    return null;
  }
  let year = leadDate.year;
  if (year === undefined) {
    const found = yearFromText(texts);
    if (!found) {
      warnings.push(`the lead's date "${leadDate.text}" has no year and the article names none: no publication date`);
      return null;
    }
    year = found.year;
    warnings.push(`the lead's date "${leadDate.text}" has no year: ${year} inferred from "${found.text}" in the text`);
  }
  if (leadDate.hour === undefined) warnings.push(`no publication time, only the lead's date "${leadDate.text}": 00:00 used`);
  return toVietnamIso({ year, month: leadDate.month, day: leadDate.day }, leadDate.hour, leadDate.minute);
}

function chooseUnit(portal: string | null, texts: string[], warnings: string[]): string | undefined {
  const fromText = unitFromText(texts);
  if (portal) {
    const fromPortal = unitFromPortal(portal);
    if (!fromPortal) return portal.charAt(0).toLocaleUpperCase('vi') + portal.slice(1);
    if (fromText && looseKey(fromText.place) !== looseKey(fromPortal.place)) {
      warnings.push(`the portal is ${portal} but the text names ${fromText.unit}; the portal's unit is used`);
    }
    return fromPortal.unit;
  }
  return fromText?.unit;
}
