/**
 * A photo's credit names who is credited: a person or an outlet ("Lê Tính", "TTXVN", "Tư liệu").
 * The site prints the label ("Ảnh: Lê Tính"), so the stored credit must not carry one. Editors
 * type it anyway, the way it looks in print ("Ảnh: Lê Tính", "Hình: Minh Khoa", "(Ảnh: TTXVN)",
 * "Nguồn ảnh: X", "Ảnh - X", "Ảnh X"), so it is taken off on save and from stored data.
 */

/**
 * A leading "Ảnh"/"Hình"/… followed by a colon, a dash or a space and more text. "Ảnh:" alone
 * comes out empty, so publishing asks for the credit; a bare "Ảnh" is left as typed.
 */
const LEADING_LABEL = /^(?:nguồn\s+ảnh|nguồn\s+hình|hình\s+ảnh|ảnh|hình|photo)(?:\s*[:\-–—]\s*|\s+(?=\S))/iu;
/** "(Ảnh: X)" as a whole, parentheses included. */
const WRAPPED = /^\((.*)\)$/u;

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
