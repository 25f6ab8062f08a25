/** Search bundle membership and reuse (scripts/search-bundles.ts). */
import { describe, expect, it } from 'vitest';
import { assign, bundleCount, bundleKey, indexedElement, type SearchablePage } from '../scripts/search-bundles.ts';

const articlePage = (body: string, related: string) =>
  `<!DOCTYPE html><html lang="vi"><head><title>Tin</title></head><body><main><div class="layout-2col"><div>` +
  `<article class="article" data-pagefind-body data-pagefind-sort="date:2026-01-02"><h1>Đảng ủy xã họp</h1>${body}</article>` +
  `</div><aside class="related"><ul class="list">${related}</ul></aside></div></main></body></html>`;

describe('indexedElement', () => {
  it('is the data-pagefind-body element alone: related news beside it does not count', () => {
    const before = articlePage('<p>Nội dung.</p>', '<li><article class="card"><a href="/tin-tuc/a/">Tin A</a></article></li>');
    const after = articlePage('<p>Nội dung.</p>', '<li><article class="card"><a href="/tin-tuc/a/">Tin A đã sửa tên</a></article></li>');
    expect(indexedElement(before)).toBe('<article class="article" data-pagefind-body data-pagefind-sort="date:2026-01-02"><h1>Đảng ủy xã họp</h1><p>Nội dung.</p></article>');
    expect(indexedElement(after)).toBe(indexedElement(before));
    expect(indexedElement(articlePage('<p>Nội dung đã sửa.</p>', ''))).not.toBe(indexedElement(before));
  });

  it('finds the matching end tag past elements of the same name inside', () => {
    const html = '<div data-pagefind-body><div><div>a</div></div><div>b</div></div><div>c</div>';
    expect(indexedElement(html)).toBe('<div data-pagefind-body><div><div>a</div></div><div>b</div></div>');
    // <articles> is not <article>.
    expect(indexedElement('<article data-pagefind-body><articles>x</articles></article>')).toBe('<article data-pagefind-body><articles>x</articles></article>');
  });

  it('is the whole page when the element never ends, and null without the mark', () => {
    const broken = '<html><article data-pagefind-body><p>cut off';
    expect(indexedElement(broken)).toBe(broken);
    expect(indexedElement('<html><body><h1>Trang chủ</h1></body></html>')).toBeNull();
  });
});

const pages = (n: number, from = 0): SearchablePage[] =>
  Array.from({ length: n }, (_, i) => ({ file: `tin-tuc/bai-${from + i}/index.html`, digest: `d${from + i}` }));

describe('assign', () => {
  it('keeps each page in its bundle as the archive grows, while the count stays', () => {
    const bundleOf = (all: SearchablePage[][]) => new Map(all.flatMap((b, n) => b.map((p) => [p.file, n] as const)));
    const before = bundleOf(assign(pages(1000), 6));
    const after = bundleOf(assign([...pages(50, 5000), ...pages(1000)], 6));
    expect(before.size).toBe(1000);
    for (const [file, n] of before) expect(after.get(file), file).toBe(n);
  });

  it('fills the bundles evenly enough and leaves out empty ones', () => {
    const sizes = assign(pages(10_000), 6).map((b) => b.length);
    expect(sizes).toHaveLength(6);
    for (const size of sizes) expect(size).toBeGreaterThan(1500);
    expect(sizes.reduce((a, b) => a + b)).toBe(10_000);
    expect(assign(pages(1), 4)).toHaveLength(1);
    expect(assign([], 0)).toEqual([]);
  });
});

describe('bundleCount', () => {
  it('takes the fewest bundles of the given size, rounded to whole rounds of jobs', () => {
    expect(bundleCount(0, 2000, 2)).toBe(0);
    expect(bundleCount(1500, 2000, 2)).toBe(1);
    expect(bundleCount(10_000, 2000, 2)).toBe(6);
    expect(bundleCount(3, 2, 2)).toBe(2);
    expect(bundleCount(3, 1, 4)).toBe(3);
  });
});

describe('bundleKey', () => {
  it('changes with any page’s indexed content, its path or the indexer, and only then', () => {
    const bundle = pages(3);
    const key = bundleKey(bundle, 'pagefind 1.6.0 --force-language vi');
    expect(bundleKey(pages(3), 'pagefind 1.6.0 --force-language vi')).toBe(key);
    expect(bundleKey([bundle[0]!, bundle[1]!, { ...bundle[2]!, digest: 'edited' }], 'pagefind 1.6.0 --force-language vi')).not.toBe(key);
    expect(bundleKey([bundle[0]!, bundle[1]!, { ...bundle[2]!, file: 'tin-tuc/khac/index.html' }], 'pagefind 1.6.0 --force-language vi')).not.toBe(key);
    expect(bundleKey(bundle, 'pagefind 1.7.0 --force-language vi')).not.toBe(key);
  });
});
