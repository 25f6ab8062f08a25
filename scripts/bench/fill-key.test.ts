import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillKey } from './cms';

/** A copy of what the key reads: the CMS's src folder (schema JSON, newsroom slugs) and the bench's generator. */
let work: string;
let dirs: { cmsSrc: string; bench: string };
const input = { articles: 1000, seed: 1, photoCount: 20 };

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-fill-key-'));
  dirs = { cmsSrc: path.join(work, 'cms-src'), bench: path.join(work, 'bench') };
  await mkdir(path.join(dirs.cmsSrc, 'api', 'article', 'content-types', 'article'), { recursive: true });
  await mkdir(path.join(dirs.cmsSrc, 'newsroom'), { recursive: true });
  await mkdir(path.join(dirs.cmsSrc, 'lib'), { recursive: true });
  await mkdir(dirs.bench);
  await writeFile(path.join(dirs.cmsSrc, 'api', 'article', 'content-types', 'article', 'schema.json'), '{"attributes":{"title":{"type":"string"}}}');
  await writeFile(path.join(dirs.cmsSrc, 'lib', 'env.ts'), 'export const a = 1;\n');
  for (const file of ['slug.ts', 'fold.ts']) await cp(path.join(import.meta.dirname, '..', '..', 'cms', 'src', 'newsroom', file), path.join(dirs.cmsSrc, 'newsroom', file));
  for (const file of ['dataset.ts', 'text-bank.ts', 'photos.ts', 'fill.ts']) await cp(path.join(import.meta.dirname, file), path.join(dirs.bench, file));
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the bench fill cache key', () => {
  it('is stable, and changes with the schema, the generator, the slugs or the dataset size, and only then', async () => {
    const first = await fillKey(input, dirs);
    expect(await fillKey(input, dirs)).toBe(first);
    expect(first).toMatch(/^sqlite-1000-seed1-photos20-[0-9a-f]{12}$/);

    // Code that does not shape the data leaves the fill usable.
    await writeFile(path.join(dirs.cmsSrc, 'lib', 'env.ts'), 'export const a = 2;\n');
    expect(await fillKey(input, dirs)).toBe(first);

    const keys = new Set([first]);
    const changed = async (what: string, edit: () => Promise<void>) => {
      await edit();
      const key = await fillKey(input, dirs);
      expect(keys.has(key), what).toBe(false);
      keys.add(key);
    };
    await changed('a schema attribute', () => writeFile(path.join(dirs.cmsSrc, 'api', 'article', 'content-types', 'article', 'schema.json'), '{"attributes":{"title":{"type":"text"}}}'));
    await changed('a new schema file', () => writeFile(path.join(dirs.cmsSrc, 'lib', 'extra.json'), '{}'));
    await changed('the dataset generator', () => writeFile(path.join(dirs.bench, 'dataset.ts'), '// another dataset\n'));
    await changed('the slugs', () => writeFile(path.join(dirs.cmsSrc, 'newsroom', 'slug.ts'), '// other slugs\n'));
    expect(await fillKey({ ...input, articles: 2000 }, dirs)).not.toBe(await fillKey(input, dirs));
    expect(await fillKey({ ...input, seed: 2 }, dirs)).not.toBe(await fillKey(input, dirs));
  });
});
