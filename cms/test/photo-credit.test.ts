import { describe, expect, it } from 'vitest';
import { normalizePhotoCredit } from '../src/newsroom/photo-credit';

describe('normalizePhotoCredit', () => {
  it('keeps who is credited and drops the label editors type from habit', () => {
    for (const typed of ['Ảnh: Lê Tính', 'Hình: Lê Tính', 'ảnh:Lê Tính', 'ẢNH: Lê Tính', 'Ảnh Lê Tính', 'Ảnh - Lê Tính', 'Ảnh – Lê Tính', '(Ảnh: Lê Tính)', 'Nguồn ảnh: Lê Tính', 'Hình ảnh: Lê Tính', '  Ảnh:   Lê  Tính ', 'Ảnh: Ảnh: Lê Tính', 'Photo: Lê Tính']) {
      expect(normalizePhotoCredit(typed), typed).toBe('Lê Tính');
    }
    expect(normalizePhotoCredit('Ảnh: TTXVN')).toBe('TTXVN');
    expect(normalizePhotoCredit('Ảnh: Tư liệu')).toBe('Tư liệu');
  });

  it('reads decomposed (NFD) text as the same letters', () => {
    expect(normalizePhotoCredit('Ảnh: Lê Tính'.normalize('NFD'))).toBe('Lê Tính');
  });

  it('leaves plain names alone, including ones that only start like a label', () => {
    for (const name of ['Lê Tính', 'TTXVN', 'Ánh Dương', 'Hình', 'Ảnh', 'Báo Đồng Tháp']) expect(normalizePhotoCredit(name)).toBe(name);
    expect(normalizePhotoCredit(' Ảnh: ')).toBe('');
  });
});
