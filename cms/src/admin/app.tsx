import type { StrapiApp } from '@strapi/strapi/admin';
import { registerWorkflowActions } from './workflow-actions';

type RichTextBlocks = Record<string, unknown>;

/**
 * Byline roles are stored in English (writer/editor/photographer/source) so code and the site can
 * rely on them; the admin's enumeration select looks each value up as a message id, so these
 * entries are what editors see in the "Vai trò" list.
 */
const roleLabels = {
  vi: {
    writer: 'Bài/Tin (người viết)',
    editor: 'Biên tập',
    photographer: 'Ảnh (người chụp)',
    source: 'Theo/Nguồn (báo, cơ quan)',
  },
  en: {
    writer: 'Writer (Bài/Tin)',
    editor: 'Editor (Biên tập)',
    photographer: 'Photographer (Ảnh)',
    source: 'Source outlet (Theo/Nguồn)',
  },
};

export default {
  config: {
    // English is built in; Vietnamese is what the newsroom works in.
    locales: ['vi'],
    translations: {
      vi: {
        ...roleLabels.vi,
        'Auth.form.welcome.title': 'Tòa soạn',
        'Auth.form.welcome.subtitle': 'Đăng nhập để viết và biên tập tin bài',
      },
      en: {
        ...roleLabels.en,
        'Auth.form.welcome.title': 'Tòa soạn newsroom',
        'Auth.form.welcome.subtitle': 'Log in to write and edit articles',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    // No "Hình ảnh" in the text editor: an inline image has no caption or credit field, so
    // publishing refuses it (src/documents/publishing-rules.ts); photos go in the "Ảnh" block.
    // The content manager's documented extension point, not a fork: the other blocks stay, and
    // an image already stored in a draft shows as an empty paragraph the editor can delete.
    const contentManager = app.getPlugin('content-manager').apis as { addRichTextBlocks(update: (blocks: RichTextBlocks) => RichTextBlocks): void };
    contentManager.addRichTextBlocks(({ image: _inlineImage, ...blocks }) => blocks);
    registerWorkflowActions(app);
  },
};
