/** A LegacyArticle as Strapi article data, and whether it may be published. */
import type { ArticleInput, CreditInput } from '@toa-soan/cms/document-types';
import type { CmsClient } from './cms-client';
import type { LegacyArticle } from './record';

export const DEFAULT_CATEGORY = 'Tin tức - Sự kiện';

/**
 * Why the article is imported as a draft instead of published, or null to publish. The CMS
 * refuses to publish without a credit, and an article without its date would be published with
 * today's date and jump to the top of the portal.
 */
export function draftReason(article: LegacyArticle): string | null {
  const reasons: string[] = [];
  if (article.credits.length === 0) reasons.push('no byline credit (the CMS needs one to publish)');
  if (!article.publishedAt) reasons.push('no publication date');
  return reasons.length > 0 ? reasons.join(' and ') : null;
}

/** One text block of paragraph nodes. A one-paragraph brief keeps its lead as the body too. */
function bodyBlocks(article: LegacyArticle): ArticleInput['body'] {
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : [article.sapo].filter(Boolean);
  if (paragraphs.length === 0) return [];
  return [
    {
      __component: 'body.text',
      content: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
    },
  ];
}

/** Resolves people, the category and the unit (creating them when missing) and builds the article data. */
export async function toStrapiArticle(article: LegacyArticle, cms: CmsClient): Promise<ArticleInput> {
  const byline: CreditInput[] = [];
  for (const credit of article.credits) {
    if (credit.role === 'source') byline.push({ role: 'source', outlet: credit.name });
    else byline.push({ role: credit.role, person: await cms.person(credit.name) });
  }
  return {
    title: article.title,
    sapo: article.sapo,
    body: bodyBlocks(article),
    category: await cms.category(article.category ?? DEFAULT_CATEGORY),
    byline,
    // Left out without a date (the article stays a draft; an update keeps the date it had).
    publicationDate: article.publishedAt ?? undefined,
    unit: article.unit ? await cms.unit(article.unit) : null,
    sourceKey: article.sourceKey,
    sourceCaptions: article.captions,
  };
}
