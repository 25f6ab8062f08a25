/**
 * A synthetic built site for measuring the search index step (site/scripts/index-search.ts)
 * without a CMS: N article pages in the markup of site/src/components/ArticleView.astro (the
 * indexed `data-pagefind-body` element with its filters, meta, sort date and folded đ-copy,
 * header, nav, related news and footer around it), dated from 2015 to the current day, with the
 * bench's generated Vietnamese text (text-bank.ts), plus the search page and its script.
 *
 *   tsx bench/search-archive.ts make <out> [--articles 10000] [--seed 1]
 *   tsx bench/search-archive.ts next <from> <out> [--publish N] [--edit-year 2016]
 *
 * `next` makes the next build as the rebuild service's fast lane does: a hard-linked copy of
 * `<from>` (`cp -al`) whose touched pages (the new articles, an edited one, the home page) are
 * replaced, never written in place.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { slugify } from '@toa-soan/cms/newsroom/slug';
import { foldD } from '@toa-soan/cms/newsroom/fold';
import { createRandom, type Random } from './random';
import * as bank from './text-bank';

const FIRST = Date.UTC(2015, 0, 1);
const SITE = path.resolve(import.meta.dirname, '../../site');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const dWords = (text: string) => (text.match(/[\p{L}\p{M}\p{N}]*[đĐ][\p{L}\p{M}\p{N}]*/gu) ?? []).map(foldD).join(' ');
const vnDate = (d: Date) => {
  const local = new Date(d.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
};

interface Article { slug: string; title: string; sapo: string; paragraphs: string[]; date: Date; category: string; unit: string; people: string[]; tags: string[] }

function article(seed: number, index: number, date: Date, edited = false): Article {
  const random = createRandom((seed * 1_000_003 + index * 7919) >>> 0);
  const title = bank.title(random) + (edited ? ' (đã cập nhật)' : '');
  const paragraphs: string[] = [];
  const target = random.int(600, 1460);
  for (let words = 0; words < target;) {
    const sentences = Array.from({ length: random.int(3, 7) }, () => bank.sentence(random));
    words += bank.wordCount(sentences.join(' '));
    paragraphs.push(sentences.join(' '));
  }
  if (edited) paragraphs.push('Bài viết được cập nhật thông tin mới nhất từ Văn phòng Huyện ủy.');
  return {
    slug: `${slugify(title).slice(0, 80)}-${index + 1}`,
    title,
    sapo: bank.sapo(random),
    paragraphs,
    date,
    category: random.pick(bank.CATEGORY_NAMES),
    unit: random.pick(bank.UNITS),
    people: Array.from({ length: random.int(1, 3) }, () => bank.personName(random)),
    tags: random.sample(bank.TAG_NAMES, random.int(0, 4)),
  };
}

/** Article i's date: uniform from 2015 to `last`, the same for a given seed and i. */
const dateOf = (seed: number, index: number, last: number) => new Date(FIRST + Math.floor(createRandom((seed * 31 + index) >>> 0).next() * (last - FIRST)));

function layout(title: string, main: string): string {
  const nav = bank.CATEGORY_NAMES.map((c) => `<li><a href="/chuyen-muc/${slugify(c)}/">${esc(c)}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} | Cổng thông tin điện tử huyện Tháp Mười</title>` +
    `<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/index.css"><script src="/js/font-size.js"></script></head><body>` +
    `<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a><header class="masthead"><div class="wrap"><a class="brand" href="/"><span class="brand-mark" aria-hidden="true">★</span><span><span class="brand-unit">Huyện ủy - UBND huyện Tháp Mười</span><span class="brand-name">Cổng thông tin điện tử huyện Tháp Mười</span></span></a>` +
    `<form class="search-box" role="search" action="/tim-kiem/" method="get"><label for="header-search" class="visually-hidden">Tìm kiếm tin bài</label><input id="header-search" type="search" name="q" placeholder="Tìm kiếm…"><button type="submit">Tìm</button></form></div></header>` +
    `<nav class="main-nav" aria-label="Chuyên mục"><ul><li><a href="/">Trang chủ</a></li>${nav}</ul></nav><main id="noi-dung" tabindex="-1"><div class="wrap">${main}</div></main>` +
    `<footer class="site-footer"><div class="wrap"><p><strong>Cổng thông tin điện tử huyện Tháp Mười</strong></p><address><div>Địa chỉ: số 1 đường 30/4, khóm 1, thị trấn Mỹ An</div><div>Điện thoại: <a href="tel:02773823456">0277 382 3456</a></div></address><p><a href="/rss.xml">RSS</a></p></div></footer></body></html>`;
}

function articlePage(a: Article, related: Article[]): string {
  const iso = a.date.toISOString();
  const year = new Date(a.date.getTime() + 7 * 3600_000).getUTCFullYear();
  const body = a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
  const byline = a.people.map((p) => `<a href="/nguoi-thuc-hien/${slugify(p)}/" data-pagefind-filter="Người thực hiện">${esc(p)}</a>`).join(', ');
  const fold = { title: dWords(a.title), rest: dWords([a.sapo, a.unit, ...a.paragraphs, ...a.people].join(' ')) };
  const cards = related.map((r) => `<li><article class="card"><a href="/tin-tuc/${r.slug}/">${esc(r.title)}</a><time datetime="${r.date.toISOString()}">${vnDate(r.date)}</time></article></li>`).join('');
  return layout(a.title,
    `<div class="layout-2col"><div><nav class="breadcrumb" aria-label="Đường dẫn"><ol><li><a href="/">Trang chủ</a></li><li><a href="/chuyen-muc/${slugify(a.category)}/">${esc(a.category)}</a></li></ol></nav>` +
    `<article class="article" data-pagefind-body data-pagefind-sort="date:${iso}"><span hidden data-pagefind-filter="Chuyên mục:${esc(a.category)}"></span><span hidden data-pagefind-filter="Đơn vị:${esc(a.unit)}"></span>` +
    `<span hidden data-pagefind-filter="Năm:${year}" data-pagefind-meta="date:${vnDate(a.date)}"></span><span hidden data-pagefind-meta="image:/_astro/anh-${a.slug.length % 20}.jpg"></span>` +
    `<h1>${esc(a.title)}</h1><p class="meta"><time datetime="${iso}" data-pagefind-ignore>${vnDate(a.date)}</time><span data-pagefind-ignore> · </span><a href="/don-vi/${slugify(a.unit)}/">${esc(a.unit)}</a></p>` +
    `<p class="sapo" data-pagefind-meta="sapo">${esc(a.sapo)}</p>${body}<p class="byline">${byline}</p>` +
    `<ul class="tags" aria-label="Từ khóa" data-pagefind-ignore>${a.tags.map((t) => `<li><a href="/tu-khoa/${slugify(t)}/">#${esc(t)}</a></li>`).join('')}</ul>` +
    `<div class="search-fold" hidden>⁂ <span data-pagefind-weight="7">${esc(fold.title)}</span> ${esc(fold.rest)}</div></article></div>` +
    `<aside class="related" aria-labelledby="related-title"><h2 class="section-title" id="related-title"><span>Tin liên quan</span></h2><ul class="list">${cards}</ul></aside></div>`);
}

/** Writes a new file or replaces an existing one by rename: never in place (it may be a hard link). */
function replace(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

function homePage(latest: Article[]): string {
  return layout('Trang chủ', `<ul class="list">${latest.map((a) => `<li><a href="/tin-tuc/${a.slug}/">${esc(a.title)}</a></li>`).join('')}</ul>`);
}

function searchPage(out: string): void {
  replace(path.join(out, 'tim-kiem', 'index.html'), layout('Tìm kiếm',
    `<h1 class="section-title"><span>Tìm kiếm tin bài</span></h1><div id="tim-kiem" class="search" data-fold-mark="⁂"><form class="search-form" role="search" action="/tim-kiem/" method="get">` +
    `<input id="tim-kiem-q" type="search" name="q" autocomplete="off"><button type="button" class="search-clear" hidden>Xóa</button></form><div class="search-layout"><aside class="search-filters" aria-label="Bộ lọc" hidden>` +
    `<button type="button" class="search-filters-toggle" aria-expanded="false" aria-controls="tim-kiem-loc">Bộ lọc</button><div id="tim-kiem-loc" class="search-filter-groups" hidden></div></aside>` +
    `<div class="search-results"><p class="search-status" role="status"></p><ol class="search-list"></ol><button type="button" class="search-more" hidden>Xem thêm kết quả</button></div></div></div><script src="/js/search.js"></script>`));
  mkdirSync(path.join(out, 'js'), { recursive: true });
  copyFileSync(path.join(SITE, 'public', 'js', 'search.js'), path.join(out, 'js', 'search.js'));
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, publish: { type: 'string', default: '0' }, 'edit-year': { type: 'string' } },
});
const seed = Number(values.seed);
const [command, ...dirs] = positionals;
const now = Date.now();

if (command === 'make') {
  const out = path.resolve(dirs[0]!);
  const count = Number(values.articles);
  const all = Array.from({ length: count }, (_, i) => article(seed, i, dateOf(seed, i, now)));
  const random: Random = createRandom(seed);
  all.forEach((a) => replace(path.join(out, 'tin-tuc', a.slug, 'index.html'), articlePage(a, Array.from({ length: 6 }, () => random.pick(all)))));
  replace(path.join(out, 'index.html'), homePage([...all].sort((x, y) => y.date.getTime() - x.date.getTime()).slice(0, 30)));
  searchPage(out);
  writeFileSync(path.join(out, '.archive.json'), JSON.stringify({ seed, count, last: now }));
} else if (command === 'next') {
  const [from, out] = dirs.map((d) => path.resolve(d!));
  execFileSync('cp', ['-al', from!, out!]);
  const state = JSON.parse(readFileSync(path.join(out!, '.archive.json'), 'utf8')) as { seed: number; count: number; last: number };
  const fresh = Array.from({ length: Number(values.publish) }, (_, k) => article(seed, state.count + k, new Date(now - k * 60_000)));
  for (const a of fresh) replace(path.join(out!, 'tin-tuc', a.slug, 'index.html'), articlePage(a, fresh.slice(0, 6)));
  if (values['edit-year']) {
    const year = Number(values['edit-year']);
    const i = Array.from({ length: state.count }, (_, i) => i).find((i) => dateOf(seed, i, state.last).getUTCFullYear() === year)!;
    const before = article(seed, i, dateOf(seed, i, state.last));
    const edited = { ...article(seed, i, before.date, true), slug: before.slug };
    replace(path.join(out!, 'tin-tuc', before.slug, 'index.html'), articlePage(edited, []));
  }
  if (fresh.length) replace(path.join(out!, 'index.html'), homePage(fresh));
  replace(path.join(out!, '.archive.json'), JSON.stringify({ ...state, count: state.count + fresh.length }));
} else {
  console.error('usage: search-archive.ts make <out> [--articles N] | next <from> <out> [--publish N] [--edit-year Y]');
  process.exit(1);
}
console.log(`${command}: ${readdirSync(path.join(path.resolve(dirs.at(-1)!), 'tin-tuc')).length} articles`);
