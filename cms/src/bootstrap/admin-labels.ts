import type { Core } from '@strapi/strapi';
import { REVIEW_STATE_WORDS, REVIEW_STATES } from '../newsroom/desk';
import { IMAGE_WIDTHS } from '../newsroom/image-sizes';
import { ROLE_WORDS, ROLES, roleOptionLabels } from '../newsroom/roles';

/** The roles as the select shows them: "Bài/Tin (người viết)", "Biên tập", … */
const ROLE_OPTIONS = roleOptionLabels('vi');

/**
 * What an editor sees above a field, and the hint below it that says what to write. A
 * placeholder reads as an instruction ("Ví dụ: …", "Nhập …"): grey example text alone in an
 * empty required box looks like a value already typed.
 */
interface FieldLabel {
  label: string;
  /** A shorter column header for the list, where width is short (default: `label`). */
  listLabel?: string;
  description?: string;
  placeholder?: string;
}

type Labels = Record<string, Record<string, FieldLabel>>;

export const CONTENT_TYPE_LABELS: Labels = {
  'api::article.article': {
    title: { label: 'Tiêu đề', description: 'Ngắn gọn, đủ ý, viết hoa chữ cái đầu câu và tên riêng.' },
    slug: { label: 'Đường dẫn (slug)', description: 'Để trống: hệ thống tự tạo từ tiêu đề, bỏ dấu (Đảng ủy → dang-uy).' },
    sapo: {
      label: 'Sapo',
      description: 'Sapo: 1–3 câu tóm tắt việc gì, ở đâu, khi nào; hiện đậm ở đầu bài và trong danh sách tin.',
    },
    body: {
      label: 'Nội dung',
      description: 'Thêm khối "Đoạn văn" cho chữ và khối "Ảnh" cho mỗi ảnh trong bài (ảnh cần chú thích và tác giả).',
    },
    cover: { label: 'Ảnh đại diện', description: 'Ảnh ở đầu bài và trong danh sách tin, kèm chú thích và tác giả ảnh.' },
    gallery: { label: 'Bộ ảnh', description: 'Ảnh bổ sung hiện cuối bài; mỗi ảnh có chú thích và tác giả riêng.' },
    category: { label: 'Chuyên mục', description: 'Bắt buộc khi xuất bản.' },
    tags: { label: 'Từ khóa', description: 'Nối các bài cùng chủ đề ở nhiều chuyên mục, ví dụ: Nông thôn mới.' },
    byline: {
      label: 'Bút danh/Tác giả',
      description: `Mỗi dòng một người và vai trò của họ: ${ROLES.map((role) => ROLE_OPTIONS[role]).join(', ')}. Cần ít nhất một dòng để xuất bản.`,
    },
    publicationDate: {
      label: 'Ngày đăng',
      description: 'Để trống: lấy giờ bấm Xuất bản. Bài nhập từ cổng cũ giữ ngày đăng gốc.',
    },
    unit: { label: 'Đơn vị', description: 'Cơ quan ban hành hoặc cung cấp tin; chọn trong danh sách "Đơn vị", thêm đơn vị mới ở đó.' },
    legacyUnit: { label: 'Đơn vị (ghi ở cổng cũ)', description: 'Tên đơn vị như bài cũ ghi, giữ để tra cứu; không hiện trên trang tin.' },
    featured: { label: 'Tin nổi bật', description: 'Bật để đưa bài lên khu tin nổi bật ở trang chủ.' },
    reviewState: {
      label: 'Trạng thái duyệt',
      listLabel: 'Duyệt bài',
      description: `${REVIEW_STATES.map((state) => `${state} = ${REVIEW_STATE_WORDS[state].vi}`).join(', ')}. Chỉ bài "${REVIEW_STATE_WORDS['da-duyet'].vi}" mới xuất bản được.`,
    },
    reviewNote: { label: 'Ghi chú duyệt bài', description: 'Biên tập viên ghi lý do khi trả lại bài; bắt buộc khi chọn "Trả lại".' },
    scheduledAt: { label: 'Hẹn giờ đăng', description: 'Trưởng ban đặt giờ tự xuất bản cho bài "Đã duyệt"; để trống nếu đăng ngay.' },
    sourceKey: { label: 'Mã nhập liệu', description: 'Do công cụ chuyển bài từ cổng cũ điền; không sửa.' },
    sourceCaptions: { label: 'Chú thích ảnh cũ', description: 'Chú thích của những ảnh cổng cũ không còn tệp, giữ để tra cứu.' },
    bylineNames: { label: 'Tác giả' },
  },
  'api::category.category': {
    name: { label: 'Tên chuyên mục', placeholder: 'Ví dụ: Tin tức - Sự kiện' },
    slug: { label: 'Đường dẫn (slug)', description: 'Để trống: tự tạo từ tên, bỏ dấu.' },
    description: { label: 'Giới thiệu', description: 'Một câu giới thiệu hiện ở đầu trang chuyên mục.' },
    position: { label: 'Thứ tự', description: 'Số nhỏ đứng trước trên thanh chuyên mục.' },
    articles: { label: 'Bài viết' },
  },
  'api::person.person': {
    name: { label: 'Họ tên hoặc bút danh', description: 'Viết như khi ký bài, ví dụ: Minh Khoa.' },
    slug: { label: 'Đường dẫn (slug)', description: 'Để trống: tự tạo từ tên, bỏ dấu.' },
    jobTitle: { label: 'Chức danh', placeholder: 'Ví dụ: Phóng viên Trung tâm Văn hóa - Thể thao và Truyền thanh' },
    bio: { label: 'Giới thiệu' },
    photo: { label: 'Ảnh chân dung' },
  },
  'api::tag.tag': {
    name: { label: 'Từ khóa' },
    slug: { label: 'Đường dẫn (slug)', description: 'Để trống: tự tạo từ từ khóa, bỏ dấu.' },
    articles: { label: 'Bài viết' },
  },
  // Issue 17: units (đơn vị), current and former.
  'api::unit.unit': {
    name: { label: 'Tên đơn vị', placeholder: 'UBND xã Tân Hòa' },
    slug: { label: 'Đường dẫn (slug)', description: 'Để trống: tự tạo từ tên, bỏ dấu.' },
    kind: { label: 'Loại đơn vị', placeholder: 'Huyện ủy, UBND huyện, Đảng ủy xã, UBND xã, Sở…' },
    activeFrom: { label: 'Hoạt động từ ngày', description: 'Để trống nếu không rõ.' },
    activeUntil: {
      label: 'Hoạt động đến ngày',
      description: 'Chỉ điền khi đơn vị đã kết thúc hoạt động (ví dụ cấp huyện: 30/6/2025). Bài của đơn vị sẽ hiện thông báo "tư liệu lưu trữ".',
    },
    successor: { label: 'Đơn vị kế thừa', description: 'Đơn vị tiếp nhận nhiệm vụ; bài lưu trữ dẫn sang trang của đơn vị này.' },
    description: { label: 'Giới thiệu', description: 'Một hai câu giới thiệu hiện ở đầu trang đơn vị.' },
    articles: { label: 'Bài viết' },
  },
};

export const COMPONENT_LABELS: Labels = {
  'byline.credit': {
    role: {
      label: 'Vai trò',
      description: ROLES.map((role) => `${role} = ${ROLE_OPTIONS[role]}`).join(', '),
    },
    person: { label: 'Người thực hiện', description: 'Chọn trong danh sách "Người thực hiện"; thêm người mới ở đó.' },
    outlet: {
      label: 'Nguồn (báo, cơ quan)',
      description: `Chỉ dùng với vai trò ${ROLE_WORDS.source.name}.`,
      placeholder: 'Ví dụ: Báo Đồng Tháp',
    },
    summary: { label: 'Tóm tắt dòng' },
  },
  'media.credited-photo': {
    image: { label: 'Ảnh', description: `Ảnh ngang, rộng ít nhất ${IMAGE_WIDTHS.share} điểm ảnh.` },
    caption: {
      label: 'Chú thích ảnh',
      description: 'Ai, làm gì, ở đâu, khi nào; câu đầy đủ, không ghi tác giả ở đây.',
      placeholder: 'Nhập chú thích: ai, làm gì, ở đâu, khi nào',
    },
    credit: {
      label: 'Tác giả ảnh',
      description: `Chỉ ghi tên người chụp hoặc nơi cung cấp ảnh: "Lê Tính", "TTXVN", "Tư liệu". Trang tin tự thêm "${ROLE_WORDS.photographer.byline}:" phía trước.`,
      placeholder: 'Nhập tên người chụp hoặc nguồn ảnh, ví dụ: Lê Tính',
    },
  },
  'body.text': {
    content: {
      label: 'Đoạn văn',
      description: 'Chữ, tiêu đề phụ, danh sách, trích dẫn, liên kết. Không chèn ảnh ở đây: dùng khối "Ảnh".',
    },
  },
};

/**
 * How the lists and forms are laid out for a newsroom: the article list newest first with the
 * columns an editor scans for (status is a column Strapi adds itself to draft-and-publish
 * types), and fields only the importer or the CMS writes left out of the forms. Field names in
 * `hiddenInEdit` are taken out of the form layout; they stay in the schema and the API.
 */
interface View {
  settings?: Record<string, unknown>;
  list?: string[];
  hiddenInEdit?: string[];
}

export const CONTENT_TYPE_VIEWS: Record<string, View> = {
  'api::article.article': {
    settings: { defaultSortBy: 'publicationDate', defaultSortOrder: 'DESC', mainField: 'title' },
    // Who wrote it: the byline is a repeatable component, which list views cannot show; the
    // writers' names are kept in `bylineNames` for this column (cms/src/documents/derived-text.ts).
    // The review state ("Duyệt bài"); the date column says when a scheduled article goes out (cms/src/admin/app.tsx).
    list: ['title', 'category', 'bylineNames', 'publicationDate', 'reviewState'],
    hiddenInEdit: ['sourceKey', 'sourceCaptions', 'bylineNames'],
  },
};

export const COMPONENT_VIEWS: Record<string, View> = {
  // A folded byline line shows its summary ("Bài: Minh Khoa"), kept up to date on save.
  'byline.credit': { settings: { mainField: 'summary' }, hiddenInEdit: ['summary'] },
};

/** Bump when the views above change, so they are written again over what is stored. */
const VIEWS_VERSION = 2;
const VIEWS_KEY = 'admin-views';

/**
 * Strapi creates its three admin roles with English names and descriptions, stored in the
 * database (not translatable messages). Each is renamed while it still has Strapi's wording.
 */
const ROLE_NAMES: Record<string, { english: string; name: string; description: string }> = {
  'strapi-super-admin': {
    english: 'Super Admin',
    name: 'Quản trị hệ thống',
    description: 'Toàn quyền: nội dung, tài khoản, phân quyền và cài đặt.',
  },
  'strapi-editor': {
    english: 'Editor',
    // The newsroom's own roles (src/workflow/roles.ts) take the newsroom's names.
    name: 'Biên tập (mặc định của Strapi)',
    description: 'Vai trò có sẵn của Strapi, không theo quy trình duyệt bài. Tòa soạn dùng Phóng viên, Biên tập viên, Trưởng ban biên tập.',
  },
  'strapi-author': {
    english: 'Author',
    name: 'Tác giả (mặc định của Strapi)',
    description: 'Vai trò có sẵn của Strapi, không theo quy trình duyệt bài. Tòa soạn dùng Phóng viên, Biên tập viên, Trưởng ban biên tập.',
  },
};

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  layouts: { list?: string[]; edit?: Array<Array<{ name: string; size: number }>> } & Record<string, unknown>;
  metadatas: Record<string, Metadata>;
}
interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Omit<Configuration, 'uid'>): Promise<unknown>;
}

const STORE = { type: 'plugin', name: 'toa-soan' } as const;
const STORE_KEY = 'admin-labels';

/**
 * Sets Vietnamese labels and hints on the edit forms through the content-manager configuration
 * (the same store "Configure the view" writes). A value is only written when it is still
 * Strapi's default (the field name, or empty) or what this code wrote last time, so an admin's
 * own wording survives restarts.
 */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store(STORE);
  const previous = ((await store.get({ key: STORE_KEY })) ?? {}) as Labels;
  const written: Labels = {};

  const apply = async (service: ConfigurationService, labels: Labels) => {
    for (const [uid, fields] of Object.entries(labels)) {
      const configuration = await service.findConfiguration({ uid });
      if (!configuration?.metadatas) continue;
      let changed = false;
      for (const [field, wanted] of Object.entries(fields)) {
        const metadata = configuration.metadatas[field];
        if (!metadata?.edit) continue;
        const before = previous[uid]?.[field];
        const set = (target: Record<string, unknown>, key: 'label' | 'description' | 'placeholder', value: string | undefined, written = before?.[key]) => {
          if (value === undefined) return;
          const current = target[key];
          const untouched = current === undefined || current === '' || current === field || current === written || current === before?.[key];
          if (untouched && current !== value) {
            target[key] = value;
            changed = true;
          }
        };
        set(metadata.edit, 'label', wanted.label);
        set(metadata.edit, 'description', wanted.description);
        set(metadata.edit, 'placeholder', wanted.placeholder);
        if (metadata.list) set(metadata.list, 'label', wanted.listLabel ?? wanted.label, before?.listLabel);
      }
      if (changed) {
        const { settings, layouts, metadatas } = configuration;
        await service.updateConfiguration({ uid }, { settings, layouts, metadatas });
      }
      written[uid] = fields;
    }
  };

  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service('content-types') as ConfigurationService;
  const components = contentManager.service('components') as ConfigurationService;
  await apply(contentTypes, CONTENT_TYPE_LABELS);
  await apply(components, COMPONENT_LABELS);
  await store.set({ key: STORE_KEY, value: written });

  for (const [code, role] of Object.entries(ROLE_NAMES)) {
    await strapi.db
      .query('admin::role')
      .update({ where: { code, name: role.english }, data: { name: role.name, description: role.description } });
  }

  // Views are written once per VIEWS_VERSION: after that, "Configure the view" is the admin's.
  if (((await store.get({ key: VIEWS_KEY })) as number | null) !== VIEWS_VERSION) {
    await applyViews(contentTypes, CONTENT_TYPE_VIEWS);
    await applyViews(components, COMPONENT_VIEWS);
    await store.set({ key: VIEWS_KEY, value: VIEWS_VERSION });
  }
}

async function applyViews(service: ConfigurationService, views: Record<string, View>): Promise<void> {
  for (const [uid, view] of Object.entries(views)) {
    const configuration = await service.findConfiguration({ uid });
    if (!configuration?.layouts) continue;
    const { metadatas } = configuration;
    const settings = { ...configuration.settings, ...view.settings };
    const hidden = new Set(view.hiddenInEdit ?? []);
    const layouts = {
      ...configuration.layouts,
      list: view.list ?? configuration.layouts.list,
      edit: (configuration.layouts.edit ?? []).map((row) => row.filter((field) => !hidden.has(field.name))).filter((row) => row.length > 0),
    };
    await service.updateConfiguration({ uid }, { settings, layouts, metadatas });
  }
}
