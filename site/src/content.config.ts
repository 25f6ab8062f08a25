import { defineCollection } from 'astro:content';
import {
  articleEntrySchema,
  categoryEntrySchema,
  personEntrySchema,
  siteSettingEntrySchema,
  tagEntrySchema,
} from './cms/entries';
import { articleLoader, categoryLoader, personLoader, siteSettingLoader, tagLoader } from './cms/loaders';

export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleEntrySchema }),
  categories: defineCollection({ loader: categoryLoader(), schema: categoryEntrySchema }),
  people: defineCollection({ loader: personLoader(), schema: personEntrySchema }),
  tags: defineCollection({ loader: tagLoader(), schema: tagEntrySchema }),
  site: defineCollection({ loader: siteSettingLoader(), schema: siteSettingEntrySchema }),
};
