/**
 * Text that XML 1.0 can carry. Feeds and sitemaps are XML, and one forbidden character makes the
 * whole document unreadable to every feed reader, so text is cleaned where it is saved.
 * The site has the same definition (site/src/lib/xml-safe.ts, kept equal by its test) for what
 * reaches it from elsewhere.
 */

/**
 * What XML 1.0 forbids (its Char production): C0 controls but tab, LF and CR; surrogates not in
 * a pair; U+FFFE and U+FFFF.
 */
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` without the characters XML forbids. A vertical tab (what Word's line break becomes when
 * pasted) and a form feed (a page break) separate words, so they become `lineBreak`; the others
 * carry nothing and are removed.
 */
export function xmlSafe(text: string, lineBreak: '\n' | ' ' = '\n'): string {
  return text.replace(FORBIDDEN, (c) => (c === '\x0b' || c === '\x0c' ? lineBreak : ''));
}
