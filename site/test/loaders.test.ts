/**
 * The sync decisions of the loaders against a small fake CMS over HTTP: what is fetched, kept and
 * deleted for a given manifest, and how many requests that takes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCmsClient } from '../src/cms/client';
import { siteSettingLoader, strapiCollectionLoader, type CmsSource } from '../src/cms/loaders';
import { createManifestSource } from '../src/cms/manifest';
import { tagRead } from '@toa-soan/cms/site-read';
import { toTagEntry } from '../src/cms/to-entries';
import { tagEntrySchema } from '../src/cms/entries';

interface Tag {
  documentId: string;
  name: string;
  slug: string;
  updatedAt: string;
}

/** What the fake CMS holds; the manifest is derived from it unless a test overrides it. */
let tags: Map<string, Tag>;
let siteSetting: { portalName: string; updatedAt: string } | null;
let manifestOverride: ((manifest: Record<string, unknown>) => Record<string, unknown>) | undefined;
let hits: string[];
let server: http.Server;
let source: CmsSource;

const tag = (n: number, updatedAt = '2026-01-01T00:00:00.000Z'): Tag => ({ documentId: `tag${n}`, name: `Từ khóa ${n}`, slug: `tu-khoa-${n}`, updatedAt });

function answer(url: URL): { status: number; body: unknown } {
  if (url.pathname === '/api/sync-manifest') {
    const manifest = {
      articles: [],
      categories: [],
      people: [],
      tags: [...tags.values()].map((t) => [t.documentId, t.updatedAt]),
      siteSetting: siteSetting?.updatedAt ?? null,
    };
    return { status: 200, body: { data: manifestOverride ? manifestOverride(manifest) : manifest } };
  }
  if (url.pathname === '/api/tags') {
    const wanted = [...url.searchParams].filter(([k]) => k.startsWith('filters[documentId][$in]')).map(([, v]) => v);
    const data = [...tags.values()].filter((t) => wanted.length === 0 || wanted.includes(t.documentId));
    return { status: 200, body: { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } } };
  }
  if (url.pathname === '/api/bulk-tags') {
    // A bulk route: every published tag, paged, and nothing else to ask for.
    if ([...url.searchParams.keys()].some((k) => !k.startsWith('pagination['))) return { status: 400, body: { error: { message: 'Invalid query' } } };
    const page = Number(url.searchParams.get('pagination[page]'));
    const pageSize = Number(url.searchParams.get('pagination[pageSize]'));
    const all = [...tags.values()];
    const data = all.slice((page - 1) * pageSize, page * pageSize);
    return { status: 200, body: { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length } } } };
  }
  if (url.pathname === '/api/site-setting' && siteSetting) return { status: 200, body: { data: siteSetting } };
  return { status: 404, body: { error: { message: 'Not Found' } } };
}

beforeEach(async () => {
  tags = new Map([1, 2, 3].map((n) => [`tag${n}`, tag(n)]));
  siteSetting = { portalName: 'Cổng thông tin điện tử huyện Tháp Mười', updatedAt: '2026-01-01T00:00:00.000Z' };
  manifestOverride = undefined;
  hits = [];
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://cms');
    hits.push(decodeURIComponent(url.pathname + url.search));
    const { status, body } = answer(url);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = createCmsClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retries: 0 });
  source = { client, manifest: createManifestSource(client) };
});

afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
});

/** The parts of Astro's loader context the loaders use, over one collection's in-memory store. */
function fakeContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
  const logs: string[] = [];
  const log = (level: string) => (message: string) => logs.push(`${level} ${message}`);
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: Record<string, unknown>; digest?: string }) => entries.set(entry.id, entry),
      delete: (id: string) => entries.delete(id),
      has: (id: string) => entries.has(id),
      keys: () => [...entries.keys()],
    },
    meta: new Map<string, string>(),
    logger: { info: log('INFO'), warn: log('WARN'), error: log('ERROR') },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (value: unknown) => JSON.stringify(value),
  };
  return { context: context as unknown as LoaderContext, entries, logs };
}

const tagLoader = () =>
  strapiCollectionLoader({ name: 'tags', manifestKey: 'tags', path: '/api/tags', query: tagRead, schema: tagEntrySchema, convert: toTagEntry, source: () => source });
const contentHits = () => hits.filter((h) => !h.startsWith('/api/sync-manifest'));

describe('incremental sync from the manifest', () => {
  it('fetches everything on the first build, then nothing but the manifest when nothing changed', async () => {
    const loader = tagLoader();
    const { context, entries } = fakeContext();
    await loader.load(context);
    expect([...entries.keys()].sort()).toEqual(['tag1', 'tag2', 'tag3']);
    expect(entries.get('tag2')?.data).toEqual({ name: 'Từ khóa 2', slug: 'tu-khoa-2' });
    expect(hits).toHaveLength(2);

    hits = [];
    await loader.load(context);
    expect(hits).toEqual(['/api/sync-manifest']);
    expect(JSON.parse(context.meta.get('lastSync')!)).toMatchObject({ live: 3, fetched: 0, removed: 0 });
  });

  it('fetches only the edited and new documents by documentId and deletes those no longer listed', async () => {
    const loader = tagLoader();
    const { context, entries } = fakeContext();
    await loader.load(context);

    tags.set('tag2', { ...tag(2, '2026-02-01T00:00:00.000Z'), name: 'Đại hội' });
    tags.set('tag4', tag(4));
    tags.delete('tag3');
    hits = [];
    await loader.load(context);
    expect(hits).toHaveLength(2);
    const [fetch] = contentHits();
    expect(fetch).toMatch(/filters\[documentId\]\[\$in\]\[0\]=tag2&filters\[documentId\]\[\$in\]\[1\]=tag4&/);
    expect(fetch).not.toContain('tag1');
    expect([...entries.keys()].sort()).toEqual(['tag1', 'tag2', 'tag4']);
    expect(entries.get('tag2')?.data.name).toBe('Đại hội');
  });

  it('refetches an entry whose file beside the store is gone, and cleans up after removed entries', async () => {
    const files = new Set<string>();
    const removed: string[] = [];
    const loader = strapiCollectionLoader({
      name: 'tags-with-files',
      manifestKey: 'tags',
      path: '/api/tags',
      query: tagRead,
      schema: tagEntrySchema,
      convert: async (raw) => {
        const converted = await toTagEntry(raw);
        if (converted.ok) files.add(converted.id);
        return converted;
      },
      isStale: (id) => !files.has(id),
      onRemove: async (id) => {
        files.delete(id);
        removed.push(id);
      },
      source: () => source,
    });
    const { context, entries } = fakeContext();
    await loader.load(context);
    files.delete('tag2');
    tags.delete('tag3');
    hits = [];
    await loader.load(context);
    expect(contentHits()).toHaveLength(1);
    expect(contentHits()[0]).toMatch(/filters\[documentId\]\[\$in\]\[0\]=tag2&pagination/);
    expect([...entries.keys()].sort()).toEqual(['tag1', 'tag2']);
    expect([...files].sort()).toEqual(['tag1', 'tag2']);
    expect(removed).toEqual(['tag3']);
  });

  it('pulls everything from the bulk route when it has one, and changes from the REST path by documentId', async () => {
    const loader = strapiCollectionLoader({
      name: 'tags',
      manifestKey: 'tags',
      path: '/api/tags',
      query: tagRead,
      bulk: { path: '/api/bulk-tags', pageSize: 100 },
      schema: tagEntrySchema,
      convert: toTagEntry,
      source: () => source,
    });
    // 120 tags: 2 bulk pages rather than 3 batches of 50 documentIds.
    tags = new Map(Array.from({ length: 120 }, (_, i) => [`tag${i + 1}`, tag(i + 1)]));
    const { context, entries } = fakeContext();
    await loader.load(context);
    expect(contentHits()).toEqual(['/api/bulk-tags?pagination[page]=1&pagination[pageSize]=100', '/api/bulk-tags?pagination[page]=2&pagination[pageSize]=100']);
    expect(entries.size).toBe(120);

    tags.set('tag2', { ...tag(2, '2026-02-01T00:00:00.000Z'), name: 'Đại hội' });
    hits = [];
    await loader.load(context);
    const [fetch, ...more] = contentHits();
    expect(more).toEqual([]);
    expect(fetch).toMatch(/^\/api\/tags\?fields\[0\]=documentId.*filters\[documentId\]\[\$in\]\[0\]=tag2&pagination/);
    expect(entries.get('tag2')?.data.name).toBe('Đại hội');
  });

  it('reads one manifest for all loaders of a sync, and a fresh one for the next sync', async () => {
    const first = tagLoader();
    const second = strapiCollectionLoader({ name: 'other-tags', manifestKey: 'tags', path: '/api/tags', query: tagRead, schema: tagEntrySchema, convert: toTagEntry, source: () => source });
    const [a, b] = [fakeContext(), fakeContext()];
    await Promise.all([first.load(a.context), second.load(b.context), siteSettingLoader(() => source).load(fakeContext().context)]);
    expect(hits.filter((h) => h === '/api/sync-manifest')).toHaveLength(1);

    tags.delete('tag1');
    hits = [];
    await Promise.all([first.load(a.context), second.load(b.context)]);
    expect(hits).toEqual(['/api/sync-manifest']);
    expect(a.entries.has('tag1')).toBe(false);
    expect(b.entries.has('tag1')).toBe(false);
  });

  it('does not share a manifest older than its age limit: a sync that ran only some loaders leaves none stale', async () => {
    const first = tagLoader();
    const second = strapiCollectionLoader({ name: 'other-tags', manifestKey: 'tags', path: '/api/tags', query: tagRead, schema: tagEntrySchema, convert: toTagEntry, source: () => source });
    const [a, b] = [fakeContext(), fakeContext()];
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now);
    await first.load(a.context);
    tags.delete('tag1');
    // The other loader asks 10 s later (createManifestSource's default limit): it reads the CMS again.
    vi.spyOn(Date, 'now').mockReturnValue(now + 10_001);
    hits = [];
    await second.load(b.context);
    expect(hits[0]).toBe('/api/sync-manifest');
    expect([...b.entries.keys()].sort()).toEqual(['tag2', 'tag3']);
  });

  it('drops a document the manifest listed but the CMS no longer returns (unpublished in between)', async () => {
    const loader = tagLoader();
    const { context, entries } = fakeContext();
    await loader.load(context);
    manifestOverride = (m) => ({ ...m, tags: [...(m.tags as string[][]), ['tag9', '2026-03-01T00:00:00.000Z']].map((s) => (s[0] === 'tag1' ? ['tag1', '2026-03-01T00:00:00.000Z'] : s)) });
    tags.delete('tag1');
    await loader.load(context);
    expect([...entries.keys()].sort()).toEqual(['tag2', 'tag3']);
  });

  it('fetches the site setting only when its updatedAt changed, and uses defaults when there is none', async () => {
    const loader = siteSettingLoader(() => source);
    const { context, entries, logs } = fakeContext();
    await loader.load(context);
    expect(entries.get('site')?.data.portalName).toBe('Cổng thông tin điện tử huyện Tháp Mười');
    expect(contentHits()).toHaveLength(1);

    hits = [];
    await loader.load(context);
    expect(hits).toEqual(['/api/sync-manifest']);

    siteSetting = { portalName: 'Cổng thông tin điện tử huyện Tân Hòa', updatedAt: '2026-02-01T00:00:00.000Z' };
    await loader.load(context);
    expect(entries.get('site')?.data.portalName).toBe('Cổng thông tin điện tử huyện Tân Hòa');

    siteSetting = null;
    hits = [];
    await loader.load(context);
    expect(hits).toEqual(['/api/sync-manifest']);
    expect(entries.get('site')?.data.portalName).toBe('Cổng thông tin điện tử');
    expect(logs.at(-1)).toMatch(/^WARN The CMS has no site setting yet/);
  });

  it('ends the build with one line when the manifest is missing or malformed', async () => {
    for (const [override, expected] of [
      [() => ({ articles: [] }), /^CMS answered http:\/\/127\.0\.0\.1:\d+\/api\/sync-manifest with an unexpected shape \(categories: [^\n]*$/],
      [(m: Record<string, unknown>) => ({ ...m, tags: [['tag1']] }), /unexpected shape \(tags\.0/],
    ] as const) {
      manifestOverride = override;
      const { context } = fakeContext();
      const error = await tagLoader().load(context).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AstroError);
      expect((error as AstroError).message).toMatch(expected);
    }
    const { context } = fakeContext();
    server.removeAllListeners('request');
    server.on('request', (_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: null, error: { message: 'Not Found' } }));
    });
    const error = await tagLoader().load(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toMatch(/^CMS request failed: GET http:\/\/127\.0\.0\.1:\d+\/api\/sync-manifest → 404 Not Found\. .*\/api\/sync-manifest\)\.$/);
  });
});
