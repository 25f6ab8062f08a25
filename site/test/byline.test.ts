import { describe, expect, it } from 'vitest';
import { creatorNames, groupByline, photoCreditText } from '../src/lib/byline';
import type { CreditRole } from '../src/cms/strapi-schemas';

const byline = (...credits: Array<[CreditRole, string]>) =>
  groupByline(credits.map(([role, name]) => ({ role, names: [{ name, href: null }] })));

describe('creatorNames (RSS dc:creator)', () => {
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
