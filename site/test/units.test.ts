/** Units in the catalog (lib/model.ts), their periods, and what an article page's key covers. */
import { describe, expect, it } from 'vitest';
import type { ArticleEntry, UnitEntry } from '../src/cms/entries';
import { unitPeriod } from '../src/lib/dates';
import { buildCatalog } from '../src/lib/model';
import { articlePageKey } from '../src/lib/page-key';

const SITE = { portalName: 'x', unit: null, baseUrl: null, contactEmail: null, contactPhone: null, address: null, footerText: null };
const article = (id: string, unitId: string | null): { id: string; data: ArticleEntry } => ({
  id,
  data: { title: id, slug: id, sapo: '', bodyFile: '', bodyDigest: '', cover: null, gallery: [], categoryId: null, tagIds: [], byline: [], publicationDate: '2025-06-01T00:00:00.000Z', updatedAt: '2025-06-01T00:00:00.000Z', unitId, featured: false },
});
const unit = (name: string, slug: string, more: Partial<UnitEntry> = {}): UnitEntry => ({ name, slug, kind: null, activeFrom: null, activeUntil: null, description: null, successorId: null, ...more });

function catalog(units: Array<{ id: string; data: UnitEntry }>) {
  return buildCatalog({ site: SITE, articles: [article('a1', 'huyen'), article('a2', 'xa'), article('a3', null)], categories: [], people: [], tags: [], units, warn: () => {}, today: '2026-01-15' });
}
const UNITS = [
  { id: 'huyen', data: unit('Huyện ủy Tháp Mười', 'huyen-uy-thap-muoi', { activeFrom: '2015-01-01', activeUntil: '2025-06-30', successorId: 'xa' }) },
  { id: 'xa', data: unit('Đảng ủy xã Mỹ An', 'dang-uy-xa-my-an', { activeFrom: '2025-07-01' }) },
  { id: 'idle', data: unit('Phòng Tư pháp', 'phong-tu-phap', { successorId: 'xa' }) },
];

describe('units in the catalog', () => {
  it('lists only units with articles, resolves the successor and tells which ended', () => {
    const c = catalog(UNITS);
    expect(c.units.map((u) => u.slug)).toEqual(['dang-uy-xa-my-an', 'huyen-uy-thap-muoi']);
    const [a1, a2, a3] = ['a1', 'a2', 'a3'].map((id) => c.articles.find((a) => a.id === id)!);
    expect(a1!.unit).toMatchObject({ name: 'Huyện ủy Tháp Mười', url: '/don-vi/huyen-uy-thap-muoi/', ended: true, successor: { name: 'Đảng ủy xã Mỹ An', url: '/don-vi/dang-uy-xa-my-an/' } });
    expect(a2!.unit).toMatchObject({ ended: false, successor: null });
    expect(a3!.unit).toBeNull();
    expect(c.articlesOfUnit(c.units[1]!).map((a) => a.id)).toEqual(['a1']);
  });

  it('re-renders an article page when its unit’s dates or successor change', () => {
    const key = (units: typeof UNITS) => {
      const a1 = catalog(units).articles.find((a) => a.id === 'a1')!;
      return articlePageKey(a1, [], 'layout');
    };
    const before = key(UNITS);
    expect(key(UNITS)).toBe(before);
    expect(key([{ ...UNITS[0]!, data: { ...UNITS[0]!.data, activeUntil: '2025-07-31' } }, UNITS[1]!, UNITS[2]!])).not.toBe(before);
    expect(key([UNITS[0]!, { ...UNITS[1]!, data: { ...UNITS[1]!.data, name: 'UBND xã Mỹ An' } }, UNITS[2]!])).not.toBe(before);
  });
});

describe('unitPeriod', () => {
  it.each([
    ['2015-01-01', '2025-06-30', '2015 – 30/6/2025'],
    ['2015-10-01', '2025-06-30', '1/10/2015 – 30/6/2025'],
    ['2025-07-01', null, 'từ 1/7/2025'],
    [null, '2025-06-30', 'đến 30/6/2025'],
    [null, null, null],
  ])('%s, %s → %s', (from, until, shown) => {
    expect(unitPeriod(from, until)).toBe(shown);
  });
});
