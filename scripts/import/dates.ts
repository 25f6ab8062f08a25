/**
 * Publication dates in legacy exports: the portal's stamp, e.g. "(16:30 | 29/07/2020)", or
 * failing that the date the lead opens with, e.g. "Sáng ngày 26/02/2021", "Chiều 28/7/2020",
 * "Sáng ngày 13/3" (no year). All times are Vietnam time (UTC+7, no daylight saving).
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface Stamp extends CalendarDate {
  hour?: number;
  minute?: number;
}

export interface LeadDate {
  day: number;
  month: number;
  year?: number;
  hour?: number;
  minute?: number;
  /** The words it was read from, for warnings. */
  text: string;
}

const DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;
const TIME = /(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*(?::\d{2}|phút))?/iu;
/** Words a stamp line may carry around its date and time ("Ngày đăng:", "Thứ Tư,", "GMT+7"). */
const STAMP_WORDS =
  /ngày đăng|ngày cập nhật|cập nhật lúc|cập nhật|đăng lúc|đăng ngày|ngày|lúc|đăng|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật|gmt\s*\+?\s*7|\bam\b|\bpm\b/giu;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validTime(hour: number, minute: number): boolean {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
}

/**
 * A line that is nothing but a publication stamp (date, optional time, the usual words and
 * brackets around them), or a stamp in brackets at the end of a longer line.
 * Returns the stamp and what is left of the line ('' for a stamp line).
 */
export function findStamp(line: string): { stamp: Stamp; rest: string } | null {
  const whole = readStamp(line);
  if (whole) return { stamp: whole, rest: '' };
  // "Title (16:30 | 29/07/2020)": a stamp glued to the end of a line, always in brackets.
  const tail = /\(([^()]*\d{4}[^()]*)\)\s*$/u.exec(line);
  if (tail?.[1]) {
    const stamp = readStamp(tail[1]);
    if (stamp) return { stamp, rest: line.slice(0, tail.index).trim() };
  }
  return null;
}

function readStamp(text: string): Stamp | null {
  const date = DATE.exec(text);
  if (!date) return null;
  const [, d, m, y] = date.map(Number) as [number, number, number, number];
  if (!validDate(y, m, d)) return null;
  let rest = text.slice(0, date.index) + ' ' + text.slice(date.index + date[0].length);
  const time = TIME.exec(rest);
  const stamp: Stamp = { year: y, month: m, day: d };
  if (time) {
    const hour = Number(time[1]);
    const minute = Number(time[2]);
    if (!validTime(hour, minute)) return null;
    stamp.hour = hour;
    stamp.minute = minute;
    rest = rest.slice(0, time.index) + ' ' + rest.slice(time.index + time[0].length);
  }
  const leftover = rest.replace(STAMP_WORDS, ' ').replace(/[\s()[\]|,:\-–—]+/gu, '');
  return leftover === '' ? stamp : null;
}

/**
 * The date a lead opens with: "Sáng ngày 26/02/2021, …", "Chiều 28/7/2020 …", "Ngày 13/3, …",
 * "Lúc 14 giờ 30 ngày 5/6/2021", "Sáng 26 tháng 2 năm 2021". Only the opening of the lead is
 * read: later dates are usually those of documents it cites.
 */
export function findLeadDate(lead: string): LeadDate | null {
  const opening = lead.slice(0, 160);
  const slash = /(?:^|[\s,(])(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])/u.exec(opening);
  const dashed = /(?:^|[\s,(])(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)/u.exec(opening);
  const words = /(?:^|[\s,(])(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/iu.exec(opening);
  const found = [slash, dashed, words]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!found) return null;
  const day = Number(found[1]);
  const month = Number(found[2]);
  const year = found[3] ? Number(found[3]) : undefined;
  if (!validDate(year ?? 2000, month, day)) return null;
  const date: LeadDate = { day, month, text: found[0].replace(/^[\s,(]/u, '') };
  if (year !== undefined) date.year = year;
  // An explicit time just before the date: "Lúc 14 giờ 30 ngày …", "14h00 ngày …".
  const before = opening.slice(0, found.index);
  const time = /(\d{1,2})\s*(?:h|giờ|:)\s*(\d{2})?\s*(?:phút)?[\s,]*(?:ngày|sáng|chiều|tối)?[\s,]*$/iu.exec(before);
  if (time) {
    const hour = Number(time[1]);
    const minute = Number(time[2] ?? 0);
    if (validTime(hour, minute)) {
      date.hour = hour;
      date.minute = minute;
    }
  }
  return date;
}

/**
 * A year for a lead date that has none, from the article itself: first "năm 2021" in the
 * title, lead or body; failing that a lone year that is not part of a range ("2021-2026").
 */
export function yearFromText(texts: string[]): { year: number; text: string } | null {
  const plausible = (y: number) => y >= 1990 && y <= new Date().getFullYear() + 1;
  for (const text of texts) {
    for (const m of text.matchAll(/năm\s+((?:19|20)\d{2})(?![\d-])/giu)) {
      if (plausible(Number(m[1]))) return { year: Number(m[1]), text: m[0] };
    }
  }
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\d/-])((?:19|20)\d{2})(?![\d/-])/gu)) {
      if (plausible(Number(m[1]))) return { year: Number(m[1]), text: m[0] };
    }
  }
  return null;
}

/** ISO 8601 in Vietnam time: 2020-07-29T16:30:00+07:00. */
export function toVietnamIso(date: CalendarDate, hour = 0, minute = 0): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(hour)}:${pad(minute)}:00+07:00`;
}

/** Whole days from a to b. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}
