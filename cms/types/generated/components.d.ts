import type { Schema, Struct } from '@strapi/strapi';

export interface BodyText extends Struct.ComponentSchema {
  collectionName: 'components_body_texts';
  info: {
    description: 'Rich text: paragraphs, headings, lists, quotes and links';
    displayName: '\u0110o\u1EA1n v\u0103n';
    icon: 'layer';
  };
  attributes: {
    content: Schema.Attribute.Blocks & Schema.Attribute.Required;
  };
}

export interface BylineCredit extends Struct.ComponentSchema {
  collectionName: 'components_byline_credits';
  info: {
    description: 'One line of the byline: a role and who filled it';
    displayName: 'Ghi c\u00F4ng (credit)';
    icon: 'user';
  };
  attributes: {
    outlet: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    person: Schema.Attribute.Relation<'oneToOne', 'api::person.person'>;
    role: Schema.Attribute.Enumeration<
      ['writer', 'editor', 'photographer', 'source']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'writer'>;
    summary: Schema.Attribute.String & Schema.Attribute.Private;
  };
}

export interface MediaCreditedPhoto extends Struct.ComponentSchema {
  collectionName: 'components_media_credited_photos';
  info: {
    description: 'A photo as used in one place, with its own caption and credit (who is credited: a name or an outlet; the site adds the label)';
    displayName: '\u1EA2nh (c\u00F3 ch\u00FA th\u00EDch v\u00E0 t\u00E1c gi\u1EA3)';
    icon: 'picture';
  };
  attributes: {
    caption: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 600;
      }>;
    credit: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    image: Schema.Attribute.Media<'images'> & Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'body.text': BodyText;
      'byline.credit': BylineCredit;
      'media.credited-photo': MediaCreditedPhoto;
    }
  }
}
