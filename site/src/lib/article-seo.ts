/** Structured data for an article page: schema.org NewsArticle. */
import { creatorRole } from '@toa-soan/cms/newsroom/byline';
import type { Article } from './model';
import type { SiteSettingEntry } from '../cms/entries';
import { xmlSafeDeep } from './xml-safe';

export function newsArticleJsonLd(
  article: Article,
  site: SiteSettingEntry,
  urls: { page: string; image?: string | undefined; personUrl: (path: string) => string },
): Record<string, unknown> {
  // Who the article is by, as the feed names it: the writers, else the editor or the source outlet.
  const role = creatorRole(article.byline.map((g) => g.role));
  const authors = article.credits.filter((c) => c.role === role);
  // Its text comes XML-safe from the CMS client; cleaned again here, at the output, so a control
  // character never reaches search engines' structured data whatever path the text took.
  return xmlSafeDeep({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.sapo || undefined,
    datePublished: article.date.toISOString(),
    dateModified: article.updatedAt,
    mainEntityOfPage: urls.page,
    url: urls.page,
    inLanguage: 'vi',
    articleSection: article.category?.name,
    keywords: article.tags.map((t) => t.name).join(', ') || undefined,
    author: authors.map((c) =>
      c.person ? { '@type': 'Person', name: c.person.name, url: urls.personUrl(c.person.url) } : { '@type': 'Organization', name: c.outlet },
    ),
    publisher: { '@type': 'GovernmentOrganization', name: article.unit?.name ?? site.unit ?? site.portalName },
    image:
      article.cover && urls.image
        ? {
            '@type': 'ImageObject',
            url: urls.image,
            caption: article.cover.caption || undefined,
            creditText: article.cover.credit || undefined,
          }
        : undefined,
  });
}
