/**
 * Text that XML 1.0 can carry. The CMS cleans text when it is saved (cms/src/lib/xml-safe.ts,
 * the same definition: the workspaces build separately, test/xml-safe.test.ts keeps them equal).
 * The site cleans again where CMS data comes in and in the feed serializer, because one forbidden
 * character (from content saved before that, a restored backup, an API client writing to the
 * database) makes a whole feed unreadable.
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

/**
 * `value` (parsed JSON), changed in place: every string value in it made XML-safe (keys are
 * field names, never shown). Walks without recursion: what the CMS answers is not trusted here.
 */
export function xmlSafeDeep<T>(value: T): T {
  const root: Record<string, unknown> = { value };
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // Arrays too: their keys are the indexes.
    for (const key of Object.keys(node)) {
      const item = node[key];
      if (typeof item === 'string') node[key] = xmlSafe(item);
      else if (typeof item === 'object' && item !== null) stack.push(item as Record<string, unknown>);
    }
  }
  return root.value as T;
}
