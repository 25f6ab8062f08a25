/**
 * The portal's own lines in an export: navigation and tool labels ("chrome"), the section
 * (category) line and the portal name line, which names the issuing body.
 */
import { looseKey, unifyPunctuation } from './text';

/** Lines the old portals put around every article; matched whole, case-insensitively. */
const CHROME = [
  /^xuất bản thông tin$/,
  /^chi tiết bài viết(?:\s.*)?$/,
  /^số lượt truy cập(?:\s*:?\s*[\d.,]+)?$/,
  /^lượt xem\s*:?\s*[\d.,]*$/,
  /^email\s*print\s*aa$/,
  /^(?:rss|email|print|in|bản in|in bài viết|gửi email|gửi bài viết|chia sẻ|share|facebook|zalo|twitter)$/,
  /^xem với cỡ chữ\s*a*$/,
  /^cỡ chữ\s*:?\s*a*[+-]?$/,
  /^(?:nội dung khác|tin khác|các tin khác|tin liên quan|bài viết liên quan|xem thêm)$/,
  /^(?:quay lại|trở về|trở lại|về đầu trang|đầu trang|trang chủ)$/,
  /^null$/,
];

export function isChrome(line: string): boolean {
  const key = looseKey(line);
  return CHROME.some((pattern) => pattern.test(key)) || portalName(line) !== null;
}

/** "Cổng thông tin điện tử huyện Giồng Riềng" → "huyện Giồng Riềng"; null for other lines. */
export function portalName(line: string): string | null {
  const m = /^(?:cổng|trang)\s+thông\s+tin\s+điện\s+tử\s+(?:của\s+)?(.{3,80})$/iu.exec(line.trim());
  return m?.[1] ? m[1].replace(/[\s.]+$/u, '') : null;
}

/**
 * Sections the district portals use. A line equal to one of these is the category line wherever
 * it stands; an unknown short line just above the title is taken as a category too (see parse).
 */
const KNOWN_CATEGORIES = [
  'Tin tức - Sự kiện',
  'Tin tức sự kiện',
  'Tin tức',
  'Tin địa phương',
  'Tin hoạt động',
  'Hoạt động của lãnh đạo',
  'Xây dựng Đảng',
  'Chính trị',
  'Kinh tế',
  'Văn hóa - Xã hội',
  'Văn hóa - Thể thao',
  'Giáo dục',
  'Y tế',
  'Quốc phòng - An ninh',
  'Nông thôn mới',
  'Cải cách hành chính',
  'Thông báo',
  'Chuyển đổi số',
];
const KNOWN_KEYS = new Map(KNOWN_CATEGORIES.map((name) => [looseKey(name), name]));

/** "Tin tức – Sự kiện" → "Tin tức - Sự kiện" when it is a known section, else null. */
export function knownCategory(line: string): string | null {
  return KNOWN_KEYS.get(looseKey(line)) ?? null;
}

/** How a category name is written into the CMS: one kind of dash, spaced. */
export function categoryName(line: string): string {
  return unifyPunctuation(line).replace(/\s*-\s*/g, ' - ').trim();
}
