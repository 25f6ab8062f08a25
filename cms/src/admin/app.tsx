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
};
