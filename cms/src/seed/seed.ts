/**
 * Writes the demo content (content.ts) through Strapi's document and upload services, so the
 * slug and publishing rules apply to it like to an editor's work. Idempotent: everything is
 * looked up first (photos by file name, categories/people/tags by name, articles by sourceKey)
 * and only what is missing is created.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { unitDirectory } from '../lib/unit-directory';
import { unitKind } from '../lib/unit-name';
import { ARTICLES, CATEGORIES, PEOPLE, PHOTOS, SITE_SETTINGS, UNITS, type DemoArticle, type DemoBodyPart, type DemoPhotoUse } from './content';
import { renderPhoto } from './photos';
import type { ArticleInput, BlocksInput, BodyInput, CreditedPhotoInput } from '../lib/document-types';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const PERSON = 'api::person.person';
const TAG = 'api::tag.tag';
const UNIT = 'api::unit.unit';
const SITE_SETTING = 'api::site-setting.site-setting';
const FILE = 'plugin::upload.file';

export interface SeedReport {
  /** What this run added. */
  created: { photos: number; categories: number; people: number; tags: number; units: number; articles: number; siteSetting: number };
  /** What the database holds afterwards. */
  counts: { photos: number; categories: number; people: number; tags: number; units: number; articles: number; publishedArticles: number };
}

type Uid = typeof CATEGORY | typeof PERSON | typeof TAG;

const photoFileName = (key: string) => `demo-${key}.jpg`;

async function ensurePhotos(strapi: Core.Strapi, report: SeedReport): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-seed-'));
  try {
    for (const photo of PHOTOS) {
      const name = photoFileName(photo.key);
      const existing = (await strapi.db.query(FILE).findOne({ where: { name }, select: ['id'] })) as { id: number } | null;
      if (existing) {
        ids.set(photo.key, existing.id);
        continue;
      }
      const filepath = path.join(workDir, name);
      const jpeg = await renderPhoto(photo);
      await writeFile(filepath, jpeg);
      const [file] = (await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name, alternativeText: photo.alternativeText } },
          files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: jpeg.length },
        })) as Array<{ id: number }>;
      ids.set(photo.key, file.id);
      report.created.photos += 1;
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return ids;
}

/** Finds each named document or creates it; returns name → documentId. */
async function ensureNamed(
  strapi: Core.Strapi,
  uid: Uid,
  items: Array<{ name: string } & Record<string, unknown>>,
  onCreate: () => void,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const item of items) {
    const found = await strapi.documents(uid).findFirst({ filters: { name: item.name }, fields: ['documentId'] } as never);
    const doc = found ?? (await strapi.documents(uid).create({ data: item } as never));
    if (!found) onCreate();
    ids.set(item.name, doc.documentId);
  }
  return ids;
}

function lookup<T>(map: Map<string, T>, key: string, what: string, article: DemoArticle): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo article ${article.sourceKey}: unknown ${what} "${key}"`);
  return value;
}

function lookupUnit(units: Map<string, string>, name: string): string {
  const id = units.get(name);
  if (!id) throw new Error(`Demo unit "${name}" is named as a successor before it is listed`);
  return id;
}

function paragraphBlock(text: string): BlocksInput[number] {
  const heading = text.startsWith('## ');
  const children = [{ type: 'text' as const, text: heading ? text.slice(3) : text }];
  return heading ? { type: 'heading', level: 2, children } : { type: 'paragraph', children };
}

function articleData(
  article: DemoArticle,
  refs: { photos: Map<string, number>; categories: Map<string, string>; people: Map<string, string>; tags: Map<string, string>; units: Map<string, string> },
): ArticleInput {
  const photo = (use: DemoPhotoUse): CreditedPhotoInput => ({
    image: lookup(refs.photos, use.photo, 'photo', article),
    caption: use.caption,
    credit: use.credit,
  });
  // Consecutive paragraphs share one text block; each photo is a block of its own.
  const body: BodyInput[] = [];
  for (const part of article.body as DemoBodyPart[]) {
    if (typeof part === 'string') {
      const last = body[body.length - 1];
      if (last?.__component === 'body.text') last.content.push(paragraphBlock(part));
      else body.push({ __component: 'body.text', content: [paragraphBlock(part)] });
    } else {
      body.push({ __component: 'media.credited-photo', ...photo(part) });
    }
  }
  return {
    title: article.title,
    sapo: article.sapo,
    sourceKey: article.sourceKey,
    publicationDate: article.publicationDate,
    unit: lookup(refs.units, article.unit, 'unit', article),
    featured: article.featured ?? false,
    category: lookup(refs.categories, article.category, 'category', article),
    tags: article.tags.map((name) => lookup(refs.tags, name, 'tag', article)),
    byline: article.byline.map((credit) =>
      credit.role === 'source'
        ? { role: credit.role, outlet: credit.outlet }
        : { role: credit.role, person: lookup(refs.people, credit.person, 'person', article) },
    ),
    cover: photo(article.cover),
    gallery: (article.gallery ?? []).map(photo),
    body,
  };
}

export async function seedDemoContent(strapi: Core.Strapi): Promise<SeedReport> {
  const report: SeedReport = {
    created: { photos: 0, categories: 0, people: 0, tags: 0, units: 0, articles: 0, siteSetting: 0 },
    counts: { photos: 0, categories: 0, people: 0, tags: 0, units: 0, articles: 0, publishedArticles: 0 },
  };

  const photos = await ensurePhotos(strapi, report);
  const categories = await ensureNamed(strapi, CATEGORY, CATEGORIES.map((c) => ({ ...c })), () => report.created.categories++);
  const people = await ensureNamed(strapi, PERSON, PEOPLE.map((p) => ({ ...p })), () => report.created.people++);
  const tagNames = [...new Set(ARTICLES.flatMap((a) => a.tags))];
  const tags = await ensureNamed(strapi, TAG, tagNames.map((name) => ({ name })), () => report.created.tags++);
  // Units by the shared name matcher, so the seed finds a unit whatever spelling made it.
  const directory = await unitDirectory(strapi);
  const units = new Map<string, string>();
  for (const { successor, ...unit } of UNITS) {
    const successorId = successor ? lookupUnit(units, successor) : undefined;
    const made = await directory.ensure(unit.name, { ...unit, ...(successorId ? { successor: successorId } : {}) });
    if (made.created) report.created.units++;
    units.set(unit.name, made.documentId);
  }
  for (const name of new Set(ARTICLES.map((a) => a.unit))) {
    if (units.has(name)) continue;
    const made = await directory.ensure(name, { kind: unitKind(name) });
    if (made.created) report.created.units++;
    units.set(name, made.documentId);
  }

  if (!(await strapi.documents(SITE_SETTING).findFirst({}))) {
    await strapi.documents(SITE_SETTING).create({ data: SITE_SETTINGS } as never);
    report.created.siteSetting += 1;
  }

  for (const article of ARTICLES) {
    const exists = await strapi.db.query(ARTICLE).count({ where: { sourceKey: article.sourceKey } });
    if (exists > 0) continue;
    await strapi.documents(ARTICLE).create({
      data: articleData(article, { photos, categories, people, tags, units }),
      ...(article.draft ? {} : { status: 'published' as const }),
    });
    report.created.articles += 1;
  }

  report.counts = {
    photos: await strapi.db.query(FILE).count({ where: { name: { $startsWith: 'demo-' } } }),
    categories: await strapi.db.query(CATEGORY).count({}),
    people: await strapi.db.query(PERSON).count({}),
    tags: await strapi.db.query(TAG).count({}),
    units: await strapi.db.query(UNIT).count({}),
    articles: await strapi.db.query(ARTICLE).count({ where: { publishedAt: null } }),
    publishedArticles: await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } }),
    // Every article has a draft row; published ones have a second row.
  };
  return report;
}
