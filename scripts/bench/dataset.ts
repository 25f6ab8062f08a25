/**
 * The benchmark's newsroom: ~60 people, 8 categories, 40 tags, 20 photos and N articles, all
 * derived from one seed. Article i depends only on (seed, i), so articles can be created in any
 * order or in parallel and a run is reproducible.
 *
 * The article data is in the shape both the REST API and the document service accept: relations
 * as documentIds, media as upload file ids.
 */
import { slugify } from '@toa-soan/cms/newsroom/slug';
import type { ArticleInput, BlocksInput, CreditedPhotoInput, DocumentInput } from '@toa-soan/cms/document-types';
import { createRandom, type Random } from './random';
import * as bank from './text-bank';

export const PEOPLE_COUNT = 60;
export const PHOTO_COUNT = bank.PHOTO_SUBJECTS.length;

export type PersonData = DocumentInput<'api::person.person'>;
export type CategoryData = DocumentInput<'api::category.category'>;
export type TagData = DocumentInput<'api::tag.tag'>;

export interface Taxonomy {
  people: PersonData[];
  categories: CategoryData[];
  tags: TagData[];
  /** The issuing units articles refer to. */
  units: DocumentInput<'api::unit.unit'>[];
}

/** documentIds / file ids of what the articles point at, once created. */
export interface Refs {
  people: string[];
  categories: string[];
  tags: string[];
  units: string[];
  photos: number[];
}

type Block = BlocksInput[number];
/** A bench article: every field the site reads is filled. */
export type ArticleData = ArticleInput & Required<Pick<ArticleInput, 'body' | 'cover' | 'byline'>>;


export const SITE_SETTING = {
  portalName: 'Cổng thông tin điện tử huyện Tháp Mười (bench)',
  unit: 'Huyện ủy Tháp Mười',
  baseUrl: 'https://bench.toasoan.invalid',
  contactEmail: 'banbientap@toasoan.invalid',
  contactPhone: '0277 3 800 000',
  address: 'Khóm 3, thị trấn Mỹ An, huyện Tháp Mười',
  footerText: 'Dữ liệu sinh tự động cho phép đo hiệu năng.',
};

export function createTaxonomy(seed: number): Taxonomy {
  const random = createRandom(seed);
  const names = new Set<string>();
  while (names.size < PEOPLE_COUNT) names.add(bank.personName(random));
  const people = [...names].map((name, i) => ({ name, slug: `${slugify(name)}-${i + 1}`, jobTitle: bank.jobTitle(random) }));
  const categories = bank.CATEGORY_NAMES.map((name, i) => ({
    name,
    slug: slugify(name),
    position: (i + 1) * 10,
    description: `Tin bài chuyên mục ${name} của cổng thông tin điện tử huyện.`,
  }));
  const tags = bank.TAG_NAMES.map((name) => ({ name, slug: slugify(name) }));
  const units = bank.UNITS.map((name) => ({ name, slug: slugify(name) }));
  return { people, categories, tags, units };
}

/** Publication dates spread from 2015 to late 2025, as a portal with years of archive has. */
const FIRST_DATE = Date.UTC(2015, 0, 1);
const LAST_DATE = Date.UTC(2025, 9, 31);

export function articleAt(seed: number, index: number, refs: Refs): ArticleData {
  const random = createRandom((seed * 1_000_003 + index * 7919) >>> 0);
  const title = bank.title(random);
  const credit = () => bank.personName(random);
  const photo = (): CreditedPhotoInput => {
    const i = random.int(0, refs.photos.length - 1);
    return { image: refs.photos[i]!, caption: `${bank.PHOTO_SUBJECTS[i % bank.PHOTO_SUBJECTS.length]} tại xã ${random.pick(bank.COMMUNES)}.`, credit: credit() };
  };

  const paragraphs = paragraphsOf(random);
  const split = random.chance(0.5) ? random.int(1, paragraphs.length - 1) : paragraphs.length;
  const body: ArticleData['body'] = [{ __component: 'body.text', content: paragraphs.slice(0, split) }];
  if (split < paragraphs.length) {
    body.push({ __component: 'media.credited-photo', ...photo() });
    body.push({ __component: 'body.text', content: paragraphs.slice(split) });
  }

  return {
    title,
    slug: `${slugify(title)}-${index + 1}`,
    sapo: bank.sapo(random),
    body,
    cover: photo(),
    category: random.pick(refs.categories),
    tags: random.sample(refs.tags, random.int(0, 4)),
    byline: bylineOf(random, refs),
    publicationDate: new Date(FIRST_DATE + Math.floor(random.next() * (LAST_DATE - FIRST_DATE))).toISOString(),
    unit: random.pick(refs.units),
    featured: random.chance(0.02),
    sourceKey: `bench-${seed}-${index + 1}`,
  };
}

/** 4–10 paragraphs, 600–1500 words, with a heading now and then, as Strapi blocks. */
function paragraphsOf(random: Random): Block[] {
  const count = random.int(4, 10);
  // Sentences overshoot a paragraph's goal by up to one sentence (~40 words).
  const target = random.int(600, 1460);
  const blocks: Block[] = [];
  let words = 0;
  for (let p = 0; p < count; p++) {
    if (p > 0 && random.chance(0.2)) {
      blocks.push({ type: 'heading', level: 2, children: [{ type: 'text', text: bank.heading(random) }] });
    }
    const goal = Math.round(((p + 1) * target) / count);
    const sentences: string[] = [];
    do {
      const s = bank.sentence(random);
      sentences.push(s);
      words += bank.wordCount(s);
    } while (words < goal);
    const text = sentences.join(' ');
    if (random.chance(0.08)) {
      blocks.push({ type: 'quote', children: [{ type: 'text', text }] });
    } else {
      blocks.push({ type: 'paragraph', children: [{ type: 'text', text }] });
    }
  }
  return blocks;
}

function bylineOf(random: Random, refs: Refs): ArticleData['byline'] {
  if (random.chance(0.1)) return [{ role: 'source', outlet: bank.outlet(random) }];
  const count = random.int(1, 4);
  const roles = (['writer', 'writer', 'photographer', 'editor'] as const).slice(0, count);
  const people = random.sample(refs.people, count);
  return roles.map((role, i) => ({ role, person: people[i]! }));
}

/** Words of an article's body text (for the dataset summary in the report). */
export function bodyWords(article: ArticleData): number {
  let words = 0;
  for (const part of article.body) {
    if (part.__component !== 'body.text') continue;
    for (const block of part.content as Block[]) {
      for (const child of block.children) if ('text' in child) words += bank.wordCount(child.text);
    }
  }
  return words;
}
