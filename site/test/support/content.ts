/**
 * Test content created over REST with a full-access token: categories, people, tags, the site
 * setting, photos, published articles, a draft, and one article whose photo file is then removed.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import axios, { type AxiosInstance } from 'axios';
import sharp from 'sharp';

export interface TestContent {
  published: Array<{ title: string; slug: string; writer: string; photographer: string; credit: string; caption: string }>;
  draftSlug: string;
  draftTitle: string;
  brokenPhotoSlug: string;
  /** Puts the deleted photo file back, so the broken article can be built whole. */
  restorePhoto(): Promise<void>;
  /** documentIds of what articles can point at, for tests that add articles of their own. */
  refs: { politics: string; news: string; tag: string; unit: string; lan: string; dung: string; hai: string };
}

async function jpeg(color: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: color } }).jpeg({ quality: 80 }).toBuffer();
}

const text = (value: string) => ({ type: 'paragraph', children: [{ type: 'text', text: value }] });

export async function createTestContent(cmsUrl: string, token: string, publicDir: string): Promise<TestContent> {
  const api: AxiosInstance = axios.create({ baseURL: cmsUrl, headers: { Authorization: `Bearer ${token}` } });
  /** `status` only for draft & publish types (articles). */
  const create = async (type: string, data: Record<string, unknown>, status?: 'published' | 'draft') => {
    const res = await api.post(`/api/${type}${status ? `?status=${status}` : ''}`, { data }).catch((e) => {
      throw new Error(`creating ${type} failed: ${JSON.stringify(e.response?.data ?? e.message)}`);
    });
    return res.data.data as { documentId: string; id: number; title?: string };
  };
  const upload = async (name: string, color: { r: number; g: number; b: number }) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(await jpeg(color))], { type: 'image/jpeg' }), name);
    const res = await api.post('/api/upload', form);
    return res.data[0] as { id: number; url: string };
  };

  await api.put('/api/site-setting', {
    data: {
      portalName: 'Cổng thông tin điện tử huyện Tháp Mười',
      unit: 'Huyện ủy Tháp Mười',
      contactEmail: 'banbientap@thapmuoi.example.vn',
      contactPhone: '0277 3822 123',
      address: 'Khóm 3, thị trấn Mỹ An, huyện Tháp Mười, tỉnh Đồng Tháp',
    },
  });
  const politics = await create('categories', { name: 'Xây dựng Đảng', slug: 'xay-dung-dang', position: 1 });
  const news = await create('categories', { name: 'Tin tức - Sự kiện', slug: 'tin-tuc-su-kien', position: 2 });
  const lan = await create('people', { name: 'Nguyễn Thị Lan', slug: 'nguyen-thi-lan', jobTitle: 'Phóng viên' });
  const dung = await create('people', { name: 'Trần Văn Dũng', slug: 'tran-van-dung', jobTitle: 'Biên tập viên' });
  const hai = await create('people', { name: 'Lê Minh Hải', slug: 'le-minh-hai' });
  const tag = await create('tags', { name: 'Đại hội', slug: 'dai-hoi' });
  const unit = await create('units', { name: 'Huyện ủy Tháp Mười', kind: 'Huyện ủy', activeUntil: '2025-06-30' });

  const cover = await upload('dai-hoi.jpg', { r: 180, g: 20, b: 30 });
  const inline = await upload('hoi-truong.jpg', { r: 20, g: 60, b: 140 });
  const doomedColor = { r: 10, g: 120, b: 40 };
  const doomed = await upload('mat-tich.jpg', doomedColor);

  const published: TestContent['published'] = [];
  const article = async (i: number, title: string, body: string, category: string) => {
    const slug = `bai-${i}`;
    const caption = `Quang cảnh hội nghị số ${i} tại Tháp Mười`;
    const credit = `Đức Anh ${i}`;
    const stored = await create('articles', {
      title,
      slug,
      sapo: `Sáng 29/7, ${title.toLowerCase()}.`,
      publicationDate: `2020-07-${String(10 + i).padStart(2, '0')}T09:30:00.000Z`,
      unit: unit.documentId,
      featured: i === 1,
      category,
      tags: i <= 2 ? [tag.documentId] : [],
      cover: { image: cover.id, caption, credit },
      body: [
        { __component: 'body.text', content: [text(body), { type: 'heading', level: 2, children: [{ type: 'text', text: 'Nội dung chính' }] }] },
        { __component: 'media.credited-photo', image: inline.id, caption: `Đại biểu dự họp (${i})`, credit: 'Minh Hải' },
        { __component: 'body.text', content: [text(i === 3 ? 'Đồng chí Bí thư Huyện ủy phát biểu chỉ đạo.' : 'Các đại biểu thảo luận sôi nổi.')] },
      ],
      byline: [
        { role: 'writer', person: lan.documentId },
        { role: 'editor', person: dung.documentId },
        { role: 'photographer', person: hai.documentId },
      ],
    }, 'published');
    // As the CMS stored it: without the control characters a title pasted from Word can carry.
    published.push({ title: stored.title!, slug, writer: 'Nguyễn Thị Lan', photographer: 'Lê Minh Hải', credit, caption });
  };
  await article(1, 'Đảng ủy xã Mỹ An tổ chức Đại hội điểm', 'Đại hội Đảng bộ xã nhiệm kỳ 2020 - 2025 diễn ra trang trọng.', politics.documentId);
  await article(2, 'Tháp Mười ra quân chiến dịch mùa hè xanh', 'Đoàn viên thanh niên huyện Tháp Mười ra quân.', news.documentId);
  // Pasted from Word: a line break (\x0b) and a NUL, which XML forbids and which broke the feeds.
  await article(3, 'Hội nghị sơ kết\x0bcông tác 6 tháng\x00 đầu năm', 'Đồng chí Chủ tịch\x0bUBND huyện chủ trì\x01 hội nghị.', news.documentId);

  await create('articles', { title: 'Bản nháp chưa đăng', slug: 'ban-nhap', body: [{ __component: 'body.text', content: [text('Nháp.')] }] }, 'draft');
  await create('articles', {
    title: 'Bài có ảnh bị mất',
    slug: 'anh-bi-mat',
    sapo: 'Ảnh của bài này đã bị xóa khỏi thư mục tải lên.',
    publicationDate: '2020-06-01T01:00:00.000Z',
    category: news.documentId,
    cover: { image: doomed.id, caption: 'Ảnh đã mất', credit: 'Không rõ' },
    body: [{ __component: 'body.text', content: [text('Bài vẫn phải hiện, không có ảnh.')] }],
    byline: [{ role: 'writer', person: lan.documentId }],
  }, 'published');
  // The upload's file disappears from disk while the CMS still references it.
  const doomedFile = path.join(publicDir, doomed.url.replace(/^\//, ''));
  await rm(doomedFile);

  return {
    published,
    draftSlug: 'ban-nhap',
    draftTitle: 'Bản nháp chưa đăng',
    brokenPhotoSlug: 'anh-bi-mat',
    restorePhoto: async () => writeFile(doomedFile, await jpeg(doomedColor)),
    refs: {
      politics: politics.documentId,
      news: news.documentId,
      tag: tag.documentId,
      unit: unit.documentId,
      lan: lan.documentId,
      dung: dung.documentId,
      hai: hai.documentId,
    },
  };
}
