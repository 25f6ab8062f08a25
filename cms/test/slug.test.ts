import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, slugify, uniqueSlug } from '../src/newsroom/slug';

describe('slugify', () => {
  it('transliterates Vietnamese, đ/Đ included', () => {
    expect(slugify('Đảng ủy xã Thạnh Lợi')).toBe('dang-uy-xa-thanh-loi');
    expect(slugify('Đồng chí Bí thư thăm đô thị mới')).toBe('dong-chi-bi-thu-tham-do-thi-moi');
    expect(slugify('Vùng Đồng Tháp Mười')).toBe('vung-dong-thap-muoi');
  });

  it('drops every tone mark and the letters with hooks, breves and circumflexes', () => {
    expect(slugify('Ắ Ằ Ẳ Ẵ Ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ')).toBe(
      'a-a-a-a-a-a-a-a-a-a-e-e-e-e-e-o-o-o-o-o-o-o-o-o-o-u-u-u-u-u-y-y-y-y-y',
    );
    expect(slugify('Kinh tế - Xã hội')).toBe('kinh-te-xa-hoi');
  });

  it('turns punctuation into single dashes and trims them', () => {
    expect(slugify('  "Tin tức - Sự kiện": 6/2025!  ')).toBe('tin-tuc-su-kien-6-2025');
    expect(slugify('---')).toBe('');
  });

  it('caps the length at a word boundary', () => {
    const slug = slugify('Hội nghị toàn quốc quán triệt nghị quyết về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(/^hoi-nghi-toan-quoc-.*[a-z0-9]$/);
    expect(slug.endsWith('-chuyen')).toBe(false);
    expect(slugify('a'.repeat(120))).toBe('a'.repeat(SLUG_MAX_LENGTH));
  });
});

describe('uniqueSlug', () => {
  it('adds -2, -3 while the slug is taken', async () => {
    const taken = new Set(['tan-hoa', 'tan-hoa-2']);
    expect(await uniqueSlug('tan-hoa', async (s) => taken.has(s))).toBe('tan-hoa-3');
    expect(await uniqueSlug('my-an', async (s) => taken.has(s))).toBe('my-an');
  });

  it('keeps a suffixed slug within the length cap', async () => {
    const base = 'x'.repeat(SLUG_MAX_LENGTH);
    const slug = await uniqueSlug(base, async (s) => s === base);
    expect(slug).toBe(`${'x'.repeat(SLUG_MAX_LENGTH - 2)}-2`);
  });
});
