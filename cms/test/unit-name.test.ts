import { describe, expect, it } from 'vitest';
import { unitKey, unitKind } from '../src/lib/unit-name';

describe('unitKey: when two written names are one unit', () => {
  it.each([
    ['UBND huyện Giồng Riềng', 'Ủy ban nhân dân huyện Giồng Riềng'],
    ['UBND huyện Giồng Riềng', 'Uỷ ban nhân dân  Huyện GIỒNG RIỀNG'],
    ['HĐND xã Tân Phú', 'Hội đồng nhân dân xã Tân Phú'],
    ['UBMTTQ huyện Tháp Mười', 'Ủy ban Mặt trận Tổ quốc huyện Tháp Mười'],
    ['MTTQVN xã Mỹ An', 'Mặt trận Tổ quốc Việt Nam xã Mỹ An'],
    ['UBND TP. Cao Lãnh', 'Ủy ban nhân dân thành phố Cao Lãnh'],
    ['UBND TX Hồng Ngự', 'UBND thị xã Hồng Ngự'],
    ['Huyện ủy Tháp Mười', 'huyen uy thap muoi'],
    ['Đảng ủy xã Thạnh Lợi', 'Đảng uỷ xã Thạnh Lợi.'],
  ])('%s = %s', (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
  });

  it.each([
    ['UBND huyện Giồng Riềng', 'Huyện ủy Giồng Riềng'],
    ['UBND huyện Tân Hòa', 'UBND xã Tân Hòa'],
    ['Đảng ủy xã Tân Hòa', 'Đảng ủy xã Tân Hội'],
  ])('%s ≠ %s', (a, b) => {
    expect(unitKey(a)).not.toBe(unitKey(b));
  });

  it('guesses the kind from the start of the name', () => {
    expect(unitKind('Ủy ban nhân dân huyện Giồng Riềng')).toBe('UBND huyện');
    expect(unitKind('UBND xã Tân Hòa')).toBe('UBND xã');
    expect(unitKind('Huyện ủy Tháp Mười')).toBe('Huyện ủy');
    expect(unitKind('Đảng ủy xã Thạnh Lợi')).toBe('Đảng ủy xã');
    expect(unitKind('Sở Văn hóa, Thể thao và Du lịch')).toBe('Sở');
    expect(unitKind('Huyện đoàn Tân Hòa')).toBeNull();
  });
});
