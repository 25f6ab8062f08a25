import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_WORDS } from '@toa-soan/cms/newsroom/roles';
import { parseByline } from './byline';
import { findLeadDate, findStamp } from './dates';
import { parseLegacyExport } from './parse';
import { isChrome } from './portal';
import { dryRunText } from './summary';
import { decodeExport, UnparsableExport } from './text';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => parseLegacyExport(decodeExport(readFileSync(path.join(FIXTURES, name))), name);

describe('bylines', () => {
  it.each([
    ['BT: Nguyễn Văn An + Hình: Lê Tư', [['editor', 'Nguyễn Văn An'], ['photographer', 'Lê Tư']]],
    ['BT: Nguyễn Văn An +Hình: Lê Tư', [['editor', 'Nguyễn Văn An'], ['photographer', 'Lê Tư']]],
    ['Biên tập: Hồ Ngọc Lan', [['editor', 'Hồ Ngọc Lan']]],
    ['Tin và ảnh: Đặng Văn Sơn', [['writer', 'Đặng Văn Sơn'], ['photographer', 'Đặng Văn Sơn']]],
    ['Tin, ảnh: Phạm Quốc Duy', [['writer', 'Phạm Quốc Duy'], ['photographer', 'Phạm Quốc Duy']]],
    ['Bài và ảnh: Võ Thành Nhân', [['writer', 'Võ Thành Nhân'], ['photographer', 'Võ Thành Nhân']]],
    ['Bài: Trần Minh Khoa - Ảnh: Huỳnh Tấn Lực', [['writer', 'Trần Minh Khoa'], ['photographer', 'Huỳnh Tấn Lực']]],
    ['Bài: Trần Minh Khoa - Ảnh: Huỳnh Tấn Lực - BT: Hồ Ngọc Lan', [['writer', 'Trần Minh Khoa'], ['photographer', 'Huỳnh Tấn Lực'], ['editor', 'Hồ Ngọc Lan']]],
    ['Tin: Ngô Thanh Tâm', [['writer', 'Ngô Thanh Tâm']]],
    ['Ảnh: Mai Hữu Phước', [['photographer', 'Mai Hữu Phước']]],
    ['Theo Báo Đồng Tháp', [['source', 'Báo Đồng Tháp']]],
    ['Nguồn: Báo Đồng Tháp - Online', [['source', 'Báo Đồng Tháp - Online']]],
    ['PV', [['writer', 'PV']]],
    ['Tin: PV', [['writer', 'PV']]],
    ['tin và ảnh: Dương Tú./.', [['writer', 'Dương Tú'], ['photographer', 'Dương Tú']]],
    // Every other form of the README's table.
    ['BTV: Hồ Ngọc Lan', [['editor', 'Hồ Ngọc Lan']]],
    ['Biên tập viên: Hồ Ngọc Lan', [['editor', 'Hồ Ngọc Lan']]],
    ['Hình: Lê Tư', [['photographer', 'Lê Tư']]],
    ['Hình ảnh: Lê Tư', [['photographer', 'Lê Tư']]],
    ['Bài viết: Ngô Thanh Tâm', [['writer', 'Ngô Thanh Tâm']]],
    ['Tin bài: Ngô Thanh Tâm', [['writer', 'Ngô Thanh Tâm']]],
    ['Tác giả: Ngô Thanh Tâm', [['writer', 'Ngô Thanh Tâm']]],
    ['Phóng viên: Ngô Thanh Tâm', [['writer', 'Ngô Thanh Tâm']]],
    ['CTV: Ngô Thanh Tâm', [['writer', 'Ngô Thanh Tâm']]],
    ['Bài/ảnh: Võ Thành Nhân', [['writer', 'Võ Thành Nhân'], ['photographer', 'Võ Thành Nhân']]],
    ['Tin - ảnh: Võ Thành Nhân', [['writer', 'Võ Thành Nhân'], ['photographer', 'Võ Thành Nhân']]],
    ['PV.', [['writer', 'PV']]],
    ['Nhóm PV', [['writer', 'PV']]],
    ['Theo baodongthap.vn', [['source', 'baodongthap.vn']]],
    ['Nguồn: TTXVN', [['source', 'TTXVN']]],
    // An outlet credit with labels on the same line, in either order; a trailing "(Theo …)".
    ['Theo TTXVN - BT: Minh Khoa', [['source', 'TTXVN'], ['editor', 'Minh Khoa']]],
    ['Theo TTXVN, BT: Minh Khoa', [['source', 'TTXVN'], ['editor', 'Minh Khoa']]],
    ['Theo Báo Đồng Tháp – Ảnh: Lê Tính', [['source', 'Báo Đồng Tháp'], ['photographer', 'Lê Tính']]],
    ['Theo TTXVN - Bài: Ngô Thanh Tâm - BT: Minh Khoa', [['source', 'TTXVN'], ['writer', 'Ngô Thanh Tâm'], ['editor', 'Minh Khoa']]],
    ['Nguồn: TTXVN - BT: Minh Khoa', [['source', 'TTXVN'], ['editor', 'Minh Khoa']]],
    ['Nguồn: Báo Đồng Tháp - Online + Ảnh: Lê Tính', [['source', 'Báo Đồng Tháp - Online'], ['photographer', 'Lê Tính']]],
    ['BT: Minh Khoa - Theo TTXVN', [['editor', 'Minh Khoa'], ['source', 'TTXVN']]],
    ['Bài: Ngô Thanh Tâm - Nguồn: Báo Đồng Tháp', [['writer', 'Ngô Thanh Tâm'], ['source', 'Báo Đồng Tháp']]],
    ['BT: Minh Khoa (Theo TTXVN)', [['editor', 'Minh Khoa'], ['source', 'TTXVN']]],
    ['Bài: Ngô Thanh Tâm (Nguồn: Báo Đồng Tháp)', [['writer', 'Ngô Thanh Tâm'], ['source', 'Báo Đồng Tháp']]],
    ['(Theo TTXVN)', [['source', 'TTXVN']]],
    ['(BT: Minh Khoa)', [['editor', 'Minh Khoa']]],
  ])('%s', (line, expected) => {
    expect(parseByline(line)?.map((c) => [c.role, c.name])).toEqual(expected);
  });

  it('reads names joined by a dash as two writers only on the last line', () => {
    expect(parseByline('Bích Ngọc – Văn Tâm', { bareNames: true })).toEqual([
      { role: 'writer', name: 'Bích Ngọc' },
      { role: 'writer', name: 'Văn Tâm' },
    ]);
    expect(parseByline('Lý Thu Hà - Đoàn Minh Trí', { bareNames: true })?.map((c) => c.name)).toEqual(['Lý Thu Hà', 'Đoàn Minh Trí']);
    expect(parseByline('Bích Ngọc – Văn Tâm')).toBeNull();
    expect(parseByline('Bích Ngọc và Văn Tâm', { bareNames: true })?.map((c) => c.name)).toEqual(['Bích Ngọc', 'Văn Tâm']);
    expect(parseByline('Bích Ngọc, Văn Tâm', { bareNames: true })?.map((c) => c.name)).toEqual(['Bích Ngọc', 'Văn Tâm']);
    // Names then a trailing outlet credit, on the last line.
    expect(parseByline('Minh Khoa (Theo TTXVN)', { bareNames: true })?.map((c) => [c.role, c.name])).toEqual([['writer', 'Minh Khoa'], ['source', 'TTXVN']]);
  });

  it('does not read sentences or captions as bylines', () => {
    expect(parseByline('Theo kế hoạch, huyện sẽ hoàn thành trong tháng 6.')).toBeNull();
    expect(parseByline('Theo kế hoạch - BT: Minh Khoa')).toBeNull();
    expect(parseByline('Các xã triển khai thực hiện (theo Kế hoạch số 12)')).toBeNull();
    expect(parseByline('Quang cảnh hội nghị', { bareNames: true })).toBeNull();
    expect(parseByline('Phó Chủ tịch UBND huyện phát biểu kết luận', { bareNames: true })).toBeNull();
  });
});

describe('dates', () => {
  it('reads the portal stamp with its time', () => {
    expect(findStamp('(16:30 | 29/07/2020)')).toEqual({ stamp: { year: 2020, month: 7, day: 29, hour: 16, minute: 30 }, rest: '' });
    expect(findStamp('Ngày đăng: 27/05/2022 10:45')?.stamp).toEqual({ year: 2022, month: 5, day: 27, hour: 10, minute: 45 });
    expect(findStamp('Thứ Tư, 02/04/2021')?.stamp).toEqual({ year: 2021, month: 4, day: 2 });
    expect(findStamp('Khánh thành cầu (09:00 | 15/08/2022)')).toEqual({
      stamp: { year: 2022, month: 8, day: 15, hour: 9, minute: 0 },
      rest: 'Khánh thành cầu',
    });
  });

  it('does not take a sentence with a date for a stamp', () => {
    expect(findStamp('Ngày 20/6/2020, Bộ Chính trị ban hành Chỉ thị số 45.')).toBeNull();
    expect(findStamp('(31/02/2020)')).toBeNull();
  });

  it('reads the date the lead opens with, with or without a year', () => {
    expect(findLeadDate('Sáng ngày 26/02/2021, Đoàn công tác …')).toMatchObject({ day: 26, month: 2, year: 2021 });
    expect(findLeadDate('Chiều 28/7/2020 Huyện ủy …')).toMatchObject({ day: 28, month: 7, year: 2020 });
    expect(findLeadDate('Sáng ngày 13/3, Đ/c …')).toEqual({ day: 13, month: 3, text: '13/3' });
    expect(findLeadDate('Lúc 14 giờ 30 ngày 5/6/2021, …')).toMatchObject({ day: 5, month: 6, year: 2021, hour: 14, minute: 30 });
    expect(findLeadDate('Sáng 26 tháng 2 năm 2021, …')).toMatchObject({ day: 26, month: 2, year: 2021 });
    expect(findLeadDate('Phong trào hiến máu ngày càng lan tỏa.')).toBeNull();
  });
});

describe('chrome', () => {
  it.each(['Xuất bản thông tin', 'Chi tiết bài viết Tin tức', 'Số lượt truy cập', 'Số lượt truy cập: 12.345', 'EmailPrintAa', 'Rss', 'Xem với cỡ chữAA', 'Nội dung khác', 'Cổng thông tin điện tử huyện Phước Hòa Tây', 'null'])(
    '%s is chrome',
    (line) => expect(isChrome(line)).toBe(true),
  );
  it('keeps article text', () => expect(isChrome('Rà soát hộ nghèo năm 2022')).toBe(false));
});

describe('whole exports (fixtures)', () => {
  it('BT + Hình, null title repeated, chrome, a caption, date from the lead', () => {
    const a = fixture('01-bt-hinh.txt');
    expect(a.title).toBe('Huyện ủy Phước Hòa Tây làm việc với Đảng ủy xã Tân Lộc về nhiệm vụ năm 2022');
    expect(a.publishedAt).toBe('2022-09-05T00:00:00+07:00');
    expect(a.warnings).toContain('no publication time, only the lead\'s date "05/09/2022": 00:00 used');
    expect(a.unit).toBe('Huyện ủy Phước Hòa Tây');
    expect(a.category).toBeUndefined();
    expect(a.sapo).toMatch(/^Sáng ngày 05\/09\/2022, Đoàn công tác/);
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs.join('\n')).not.toMatch(/Xuất bản|Chi tiết bài viết|null|BT:/);
    expect(a.captions).toEqual(['Đồng chí Trần Quang Vinh phát biểu chỉ đạo tại buổi làm việc']);
    expect(a.credits).toEqual([
      { role: 'editor', name: 'Trần Minh Khoa' },
      { role: 'photographer', name: 'Lê Thị Út' },
    ]);
  });

  it('CRLF, BOM, tabs and trailing spaces change nothing; "+Hình" without a space', () => {
    const a = fixture('02-crlf-bom-trailing-spaces.txt');
    expect(a.title).toBe('Phước Hòa Tây ra quân làm đường giao thông nông thôn mùa khô');
    expect(a.publishedAt).toBe('2021-10-12T00:00:00+07:00');
    expect(a.sapo.endsWith('năm 2021 - 2022.')).toBe(true);
    expect(a.paragraphs).toEqual(['Năm nay, toàn huyện phấn đấu nâng cấp, mở rộng 42 km đường giao thông nông thôn với tổng kinh phí gần 35 tỷ đồng.']);
    expect(a.credits).toEqual([
      { role: 'editor', name: 'Trần Minh Khoa' },
      { role: 'photographer', name: 'Huỳnh Tấn Lực' },
    ]);
  });

  it('category line above a title that is not repeated; Biên tập', () => {
    const a = fixture('03-bien-tap.txt');
    expect(a.category).toBe('Tin tức - Sự kiện');
    expect(a.title).toBe('Khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới');
    expect(a.publishedAt).toBe('2023-01-07T00:00:00+07:00');
    expect(a.captions).toEqual(['Quang cảnh lễ khai giảng']);
    expect(a.credits).toEqual([{ role: 'editor', name: 'Hồ Ngọc Lan' }]);
  });

  it('portal line, stamp with time, Tin và ảnh = writer and photographer', () => {
    const a = fixture('04-tin-va-anh-stamp.txt');
    expect(a.publishedAt).toBe('2021-04-02T08:15:00+07:00');
    expect(a.warnings).toEqual([]);
    expect(a.unit).toBe('UBND huyện Phước Hòa Tây');
    expect(a.paragraphs).toHaveLength(1);
    expect(a.captions).toEqual(['Đoàn viên thanh niên vớt lục bình trên kênh Xáng Mới']);
    expect(a.credits).toEqual([
      { role: 'writer', name: 'Đặng Văn Sơn' },
      { role: 'photographer', name: 'Đặng Văn Sơn' },
    ]);
  });

  it('lead date without a year: the year is taken from the text, with a warning; two writers joined by –', () => {
    const a = fixture('05-two-writers-no-year.txt');
    expect(a.category).toBe('Tin tức - Sự kiện');
    expect(a.publishedAt).toBe('2022-03-13T00:00:00+07:00');
    expect(a.warnings).toContain('the lead\'s date "13/3" has no year: 2022 inferred from "năm 2022" in the text');
    expect(a.captions).toEqual(['Phó Chủ tịch UBND huyện Lâm Văn Bảy phát biểu tại hội nghị', 'Các đại biểu dự hội nghị']);
    expect(a.paragraphs).toHaveLength(2);
    expect(a.credits).toEqual([
      { role: 'writer', name: 'Ngô Thanh Tâm' },
      { role: 'writer', name: 'Mai Hữu Phước' },
    ]);
  });

  it('lead date without a year and no year anywhere: no date, a warning; names joined by -', () => {
    const a = fixture('06-no-year-at-all.txt');
    expect(a.publishedAt).toBeNull();
    expect(a.warnings).toContain('the lead\'s date "20/5" has no year and the article names none: no publication date');
    expect(a.credits.map((c) => c.name)).toEqual(['Lý Thu Hà', 'Đoàn Minh Trí']);
  });

  it('Tin, ảnh', () => {
    expect(fixture('07-tin-anh-comma.txt').credits).toEqual([
      { role: 'writer', name: 'Phạm Quốc Duy' },
      { role: 'photographer', name: 'Phạm Quốc Duy' },
    ]);
  });

  it('three roles on one line, a stamp after the byline, duplicate blank lines', () => {
    const a = fixture('08-three-roles-stamp-at-end.txt');
    expect(a.title).toBe('Diễn tập phòng chống thiên tai và tìm kiếm cứu nạn năm 2022');
    expect(a.publishedAt).toBe('2022-05-27T10:45:00+07:00');
    expect(a.captions).toEqual(['Lực lượng cứu hộ đưa người dân đến nơi an toàn']);
    expect(a.credits).toEqual([
      { role: 'writer', name: 'Trần Minh Khoa' },
      { role: 'photographer', name: 'Huỳnh Tấn Lực' },
      { role: 'editor', name: 'Hồ Ngọc Lan' },
    ]);
  });

  it('a stamp glued to the title; Bài và ảnh', () => {
    const a = fixture('09-bai-va-anh-glued-stamp.txt');
    expect(a.title).toBe('Khánh thành cầu giao thông nông thôn ấp Hòa Bình');
    expect(a.publishedAt).toBe('2022-08-15T09:00:00+07:00');
    expect(a.unit).toBe('UBND xã Bình Thạnh Đông');
    expect(a.credits.map((c) => c.role)).toEqual(['writer', 'photographer']);
  });

  it('Theo Báo Đồng Tháp is a source credit; Nguồn too', () => {
    expect(fixture('10-theo-bao.txt').credits).toEqual([{ role: 'source', name: 'Báo Đồng Tháp' }]);
    expect(fixture('11-nguon.txt').credits).toEqual([{ role: 'source', name: 'Văn phòng HĐND và UBND huyện' }]);
  });

  it('PV is a writer named PV', () => {
    expect(fixture('12-pv.txt').credits).toEqual([{ role: 'writer', name: 'PV' }]);
  });

  it('byline over two lines', () => {
    expect(fixture('13-tin-anh-separate-lines.txt').credits).toEqual([
      { role: 'writer', name: 'Ngô Thanh Tâm' },
      { role: 'photographer', name: 'Mai Hữu Phước' },
    ]);
  });

  it('missing byline: no credits and a warning, the last paragraph stays body text', () => {
    const a = fixture('14-no-byline.txt');
    expect(a.credits).toEqual([]);
    expect(a.warnings).toContain('no byline found (Tin/Bài/Ảnh/BT/Biên tập/Theo/Nguồn line at the end)');
    expect(a.paragraphs).toEqual(['Thời gian nhận hồ sơ từ ngày 15/6 đến hết ngày 15/7/2022 tại Phòng Nội vụ huyện.']);
  });

  it('no date at all', () => {
    const a = fixture('15-no-date.txt');
    expect(a.publishedAt).toBeNull();
    expect(a.warnings).toContain('no publication date: no stamp and no date at the start of the lead');
  });

  it('the same article exported twice has one sourceKey; other articles differ', () => {
    const first = fixture('01-bt-hinh.txt');
    const again = fixture('16-same-article-as-01.txt');
    expect(again.sourceKey).toBe(first.sourceKey);
    expect(fixture('03-bien-tap.txt').sourceKey).not.toBe(first.sourceKey);
  });

  it('refuses what is not an export, saying why', () => {
    expect(() => fixture('17-not-utf8.txt')).toThrow(/not UTF-8/);
    expect(() => fixture('18-only-chrome.txt')).toThrow(UnparsableExport);
    expect(() => parseLegacyExport('Sáng ngày 5/1/2023, hội nghị tổng kết được tổ chức tại hội trường UBND huyện với sự tham dự của các đại biểu.\n', 'x')).toThrow(/no title/);
  });

  it('a caption with its photo credit gives the caption and a photographer', () => {
    const a = parseLegacyExport(
      [
        'Ra mắt mô hình dân vận khéo',
        'Sáng ngày 3/3/2022, xã Tân Lộc ra mắt mô hình dân vận khéo "Tuyến đường hoa".',
        'Tuyến đường hoa ấp Hòa Bình (Ảnh: Lê Thị Út)',
        'Mô hình: Tuyến đường hoa',
        'Tin: Ngô Thanh Tâm',
      ].join('\n'),
      'inline',
    );
    expect(a.captions).toEqual(['Tuyến đường hoa ấp Hòa Bình', 'Mô hình: Tuyến đường hoa']);
    expect(a.credits).toEqual([
      { role: 'writer', name: 'Ngô Thanh Tâm' },
      { role: 'photographer', name: 'Lê Thị Út' },
    ]);
  });

  it('the same text in NFD gives the same record as in NFC', () => {
    const text = readFileSync(path.join(FIXTURES, '01-bt-hinh.txt'), 'utf8');
    const { file: _a, ...nfc } = parseLegacyExport(text, 'a');
    const { file: _b, ...nfd } = parseLegacyExport(text.normalize('NFD'), 'b');
    expect(nfd).toEqual(nfc);
  });
});

describe('the newsroom vocabulary (@toa-soan/cms/newsroom/roles)', () => {
  const capitalised = (form: string) => form[0]!.toLocaleUpperCase('vi') + form.slice(1);

  for (const role of ROLES) {
    it(`${role}: every printed form is read as the role, and the listing names it as editors do`, () => {
      const name = role === 'source' ? 'Báo Đồng Tháp' : 'Nguyễn Văn An';
      for (const form of ROLE_WORDS[role].printed) {
        for (const printed of [form, capitalised(form), form.toLocaleUpperCase('vi')]) {
          expect(parseByline(`${printed}: ${name}`), printed).toEqual([{ role, name }]);
        }
      }
      const article = { ...fixture('01-bt-hinh.txt'), credits: [{ role, name }] };
      expect(dryRunText([{ file: 'a.txt', article }])).toContain(`    ${ROLE_WORDS[role].name}: ${name} · `);
    });
  }
});
