import type { Core } from '@strapi/strapi';

/** What an editor sees above a field, and the hint below it that says what to write. */
interface FieldLabel {
  label: string;
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
      description:
        'Mỗi dòng một người: Bài/Tin (writer), Biên tập (editor), Ảnh (photographer), hoặc Theo/Nguồn (source) cho bài lấy từ báo, cơ quan khác. Cần ít nhất một dòng để xuất bản.',
    },
    publicationDate: {
      label: 'Ngày đăng',
      description: 'Để trống: lấy giờ bấm Xuất bản. Bài nhập từ cổng cũ giữ ngày đăng gốc.',
    },
    unit: { label: 'Đơn vị', description: 'Cơ quan ban hành hoặc cung cấp tin; chọn trong danh sách "Đơn vị", thêm đơn vị mới ở đó.' },
    legacyUnit: { label: 'Đơn vị (ghi ở cổng cũ)', description: 'Tên đơn vị như bài cũ ghi, giữ để tra cứu; không hiện trên trang tin.' },
    featured: { label: 'Tin nổi bật', description: 'Bật để đưa bài lên khu tin nổi bật ở trang chủ.' },
    sourceKey: { label: 'Mã nhập liệu', description: 'Do công cụ chuyển bài từ cổng cũ điền; không sửa.' },
    sourceCaptions: { label: 'Chú thích ảnh cũ', description: 'Chú thích của những ảnh cổng cũ không còn tệp, giữ để tra cứu.' },
  },
  'api::category.category': {
    name: { label: 'Tên chuyên mục', placeholder: 'Tin tức - Sự kiện' },
    slug: { label: 'Đường dẫn (slug)', description: 'Để trống: tự tạo từ tên, bỏ dấu.' },
    description: { label: 'Giới thiệu', description: 'Một câu giới thiệu hiện ở đầu trang chuyên mục.' },
    position: { label: 'Thứ tự', description: 'Số nhỏ đứng trước trên thanh chuyên mục.' },
    articles: { label: 'Bài viết' },
  },
  'api::person.person': {
    name: { label: 'Họ tên hoặc bút danh', description: 'Viết như khi ký bài, ví dụ: Minh Khoa.' },
    slug: { label: 'Đường dẫn (slug)', description: 'Để trống: tự tạo từ tên, bỏ dấu.' },
    jobTitle: { label: 'Chức danh', placeholder: 'Phóng viên Trung tâm Văn hóa - Thể thao và Truyền thanh' },
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
      description:
        'writer = Bài/Tin, editor = Biên tập, photographer = Ảnh, source = Theo/Nguồn (bài lấy từ báo, cơ quan khác).',
    },
    person: { label: 'Người thực hiện', description: 'Chọn trong danh sách "Người thực hiện"; thêm người mới ở đó.' },
    outlet: {
      label: 'Nguồn (báo, cơ quan)',
      description: 'Chỉ dùng với vai trò Theo/Nguồn.',
      placeholder: 'Báo Đồng Tháp',
    },
  },
  'media.credited-photo': {
    image: { label: 'Ảnh', description: 'Ảnh ngang, rộng ít nhất 1200 điểm ảnh.' },
    caption: {
      label: 'Chú thích ảnh',
      description: 'Ai, làm gì, ở đâu, khi nào; câu đầy đủ, không ghi tác giả ở đây.',
      placeholder: 'Đồng chí Bí thư Huyện ủy thăm mô hình trồng sen tại xã Tân Phú.',
    },
    credit: {
      label: 'Tác giả ảnh',
      description: 'Chỉ ghi tên người chụp hoặc nơi cung cấp ảnh: "Lê Tính", "TTXVN", "Tư liệu". Trang tin tự thêm "Ảnh:" phía trước.',
      placeholder: 'Lê Tính',
    },
  },
  'body.text': {
    content: {
      label: 'Đoạn văn',
      description: 'Chữ, tiêu đề phụ, danh sách, trích dẫn, liên kết. Không chèn ảnh ở đây: dùng khối "Ảnh".',
    },
  },
};

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}
interface Configuration {
  settings: unknown;
  layouts: unknown;
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
        const set = (target: Record<string, unknown>, key: keyof FieldLabel, value: string | undefined) => {
          if (value === undefined) return;
          const current = target[key];
          const untouched = current === undefined || current === '' || current === field || current === before?.[key];
          if (untouched && current !== value) {
            target[key] = value;
            changed = true;
          }
        };
        set(metadata.edit, 'label', wanted.label);
        set(metadata.edit, 'description', wanted.description);
        set(metadata.edit, 'placeholder', wanted.placeholder);
        if (metadata.list) set(metadata.list, 'label', wanted.label);
      }
      if (changed) {
        const { settings, layouts, metadatas } = configuration;
        await service.updateConfiguration({ uid }, { settings, layouts, metadatas });
      }
      written[uid] = fields;
    }
  };

  const contentManager = strapi.plugin('content-manager');
  await apply(contentManager.service('content-types') as ConfigurationService, CONTENT_TYPE_LABELS);
  await apply(contentManager.service('components') as ConfigurationService, COMPONENT_LABELS);
  await store.set({ key: STORE_KEY, value: written });
}
