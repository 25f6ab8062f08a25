/**
 * A media URL as the site fetches and links it. Strapi's local uploads answer with a path on the
 * CMS (`/uploads/…`); an upload provider's absolute URL is kept as it is.
 */
export function absoluteMediaUrl(url: string, cmsUrl: string): string {
  return new URL(url, `${cmsUrl}/`).toString();
}
