/**
 * What the site reads from the CMS, defined once (issue 14): the read queries, the boundary
 * schemas and types derived from the schema files, and the same read for the query engine.
 * Exported to the site and scripts as `@toa-soan/cms/site-read`.
 */
export * from './queries';
export { boundarySchema, blockNodeSchema, type BlockNode, type Read } from './boundary';
export { queryEngineParams, type QueryEngineRead } from './query-engine';
