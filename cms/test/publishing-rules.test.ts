import { describe, expect, it } from 'vitest';
import { findPublishingProblems, publishingRefusal, type StoredArticle } from '../src/documents/publishing-rules';

const text = (t: string) => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }];
const photo = { image: { id: 1 }, caption: 'Quang cảnh hội nghị.', credit: 'Lê Tính' };

const complete = (): StoredArticle => ({
  title: 'Đảng ủy xã Thạnh Lợi tổ chức Đại hội',
  body: [{ __component: 'body.text', content: text('Sáng 12/6, Đại hội khai mạc.') }, { __component: 'media.credited-photo', ...photo }],
  category: { id: 1 },
  byline: [{ role: 'writer', person: { id: 1 } }],
  cover: { ...photo },
  gallery: [{ ...photo }],
});

const paths = (article: StoredArticle) => findPublishingProblems(article).map((p) => p.path.join('.'));

describe('publishing rules', () => {
  it('accept a complete article', () => {
    expect(findPublishingProblems(complete())).toEqual([]);
  });

  it('require a title, a body with text, a category and a byline', () => {
    const article = { ...complete(), title: '  ', body: [{ __component: 'body.text', content: text(' ') }], category: null, byline: [] };
    expect(paths(article)).toEqual(['title', 'body', 'category', 'byline']);
    const message = publishingRefusal(findPublishingProblems(article));
    expect(message).toMatch(/^Chưa thể xuất bản: /);
    expect(message).toContain('ít nhất một người thực hiện (Bút danh/Tác giả)');
  });

  it('need a person on each credit, or an outlet for a source', () => {
    const article = {
      ...complete(),
      byline: [
        { role: 'writer', person: null },
        { role: 'source', outlet: 'TTXVN' },
        { role: 'source', outlet: ' ' },
      ],
    };
    const problems = findPublishingProblems(article);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['byline.0.person', 'byline.2.outlet']);
    expect(problems[0].message).toContain('(Bài/Tin) chưa chọn người thực hiện');
  });

  it('need an image, a caption and a credit on every photo', () => {
    const article = {
      ...complete(),
      cover: { image: null, caption: '', credit: 'TTXVN' },
      gallery: [{ ...photo, credit: '' }],
      body: [{ __component: 'body.text', content: text('Nội dung.') }, { __component: 'media.credited-photo', ...photo, caption: null }],
    };
    expect(paths(article)).toEqual(['cover.image', 'cover.caption', 'gallery.0.credit', 'body.1.caption']);
  });

  it('refuse images placed inside rich text', () => {
    const content = [...text('Đoạn mở đầu.'), { type: 'image', image: { url: '/uploads/a.jpg' }, children: [{ type: 'text', text: '' }] }];
    const problems = findPublishingProblems({ ...complete(), body: [{ __component: 'body.text', content }] });
    expect(problems.map((p) => p.path.join('.'))).toEqual(['body.0.content']);
    expect(problems[0].message).toContain('khối "Ảnh"');
  });

  it('accept a photo-only body and an article without a cover', () => {
    expect(findPublishingProblems({ ...complete(), cover: null, body: [{ __component: 'media.credited-photo', ...photo }] })).toEqual([]);
  });
});

describe('publication date', () => {
  const now = new Date('2026-06-12T03:00:00.000Z');

  it('refuses a date in the future, naming it as Vietnam shows it', () => {
    const problems = findPublishingProblems({ ...complete(), publicationDate: '2026-06-15T01:30:00.000Z' }, now);
    expect(problems.map((p) => p.path)).toEqual([['publicationDate']]);
    expect(problems[0].message).toContain('15/06/2026');
    expect(problems[0].message).toContain('08:30');
    expect(publishingRefusal(problems)).toMatch(/^Chưa thể xuất bản: ngày đăng .* chưa tới; muốn đăng vào giờ đó thì nhờ Trưởng ban hẹn giờ đăng/);
  });

  it('allows a few minutes of clock skew, past dates and no date', () => {
    for (const publicationDate of ['2026-06-12T03:04:59.000Z', '2021-02-26T08:00:00.000Z', null]) {
      expect(findPublishingProblems({ ...complete(), publicationDate }, now)).toEqual([]);
    }
    expect(findPublishingProblems({ ...complete(), publicationDate: '2026-06-12T03:05:01.000Z' }, now)).toHaveLength(1);
  });
});
