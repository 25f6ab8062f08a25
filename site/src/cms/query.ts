/**
 * Query objects in the nested form Strapi documents, serialised the way Strapi's `qs` parser reads
 * them back: `{ populate: { cover: { fields: ['caption'] } } }` → `populate[cover][fields][0]=caption`.
 * Only values are encoded, so the brackets stay readable in logs and error messages.
 */
import qs from 'qs';

export type QueryValue = string | number | boolean | readonly QueryValue[] | { readonly [key: string]: QueryValue };
export type Query = Readonly<Record<string, QueryValue>>;

export const toQueryString = (query: Query): string => qs.stringify(query, { encodeValuesOnly: true });
