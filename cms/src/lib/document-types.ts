/// <reference path="../../types/generated/contentTypes.d.ts" />
/// <reference path="../../types/generated/components.d.ts" />
/**
 * The CMS's documents as TypeScript types, from the types Strapi generates from the schema files
 * (cms/types/generated, `npm run types -w @toa-soan/cms`). Whatever writes documents (the seed,
 * the importer, the bench, the REST helper of the tests) types its data with these instead of a
 * copy of the schema, so a renamed or retyped attribute fails their typecheck.
 * Exported to the other workspaces as `@toa-soan/cms/document-types`.
 */
import type { Modules, UID } from '@strapi/strapi';

/** What the document service and the REST API (`{ data }`) accept to create or update a `uid`. */
export type DocumentInput<U extends UID.ContentType> = Modules.Documents.Params.Data.Input<U>;

export type ArticleInput = DocumentInput<'api::article.article'>;
/** One line of the byline as written: a role and a person (documentId) or, for `source`, an outlet. */
export type CreditInput = NonNullable<ArticleInput['byline']>[number];
/** `media.credited-photo` as written: the upload's file id, the caption and the credit. */
export type CreditedPhotoInput = NonNullable<ArticleInput['cover']>;
export type BodyInput = NonNullable<ArticleInput['body']>[number];
/** Strapi's blocks rich text as written in a `body.text` block. */
export type BlocksInput = Extract<BodyInput, { __component: 'body.text' }>['content'];
