/**
 * A photo's credit names who is credited: a person or an outlet ("Lê Tính", "TTXVN", "Tư liệu").
 * It is stored without a label and printed with the photographer's ("Ảnh: Lê Tính"). Editors
 * type the label anyway, the way it looks in print ("Ảnh: Lê Tính", "Hình: Minh Khoa",
 * "(Ảnh: TTXVN)", "Nguồn ảnh: X", "Ảnh - X", "Ảnh X"), so the CMS takes it off on save and from
 * stored data (cms/src/documents/photo-credits.ts).
 */
import { ROLE_WORDS, printedPattern } from './roles';

/** "Ảnh: Lê Tính": under the photo on the page, in feed captions. */
export function photoCreditText(credit: string): string {
  return `${ROLE_WORDS.photographer.byline}: ${credit}`;
}

/**
 * A leading "Ảnh"/"Hình"/"Nguồn ảnh"/… followed by a colon, a dash or a space and more text.
 * "Ảnh:" alone comes out empty, so publishing asks for the credit; a bare "Ảnh" is left as typed.
 */
const LEADING_LABEL = new RegExp(`^(?:nguồn\\s+)?(?:${printedPattern(['photographer'])})(?:\\s*[:\\-–—]\\s*|\\s+(?=\\S))`, 'iu');
/** "(Ảnh: X)" as a whole, parentheses included. */
const WRAPPED = /^\((.*)\)$/u;

/** The credit as stored: who is credited, without a label. */
export function normalizePhotoCredit(credit: string): string {
  // NFC: text pasted from Word or macOS may come decomposed, and the label match is on composed letters.
  let text = credit.normalize('NFC').replace(/\s+/gu, ' ').trim();
  // Repeated, so credits already doubled by the old hint ("Ảnh: Ảnh: X") come out clean too.
  for (;;) {
    const next = text.replace(WRAPPED, '$1').trim().replace(LEADING_LABEL, '').trim();
    if (next === text) return text;
    text = next;
  }
}
