import { describe, expect, it } from 'vitest';
import { plainText, renderBlocks, safeHref } from '../src/lib/rich-text';

const p = (...children: object[]) => ({ type: 'paragraph', children });
const t = (text: string, marks: object = {}) => ({ type: 'text', text, ...marks });

describe('rich text renderer', () => {
  it('renders known nodes with marks, lists, quotes and shifted headings', () => {
    const html = renderBlocks([
      { type: 'heading', level: 1, children: [t('Tiêu đề')] },
      p(t('Đậm', { bold: true }), t(' và '), t('nghiêng', { italic: true })),
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [t('Một')] }] },
      { type: 'quote', children: [t('Trích dẫn')] },
    ]);
    expect(html).toBe(
      '<h2>Tiêu đề</h2>\n<p><strong>Đậm</strong> và <em>nghiêng</em></p>\n<ol><li>Một</li></ol>\n<blockquote><p>Trích dẫn</p></blockquote>',
    );
  });

  it('escapes text, so markup typed in the CMS stays text', () => {
    const html = renderBlocks([p(t('<script>alert(1)</script><img src=x onerror=alert(1)>'))]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('drops unknown nodes and attributes smuggled on nodes', () => {
    const html = renderBlocks([
      { type: 'html', value: '<script>alert(1)</script>', children: [t('x')] },
      { type: 'paragraph', onclick: 'alert(1)', children: [t('ok')] },
    ]);
    expect(html).toBe('\n<p>ok</p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    '//evil.example/x',
  ])('neutralises the link %j but keeps its text', (url) => {
    const html = renderBlocks([p({ type: 'link', url, children: [t('bấm vào đây')] })]);
    expect(html).toBe('<p>bấm vào đây</p>');
  });

  it('keeps safe links and escapes their URL', () => {
    expect(safeHref('https://thapmuoi.dongthap.gov.vn/a?b=1&c="x"')).toBe('https://thapmuoi.dongthap.gov.vn/a?b=1&c="x"');
    const html = renderBlocks([p({ type: 'link', url: 'https://a.vn/?q="><script>', children: [t('x')] })]);
    expect(html).toBe('<p><a href="https://a.vn/?q=&quot;&gt;&lt;script&gt;">x</a></p>');
    for (const ok of ['mailto:a@b.vn', 'tel:+84277', '/tin-tuc/a/', '#muc', 'tin-tuc/a/']) expect(safeHref(ok)).toBe(ok);
  });

  it('puts an image node in a figure with escaped alt and caption', () => {
    const html = renderBlocks(
      [{ type: 'image', image: { url: '/uploads/a.jpg', alternativeText: '" onerror="x', width: 10, height: 5, caption: '<b>c</b>' }, children: [] }],
      { mediaUrl: (u) => `http://cms${u}` },
    );
    expect(html).toBe(
      '<figure class="inline-image"><img src="http://cms/uploads/a.jpg" alt="&quot; onerror=&quot;x" width="10" height="5" loading="lazy" decoding="async"><figcaption>&lt;b&gt;c&lt;/b&gt;</figcaption></figure>',
    );
    expect(renderBlocks([{ type: 'image', image: { url: 'javascript:alert(1)' }, children: [] }])).toBe('');
  });

  it('extracts plain text', () => {
    expect(plainText([p(t('Đồng '), t('chí', { bold: true })), p(t('Hai'))])).toBe('Đồng chí Hai');
  });
});
