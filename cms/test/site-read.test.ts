/**
 * The site's read shape (src/site-read) and the types generated from the schema files: the read
 * only names attributes the schema files have, the boundary schema derived from them says which
 * field is wrong, and the committed generated types are what Strapi generates today.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { articleRead, boundarySchema, queryEngineParams } from '../src/site-read';
import { CMS_DIR } from '@toa-soan/scripts/testing';

const article = () => ({
  id: 1,
  documentId: 'a1',
  title: 'Đảng ủy xã Thạnh Lợi',
  slug: 'dang-uy-xa-thanh-loi',
  sapo: null,
  publicationDate: null,
  publishedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  featured: false,
  body: [
    { __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] },
    { __component: 'media.credited-photo', caption: null, credit: 'TTXVN', image: null },
    { __component: 'body.later-added', anything: 1 },
  ],
  cover: null,
  gallery: [],
  category: { documentId: 'c1' },
  tags: [{ documentId: 't1' }],
  unit: null,
  byline: [{ role: 'writer', outlet: null, person: { documentId: 'p1' } }],
});

describe('the site’s article read', () => {
  const schema = boundarySchema('api::article.article', articleRead);

  it('accepts an article as the REST API answers it, lenient inside components', () => {
    expect(schema.safeParse(article()).success).toBe(true);
  });

  it('names the field that is wrong', () => {
    const issues = (value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ ...article(), title: '' })).toEqual(['title']);
    expect(issues({ ...article(), slug: 'có dấu' })).toEqual(['slug']);
    expect(issues({ ...article(), byline: [{ role: 'author' }] })).toEqual(['byline.0.role']);
    expect(issues({ ...article(), tags: [{}] })).toEqual(['tags.0.documentId']);
  });

  it('refuses a read naming an attribute the schema files do not have', () => {
    const renamed = { ...articleRead, fields: [...articleRead.fields, 'lead'] };
    expect(() => boundarySchema('api::article.article', renamed)).toThrow('api::article.article has no attribute "lead"');
    expect(() => queryEngineParams('api::article.article', renamed)).toThrow('api::article.article has no attribute "lead"');
    const badPopulate = { ...articleRead, populate: { ...articleRead.populate, byline: { fields: ['role', 'name'] } } };
    expect(() => queryEngineParams('api::article.article', badPopulate)).toThrow('byline.credit has no attribute "name"');
  });
});

describe('cms/types/generated', () => {
  it('is what `strapi ts:generate-types` makes of the schema files today (run `npm run types -w @toa-soan/cms`)', async () => {
    // Strapi's generator on the CMS as the harness compiled it (dist/), into a scratch folder:
    // `strapi ts:generate-types` itself would recompile dist/ under the other suites' feet.
    const out = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-types-'));
    try {
      const script = `
        const { createStrapi } = require('@strapi/strapi');
        const { generators } = require('@strapi/typescript-utils');
        (async () => {
          const app = await createStrapi({ appDir: process.cwd(), distDir: 'dist' }).register();
          await generators.generate({ strapi: app, pwd: ${JSON.stringify(out)}, rootDir: '.', logger: { silent: true }, artifacts: { contentTypes: true, components: true } });
          await app.destroy();
        })().catch((e) => { console.error(e); process.exit(1); });`;
      await execa(process.execPath, ['-e', script], { cwd: CMS_DIR, env: { NODE_ENV: 'test' } });
      for (const file of ['contentTypes.d.ts', 'components.d.ts']) {
        const committed = await readFile(path.join(CMS_DIR, 'types', 'generated', file), 'utf8');
        expect(await readFile(path.join(out, 'generated', file), 'utf8'), `${file} is stale: run npm run types -w @toa-soan/cms`).toBe(committed);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 180_000);
});
