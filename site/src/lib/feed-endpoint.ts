/** Glue between the feed items and Astro: optimised images through getImage, absolute URLs. */
import { getImage } from 'astro:assets';
import { IMAGE_WIDTHS, scaledSize } from '@toa-soan/cms/newsroom/image-sizes';
import { absoluteMediaUrl } from '@toa-soan/cms/newsroom/media';
import type { PhotoEntry } from '../cms/entries';
import { readEnv } from '../env';
import { FEED_SIZE, feedItem, feedXml, type FeedImage } from './feed';
import type { Article } from './model';

export async function feedResponse(options: { title: string; description: string; site: URL; articles: Article[] }): Promise<Response> {
  const absolute = (path: string) => new URL(path, options.site).toString();
  const { cmsUrl } = readEnv();
  const imageOf = async (photo: PhotoEntry): Promise<FeedImage> => {
    const { width, height } = scaledSize(photo, IMAGE_WIDTHS.feed);
    const image = await getImage({ src: photo.src, width, height, format: 'jpeg' });
    return { url: absolute(image.src), width, height, type: 'image/jpeg' };
  };
  const items = await Promise.all(
    options.articles.slice(0, FEED_SIZE).map((a) => feedItem(a, absolute, imageOf, (url) => absoluteMediaUrl(url, cmsUrl))),
  );
  const xml = await feedXml({ title: options.title, description: options.description, site: options.site, items });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
