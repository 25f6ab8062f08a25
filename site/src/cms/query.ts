/**
 * Serialises a nested query object the way Strapi's `qs` parser reads it back:
 * `{ populate: { cover: { fields: ['caption'] } } }` → `populate[cover][fields][0]=caption`.
 * Written out explicitly (rather than axios' own serialiser) so the URLs are predictable in logs
 * and error messages.
 */
export type QueryValue = string | number | boolean | QueryValue[] | { [key: string]: QueryValue };
export type Query = Record<string, QueryValue>;

export function toQueryString(query: Query): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: QueryValue) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(`${prefix}[${i}]`, item));
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(`${prefix}[${key}]`, inner);
    } else {
      parts.push(`${encodeKey(prefix)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(query)) walk(key, value);
  return parts.join('&');
}

/** Keeps brackets readable; Strapi (qs) accepts them unescaped. */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}
