/**
 * Renders Strapi "blocks" rich text to HTML. Only known nodes become markup; every text is
 * escaped; links keep only safe schemes (http, https, mailto, tel, relative). Nothing from the
 * CMS is ever passed through as raw HTML.
 */
import type { BlockNode } from '../cms/strapi-schemas';

export interface RenderOptions {
  /** Makes a CMS media URL absolute (uploads are served by Strapi as /uploads/...). */
  mediaUrl?: (url: string) => string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The URL to put in href, or null when it is not safe to link to. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Browsers ignore whitespace and control characters inside URLs ("java\tscript:"), so do we.
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (scheme === undefined) return url.startsWith('//') ? null : url;
  return SAFE_SCHEMES.has(`${scheme.toLowerCase()}:`) ? url : null;
}

function children(node: BlockNode): BlockNode[] {
  return Array.isArray(node.children) ? (node.children as BlockNode[]).filter((c) => c && typeof c === 'object') : [];
}

function renderInline(nodes: BlockNode[]): string {
  return nodes.map(renderInlineNode).join('');
}

function renderInlineNode(node: BlockNode): string {
  if (node.type === 'text') {
    let html = escapeHtml(typeof node.text === 'string' ? node.text : '').replace(/\n/g, '<br>');
    if (node.code === true) html = `<code>${html}</code>`;
    if (node.bold === true) html = `<strong>${html}</strong>`;
    if (node.italic === true) html = `<em>${html}</em>`;
    if (node.underline === true) html = `<u>${html}</u>`;
    if (node.strikethrough === true) html = `<s>${html}</s>`;
    return html;
  }
  if (node.type === 'link') {
    const inner = renderInline(children(node));
    const href = safeHref(node.url);
    return href === null ? inner : `<a href="${escapeHtml(href)}">${inner}</a>`;
  }
  // Unknown inline node: keep its text, drop the node.
  return renderInline(children(node));
}

function renderBlock(node: BlockNode, options: RenderOptions): string {
  switch (node.type) {
    case 'paragraph': {
      const inner = renderInline(children(node));
      return inner.trim() === '' ? '' : `<p>${inner}</p>`;
    }
    case 'heading': {
      // The article title is the page's h1: body headings start at h2.
      const level = Math.min(6, Math.max(2, Number(node.level) + 1 || 2));
      return `<h${level}>${renderInline(children(node))}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${renderInline(children(node))}</p></blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(plainText(children(node)))}</code></pre>`;
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      const items = children(node)
        .map((item) => (item.type === 'list' ? renderBlock(item, options) : `<li>${renderInline(children(item))}</li>`))
        .join('');
      return `<${tag}>${items}</${tag}>`;
    }
    case 'image': {
      const image = (node.image ?? {}) as { url?: unknown; alternativeText?: unknown; width?: unknown; height?: unknown; caption?: unknown };
      const src = typeof image.url === 'string' ? safeHref(options.mediaUrl ? options.mediaUrl(image.url) : image.url) : null;
      if (src === null || /^(mailto|tel):/i.test(src)) return '';
      const alt = typeof image.alternativeText === 'string' ? image.alternativeText : '';
      const size =
        typeof image.width === 'number' && typeof image.height === 'number' ? ` width="${image.width}" height="${image.height}"` : '';
      const caption = typeof image.caption === 'string' && image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
      return `<figure class="inline-image"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async">${caption}</figure>`;
    }
    default:
      return '';
  }
}

export function renderBlocks(nodes: BlockNode[], options: RenderOptions = {}): string {
  return nodes.map((n) => renderBlock(n, options)).join('\n');
}

/** The words of the text, without markup: for search folding, descriptions and feeds. */
export function plainText(nodes: BlockNode[]): string {
  return nodes
    .map((n) => (n.type === 'text' ? (typeof n.text === 'string' ? n.text : '') : plainText(children(n))))
    .join(hasBlocks(nodes) ? ' ' : '');
}

/** Block-level nodes are joined with spaces, inline text runs are not. */
function hasBlocks(nodes: BlockNode[]): boolean {
  return nodes.some((n) => n.type !== 'text' && n.type !== 'link');
}
