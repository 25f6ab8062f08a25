import { describe, expect, it } from 'vitest';
import { foldD } from '@toa-soan/cms/newsroom/fold';
import { formatDate, formatDateTime, localYear } from '../src/lib/dates';
import { dWords } from '../src/lib/search-fold';

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('formats like Vietnamese portals', () => {
    expect(formatDateTime('2020-07-29T09:30:00.000Z')).toBe('29/07/2020 16:30');
    expect(formatDate('2020-07-29T09:30:00.000Z')).toBe('29/07/2020');
  });
  it('uses local midnight and year', () => {
    expect(formatDateTime('2020-12-31T17:05:00Z')).toBe('01/01/2021 00:05');
    expect(localYear('2020-12-31T17:05:00Z')).toBe('2021');
  });
  it('refuses a non-date', () => {
    expect(() => formatDateTime('hôm qua')).toThrow(/Not a date/);
  });
});

describe('đ folding', () => {
  it('turns đ/Đ into d/D and nothing else', () => {
    expect(foldD('Đồng chí đại biểu')).toBe('Dồng chí dại biểu');
  });
  it('lists only đ-words, folded, repeats kept', () => {
    expect(dWords('Đồng chí Bí thư Đảng ủy, đồng chí Chủ tịch.')).toEqual(['Dồng', 'Dảng', 'dồng']);
    expect(dWords('đ')).toEqual(['d']);
    expect(dWords('Đêm 30/4, đoàn đi đđ.')).toEqual(['Dêm', 'doàn', 'di', 'dd']);
    // Decomposed marks (NFD) belong to their word.
    expect(dWords('Đồng'.normalize('NFD'))).toEqual(['Dồng'.normalize('NFD')]);
  });
  it('finds the same đ-words as matching a whole-word pattern, on random text', () => {
    const reference = (text: string) => (text.match(/[\p{L}\p{M}\p{N}]*[đĐ][\p{L}\p{M}\p{N}]*/gu) ?? []).map(foldD);
    const alphabet = ['đ', 'Đ', 'a', 'ồ', 'N', '7', '\u0301', ' ', ',', '-', '\n', '“'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(dWords(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
