import { defineCollection } from 'astro:content';
import {
  articleEntrySchema,
  categoryEntrySchema,
  personEntrySchema,
  siteSettingEntrySchema,
  tagEntrySchema,
  unitEntrySchema,
} from './cms/entries';
import { articleLoader, categoryLoader, personLoader, siteSettingLoader, tagLoader, unitLoader } from './cms/loaders';

export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleEntrySchema }),
  categories: defineCollection({ loader: categoryLoader(), schema: categoryEntrySchema }),
  people: defineCollection({ loader: personLoader(), schema: personEntrySchema }),
  tags: defineCollection({ loader: tagLoader(), schema: tagEntrySchema }),
  units: defineCollection({ loader: unitLoader(), schema: unitEntrySchema }),
  site: defineCollection({ loader: siteSettingLoader(), schema: siteSettingEntrySchema }),
};
