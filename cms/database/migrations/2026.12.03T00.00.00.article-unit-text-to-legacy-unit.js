'use strict';

/**
 * Issue 17: an article's unit became a relation to a unit (api::unit.unit), and the old free
 * text is kept as `legacyUnit` (column legacy_unit). Strapi runs this before it syncs the schema,
 * which would otherwise drop the `unit` column and its text with it; the bootstrap step
 * src/bootstrap/article-units.ts then makes units of the texts and links the articles.
 * Nothing to do on a new database (no table yet) or one already migrated.
 */
async function up(knex) {
  if (!(await knex.schema.hasTable('articles'))) return;
  const hasOld = await knex.schema.hasColumn('articles', 'unit');
  const hasNew = await knex.schema.hasColumn('articles', 'legacy_unit');
  if (!hasOld || hasNew) return;
  await knex.schema.alterTable('articles', (table) => {
    table.renameColumn('unit', 'legacy_unit');
  });
}

module.exports = { up };
