/** Turning an exported file into clean lines, and comparing names and titles loosely. */

/** Thrown for a file that is not an article export at all; the message says what is wrong. */
export class UnparsableExport extends Error {}

/**
 * Decodes an export: UTF-8 (with or without BOM) or UTF-16 with a BOM, as Windows tools write.
 * Anything else (e.g. a Windows-1258 file) is refused rather than read as mojibake.
 */
export function decodeExport(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new UnparsableExport('binary file (it contains NUL bytes), not a text export');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnparsableExport('not UTF-8 text (an old Vietnamese code page such as Windows-1258 or TCVN3?)');
  }
}

/** One line as the parser sees it: NFC, no BOM, no-break spaces as spaces, runs of blanks collapsed. */
export function cleanLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(/\uFEFF/g, '')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The non-blank lines of an export (CRLF, CR and LF all end a line). */
export function contentLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(cleanLine)
    .filter((line) => line !== '');
}

/** Dashes and quotes the portals mix freely, made one. */
export function unifyPunctuation(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u201C\u201D\u201E]/g, '"')
    .replace(/[\u2018\u2019]/g, "'");
}

/** A comparison key: NFC, lower case, one space, unified dashes, no trailing punctuation. */
export function looseKey(text: string): string {
  return unifyPunctuation(cleanLine(text))
    .toLocaleLowerCase('vi')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/[\s.…:;,!?/]+$/u, '');
}

/** How people are matched: case, whitespace and Unicode composition do not make two people. */
export function personKey(name: string): string {
  return cleanLine(name).toLocaleLowerCase('vi');
}

/** Ends like a sentence: . ! ? … : ; (also "/." and before closing quotes or brackets). */
export function endsWithPunctuation(line: string): boolean {
  return /[.!?…:;]["'”’»)\]]*$/u.test(line);
}

export function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
