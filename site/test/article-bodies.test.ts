import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyFiles, readBody } from '../src/cms/article-bodies';
import type { BodyEntry } from '../src/cms/entries';

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-bodies-'));
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

const body: BodyEntry[] = [
  { kind: 'text', blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'Đồng chí Bí thư phát biểu.' }] }] },
  { kind: 'photo', photo: { src: 'http://cms/uploads/a.jpg', width: 800, height: 600, alt: 'Hội trường', caption: 'Hội trường', credit: 'Minh Hải' } },
];

describe('article bodies beside the data store', () => {
  it('writes a body to a file of its own and reads it back', async () => {
    const files = bodyFiles(new URL(`file://${cacheDir}/`));
    const { file, digest } = files.write('abc123', body);
    expect(file.startsWith(cacheDir)).toBe(true);
    expect(files.holds('abc123', file)).toBe(true);
    expect(readBody(file, 'article "x"')).toEqual(body);
    expect(files.write('abc123', [...body].reverse()).digest).not.toBe(digest);
  });

  it('does not hold a body whose file is gone or lies in another cache folder', async () => {
    const files = bodyFiles(cacheDir);
    const { file } = files.write('abc123', body);
    expect(files.holds('abc123', path.join(os.tmpdir(), 'elsewhere', 'abc123.json'))).toBe(false);
    await files.remove('abc123');
    expect(existsSync(file)).toBe(false);
    expect(files.holds('abc123', file)).toBe(false);
    expect(() => readBody(file, 'article "Hội nghị" (abc123)')).toThrow(/Body of article "Hội nghị" \(abc123\) unreadable at .*abc123\.json/);
  });

  it('keeps an unusual id inside its folder', async () => {
    const files = bodyFiles(cacheDir);
    expect(path.dirname(files.fileOf('../../etc/passwd'))).toBe(path.dirname(files.fileOf('abc')));
  });
});
