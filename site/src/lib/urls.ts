/** Every public URL of the site, in one place (Vietnamese paths, trailing slash). */
export const articleUrl = (slug: string) => `/tin-tuc/${slug}/`;
export const categoryUrl = (slug: string, page = 1) => (page <= 1 ? `/chuyen-muc/${slug}/` : `/chuyen-muc/${slug}/${page}/`);
export const categoryFeedUrl = (slug: string) => `/chuyen-muc/${slug}/rss.xml`;
export const personUrl = (slug: string) => `/nguoi-thuc-hien/${slug}/`;
export const unitUrl = (slug: string, page = 1) => (page <= 1 ? `/don-vi/${slug}/` : `/don-vi/${slug}/${page}/`);
export const unitFeedUrl = (slug: string) => `/don-vi/${slug}/rss.xml`;
export const tagUrl = (slug: string) => `/tu-khoa/${slug}/`;
export const searchUrl = '/tim-kiem/';
export const feedUrl = '/rss.xml';

/** Absolute URL on the public site (canonical links, feeds, JSON-LD, share links). */
export function absolute(path: string, site: URL | string): string {
  return new URL(path, site).toString();
}
