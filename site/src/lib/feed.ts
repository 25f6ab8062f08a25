/**
 * RSS 2.0 feeds through @astrojs/rss, XML-safe: full body in content:encoded, names in dc:creator (RSS
 * `author` wants an e-mail), the cover as media:content with caption and photographer credit.
 */
import { getRssString, type RSSFeedItem } from '@astrojs/rss';
import type { PhotoEntry } from '../cms/entries';
import { bylineText, creatorNames } from '@toa-soan/cms/newsroom/byline';
import { photoCreditText } from '@toa-soan/cms/newsroom/photo-credit';
import { articleBody, type Article } from './model';
import { escapeHtml, renderBlocks } from './rich-text';
import { xmlSafe } from './xml-safe';

export const FEED_SIZE = 50;

const FEED_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  content: 'http://purl.org/rss/1.0/modules/content/',
};

/** An optimised copy of a photo, with an absolute URL. */
export interface FeedImage { url: string; width: number; height: number; type: string }
export type FeedImageOf = (photo: PhotoEntry) => Promise<FeedImage>;

// @astrojs/rss parses customData again with fast-xml-parser, which decodes XML's named entities
// only: escapeHtml's `&#39;` would reach the feed as the text `&#39;` (a name like `Ánh'`).
const xml = (text: string) => escapeHtml(text).replace(/&#39;/g, '&apos;');

function figure(photo: PhotoEntry, image: FeedImage): string {
  const caption = [photo.caption, photo.credit && `(${photoCreditText(photo.credit)})`].filter(Boolean).join(' ');
  return `<figure><img src="${xml(image.url)}" width="${image.width}" height="${image.height}" alt="${xml(photo.alt)}">${caption ? `<figcaption>${xml(caption)}</figcaption>` : ''}</figure>`;
}

export async function feedItem(article: Article, absolute: (path: string) => string, imageOf: FeedImageOf, mediaUrl: (url: string) => string): Promise<RSSFeedItem> {
  const parts: string[] = [];
  if (article.cover) parts.push(figure(article.cover, await imageOf(article.cover)));
  for (const block of articleBody(article)) {
    parts.push(block.kind === 'text' ? renderBlocks(block.blocks, { mediaUrl }) : figure(block.photo, await imageOf(block.photo)));
  }
  for (const photo of article.gallery) parts.push(figure(photo, await imageOf(photo)));
  if (article.byline.length > 0) parts.push(`<p>${xml(bylineText(article.byline))}</p>`);

  const custom: string[] = creatorNames(article.byline).map((name) => `<dc:creator>${xml(name)}</dc:creator>`);
  if (article.cover) {
    const image = await imageOf(article.cover);
    custom.push(
      `<media:content url="${xml(image.url)}" medium="image" type="${xml(image.type)}" width="${image.width}" height="${image.height}">` +
        (article.cover.caption ? `<media:description>${xml(article.cover.caption)}</media:description>` : '') +
        (article.cover.credit ? `<media:credit role="photographer">${xml(article.cover.credit)}</media:credit>` : '') +
        `</media:content>`,
    );
  }
  return {
    title: article.title,
    link: absolute(article.url),
    pubDate: article.date,
    description: article.sapo || undefined,
    content: parts.join('\n'),
    categories: [article.category?.name, ...article.tags.map((t) => t.name)].filter((c): c is string => Boolean(c)),
    customData: custom.join(''),
  };
}

export interface FeedChannel {
  title: string;
  description: string;
  site: URL;
  items: RSSFeedItem[];
}

/**
 * The feed document. Its text is XML-safe already (the CMS client cleans what it reads); the
 * whole document is cleaned once more as the last guard, since one forbidden character anywhere
 * makes the feed unreadable to every reader.
 */
export async function feedXml(channel: FeedChannel): Promise<string> {
  return xmlSafe(await getRssString({ ...channel, xmlns: FEED_NAMESPACES, customData: '<language>vi</language>' }));
}
