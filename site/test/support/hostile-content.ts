/**
 * A portal whose every editor-controlled field holds hostile text (scripts/testing/hostile-inputs.ts):
 * per payload one category, tag, person, photo (alt text) and published article whose title, sapo,
 * body text, link (URL and text), heading, quote, captions, credits, unit and source outlet are that payload; the
 * site settings hold some too. Created over REST with a full-access token.
 */
import axios from 'axios';
import sharp from 'sharp';

export interface HostileArticle { slug: string; title: string; categorySlug: string; tagSlug: string; personSlug: string; unitSlug: string }

/** Every article's body holds these words, so one search lists them all. */
export const COMMON_WORDS = 'Kiểm tra an toàn nội dung';

export async function createHostileContent(cmsUrl: string, token: string, payloads: readonly string[]): Promise<HostileArticle[]> {
  const api = axios.create({ baseURL: cmsUrl, headers: { Authorization: `Bearer ${token}` } });
  const create = async (type: string, data: Record<string, unknown>, query = '') => {
    const res = await api.post(`/api/${type}${query}`, { data }).catch((e) => {
      throw new Error(`creating ${type} ${JSON.stringify(data).slice(0, 200)} failed: ${JSON.stringify(e.response?.data ?? e.message)}`);
    });
    return res.data.data as { documentId: string };
  };
  const upload = async (i: number, alternativeText: string) => {
    // Small photos: the build's image work stays short with one photo per payload.
    const jpeg = await sharp({ create: { width: 480, height: 320, channels: 3, background: { r: (i * 37) % 256, g: 90, b: 140 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `anh-${i}.jpg`);
    form.append('fileInfo', JSON.stringify({ alternativeText }));
    const res = await api.post('/api/upload', form);
    return res.data[0] as { id: number };
  };
  const at = (i: number) => payloads[i % payloads.length]!;

  await api.put('/api/site-setting', {
    data: {
      portalName: at(0),
      unit: at(17),
      address: at(36),
      footerText: at(41),
      contactPhone: at(1),
    },
  });

  const categories = [];
  const tags = [];
  const people = [];
  const units: Array<{ documentId: string }> = [];
  for (const [i, payload] of payloads.entries()) {
    categories.push(await create('categories', { name: payload, slug: `chuyen-muc-${i + 1}`, description: payload, position: i + 1 }));
    tags.push(await create('tags', { name: payload, slug: `tu-khoa-${i + 1}` }));
    people.push(await create('people', { name: payload, slug: `nguoi-${i + 1}`, jobTitle: payload, bio: payload }));
  }
  // Every other unit has ended and hands over to the next one: its articles carry the archive notice.
  for (const [i, payload] of [...payloads.entries()].reverse()) {
    const ended = i % 2 === 0 && i + 1 < payloads.length;
    units[i] = await create('units', {
      name: payload,
      slug: `don-vi-${i + 1}`,
      kind: payload.slice(0, 80),
      description: payload,
      ...(ended ? { activeFrom: '2015-10-01', activeUntil: '2025-06-30', successor: units[i + 1]!.documentId } : {}),
    });
  }

  const articles: HostileArticle[] = [];
  for (const [i, payload] of payloads.entries()) {
    const photo = await upload(i, payload);
    const credited = { image: photo.id, caption: payload, credit: payload };
    const slug = `bai-${i + 1}`;
    await create('articles', {
      title: payload,
      slug,
      sapo: payload,
      publicationDate: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString(),
      unit: units[i]!.documentId,
      featured: i < 4,
      category: categories[i]!.documentId,
      tags: [tags[i]!.documentId, tags[(i + 1) % payloads.length]!.documentId],
      cover: credited,
      gallery: [credited],
      body: [
        {
          __component: 'body.text',
          content: [
            { type: 'paragraph', children: [{ type: 'text', text: `${COMMON_WORDS} số ${i + 1}: ${payload}` }] },
            // Strapi accepts only http(s), ftp, mailto, tel and relative link URLs (script schemes are
            // refused on save), so the payload rides in a relative URL's query.
            { type: 'paragraph', children: [{ type: 'link', url: `/?q=${payload}`, children: [{ type: 'text', text: payload }] }] },
            { type: 'heading', level: 2, children: [{ type: 'text', text: payload, bold: true }] },
            { type: 'quote', children: [{ type: 'text', text: payload }] },
          ],
        },
        { __component: 'media.credited-photo', ...credited },
      ],
      byline: [
        { role: 'writer', person: people[i]!.documentId },
        { role: 'photographer', person: people[(i + 1) % payloads.length]!.documentId },
        { role: 'source', outlet: payload },
      ],
    }, '?status=published');
    articles.push({ slug, title: payload, categorySlug: `chuyen-muc-${i + 1}`, tagSlug: `tu-khoa-${i + 1}`, personSlug: `nguoi-${i + 1}`, unitSlug: `don-vi-${i + 1}` });
  }
  return articles;
}
