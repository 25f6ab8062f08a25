/**
 * Bylines and photo credits on every output, from the newsroom vocabulary
 * (@toa-soan/cms/newsroom): a role's label is changed there once and each output follows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bylineText, creatorNames } from '@toa-soan/cms/newsroom/byline';
import { foldD } from '@toa-soan/cms/newsroom/fold';
import { photoCreditText } from '@toa-soan/cms/newsroom/photo-credit';
import { ROLES, ROLE_WORDS, type CreditRole } from '@toa-soan/cms/newsroom/roles';
import type { ArticleEntry, PersonEntry } from '../src/cms/entries';
import { newsArticleJsonLd } from '../src/lib/article-seo';
import { groupByline } from '../src/lib/byline';
import { feedItem } from '../src/lib/feed';
import { buildCatalog } from '../src/lib/model';
import { foldedSearchText } from '../src/lib/search-fold';

const byline = (...credits: Array<[CreditRole, string]>) =>
  groupByline(credits.map(([role, name]) => ({ role, names: [{ name, href: null }] })));

describe('byline grouping and text', () => {
  it('groups by role in the schema order, without repeating a name', () => {
    const lan = { name: 'Nguyễn Thị Lan', href: '/nguoi-thuc-hien/nguyen-thi-lan/' };
    const groups = groupByline([
      { role: 'photographer', names: [{ name: 'Lê Hải', href: null }] },
      { role: 'writer', names: [lan] },
      { role: 'source', names: [{ name: 'Báo Đồng Tháp', href: null }] },
      { role: 'writer', names: [{ name: 'Trần Dũng', href: null }, lan] },
      { role: 'editor', names: [{ name: 'Minh Thư', href: null }] },
    ]);
    expect(groups.map((g) => g.role)).toEqual(ROLES);
    expect(groups[0]!.names).toEqual([lan, { name: 'Trần Dũng', href: null }]);
    expect(bylineText(groups)).toBe('Bài: Nguyễn Thị Lan, Trần Dũng – Biên tập: Minh Thư – Ảnh: Lê Hải – Theo: Báo Đồng Tháp');
  });

  it('leaves out empty roles', () => {
    expect(groupByline([{ role: 'editor', names: [] }])).toEqual([]);
  });
});

describe('creatorNames (RSS dc:creator, schema.org author)', () => {
  it('names the writers when there are some', () => {
    expect(creatorNames(byline(['editor', 'Hoàng Kha'], ['writer', 'Nguyễn Thu'], ['writer', 'Minh Khoa'], ['source', 'TTXVN']))).toEqual(['Nguyễn Thu', 'Minh Khoa']);
  });

  it('falls back to the editor, then the source, then the photographer, so every item names someone', () => {
    expect(creatorNames(byline(['editor', 'Hoàng Kha'], ['source', 'TTXVN'], ['photographer', 'Lê Tính']))).toEqual(['Hoàng Kha']);
    expect(creatorNames(byline(['source', 'Báo Đồng Tháp'], ['photographer', 'Lê Tính']))).toEqual(['Báo Đồng Tháp']);
    expect(creatorNames(byline(['photographer', 'Lê Tính']))).toEqual(['Lê Tính']);
    expect(creatorNames([])).toEqual([]);
  });
});

describe('photoCreditText', () => {
  it('adds the label once to the stored credit', () => {
    expect(photoCreditText('Lê Tính')).toBe('Ảnh: Lê Tính');
    expect(photoCreditText('TTXVN')).toBe('Ảnh: TTXVN');
  });
});

describe('every output takes its words from the vocabulary', () => {
  const SITE = { portalName: 'Cổng', unit: null, baseUrl: null, contactEmail: null, contactPhone: null, address: null, footerText: null };
  const bodyFile = path.join(mkdtempSync(path.join(tmpdir(), 'byline-')), 'body.json');
  writeFileSync(bodyFile, '[]');
  const person: PersonEntry = { name: 'Đặng Quốc Khánh', slug: 'dang-quoc-khanh', jobTitle: null, bio: null };
  const cover = { src: 'https://cms.example/uploads/a.jpg', width: 1600, height: 900, alt: 'Đê bao', caption: 'Đê bao xung yếu', credit: 'Lê Tính' };

  /** One article credited to one person (or, for `source`, an outlet) in `role`. */
  function articleCredited(role: CreditRole) {
    const data: ArticleEntry = {
      title: 'Gia cố đê bao',
      slug: 'gia-co-de-bao',
      sapo: '',
      bodyFile,
      bodyDigest: '',
      cover,
      gallery: [],
      categoryId: null,
      tagIds: [],
      byline: [role === 'source' ? { role, personId: null, outlet: 'Đài Phát thanh' } : { role, personId: 'p1', outlet: null }],
      publicationDate: '2025-06-01T00:00:00.000Z',
      updatedAt: '2025-06-01T00:00:00.000Z',
      unitId: null,
      featured: false,
    };
    const catalog = buildCatalog({ site: SITE, articles: [{ id: 'a1', data }], categories: [], people: [{ id: 'p1', data: person }], tags: [], units: [], warn: () => {} });
    return { article: catalog.articles[0]!, name: role === 'source' ? 'Đài Phát thanh' : person.name };
  }

  for (const role of ROLES) {
    it(`${role}: page byline, feed item, structured data and search text`, async () => {
      const { article, name } = articleCredited(role);
      const label = ROLE_WORDS[role].byline;
      // The page prints each group as "<dt>{label}:</dt>" (components/Byline.astro).
      expect(article.byline).toEqual([expect.objectContaining({ role, label })]);

      const item = await feedItem(article, (p) => `https://site.example${p}`, async () => ({ url: 'https://site.example/a.jpg', width: 800, height: 450, type: 'image/jpeg' }), (u) => u);
      expect(item.content).toContain(`<p>${label}: ${name}</p>`);
      expect(item.content).toContain(`(${ROLE_WORDS.photographer.byline}: ${cover.credit})`);
      // The only credit is the article's creator, whatever its role.
      expect(item.customData).toContain(`<dc:creator>${name}</dc:creator>`);

      const jsonLd = newsArticleJsonLd(article, SITE, { page: 'https://site.example/tin-tuc/x/', personUrl: (p) => `https://site.example${p}` });
      expect(jsonLd.author).toEqual([expect.objectContaining({ name })]);

      // Names are searchable without đ (both names start with one).
      expect(foldedSearchText(article, []).rest.split(' ')).toContain(foldD(name.split(' ')[0]!));
    });
  }
});
