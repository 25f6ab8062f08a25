/** XML-safe text where CMS data enters the site and in the feed serializer. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { xmlError } from '../scripts/xml-check';
import { createCmsClient } from '../src/cms/client';
import { feedXml } from '../src/lib/feed';
import { xmlSafe, xmlSafeDeep } from '../src/lib/xml-safe';
import { xmlSafe as cmsXmlSafe } from '@toa-soan/cms/xml-safe';

/** Every C0 control character, lone surrogates of both halves, U+FFFE, U+FFFF, and a real pair (😀). */
const DIRTY = `A${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}B\ud800C\udc00D\ufffeE\uffffF😀G`;
const CLEAN = 'A\t\n\n\n\rBCDEF😀G';
const parses = (xml: string) => xmlError(new TextEncoder().encode(xml), 'test.xml');

describe('xmlSafe', () => {
  it('keeps tab, LF, CR and surrogate pairs, breaks lines at \\x0b and \\x0c, drops what XML forbids', () => {
    expect(xmlSafe(DIRTY)).toBe(CLEAN);
    expect(xmlSafe(DIRTY, ' ')).toBe('A\t\n  \rBCDEF😀G');
    expect(xmlSafe('Tháp Mười – “Đại hội”')).toBe('Tháp Mười – “Đại hội”');
  });

  it('leaves no character of the Basic Multilingual Plane that a strict XML parser refuses', () => {
    const every = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).join('');
    expect(parses(`<a>${every.replace(/[<&]/g, '')}</a>`)).not.toBeNull();
    expect(parses(`<a>${xmlSafe(every).replace(/[<&]/g, '')}</a>`)).toBeNull();
  });

  it('is the definition the CMS cleans with on save', () => {
    const every = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).join('') + DIRTY;
    for (const lineBreak of ['\n', ' '] as const) expect(xmlSafe(every, lineBreak)).toBe(cmsXmlSafe(every, lineBreak));
  });

  it('cleans every string of a parsed document, however deep', () => {
    let deep: unknown = DIRTY;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const doc = xmlSafeDeep({ title: DIRTY, n: 1, body: [{ text: DIRTY, none: null }], deep });
    expect(doc).toMatchObject({ title: CLEAN, n: 1, body: [{ text: CLEAN, none: null }] });
    let inner = doc.deep;
    while (Array.isArray(inner)) inner = inner[0];
    expect(inner).toBe(CLEAN);
  });
});

describe('the site boundary and the feed', () => {
  it('the CMS client hands on XML-safe text', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: { title: DIRTY, body: [{ content: [{ type: 'text', text: DIRTY }] }] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createCmsClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      expect(await client.getData('/api/site-setting')).toEqual({ title: CLEAN, body: [{ content: [{ type: 'text', text: CLEAN }] }] });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a feed of text the CMS never cleaned still parses', async () => {
    const xml = await feedXml({
      title: DIRTY,
      description: DIRTY,
      site: new URL('https://thapmuoi.example.vn'),
      items: [{ title: DIRTY, link: 'https://thapmuoi.example.vn/tin-tuc/a/', description: DIRTY, content: `<p>${DIRTY}</p>`, categories: [DIRTY], customData: `<dc:creator>${DIRTY}</dc:creator>` }],
    });
    expect(parses(xml)).toBeNull();
    expect(xml).toContain(`<title>${CLEAN}</title>`);
  });
});
