import type { Core } from '@strapi/strapi';
import { DESK_ROLES, type DeskRole } from '../newsroom/desk';

/**
 * The newsroom's admin roles (issue 15). Their permissions are written here and re-applied at every
 * start, like the Public role (src/bootstrap/public-access.ts): a box ticked by hand in
 * Settings → Roles is undone at the next start, so what a role may do is always what this file says.
 * Roles are found by `code`, so renaming one in the admin does not create a second.
 *
 * RBAC decides which screens and buttons each role gets; the review rules a role cannot express
 * (who may approve, that only approved articles are published) live in src/workflow/review.ts.
 */
export const ROLE_CODES = {
  reporter: DESK_ROLES.reporter.code,
  editor: DESK_ROLES.editor.code,
  publisher: DESK_ROLES.publisher.code,
} as const;

export type NewsroomRole = DeskRole;

const ARTICLE = 'api::article.article';
const AUDIT = 'api::audit-entry.audit-entry';
const LOOKUPS = ['api::category.category', 'api::person.person', 'api::tag.tag', 'api::unit.unit'];
/** Read by every newsroom role: the portal's address gives the form its "Xem trên trang" link. */
const SITE_SETTING = 'api::site-setting.site-setting';
const CM = 'plugin::content-manager.explorer';
const UPLOAD_ALL = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];

interface Grant {
  action: string;
  subject?: string;
  /** RBAC conditions, e.g. `admin::is-creator`. */
  conditions?: string[];
}

const grants = (actions: string[], subjects: string[], conditions?: string[]): Grant[] =>
  actions.flatMap((action) => subjects.map((subject) => ({ action: `${CM}.${action}`, subject, conditions })));

const EDITOR_GRANTS: Grant[] = [
  ...grants(['create', 'read', 'update'], [ARTICLE]),
  ...grants(['create', 'read', 'update'], LOOKUPS),
  ...grants(['read'], [SITE_SETTING]),
  ...UPLOAD_ALL.map((action) => ({ action })),
];

export const ROLES: Record<NewsroomRole, { name: string; description: string; grants: Grant[] }> = {
  reporter: {
    name: DESK_ROLES.reporter.name,
    description: 'Viết bài, sửa bài của mình khi còn là bản nháp, tải ảnh lên, gửi duyệt. Không xuất bản, không xóa.',
    grants: [
      ...grants(['create', 'read'], [ARTICLE]),
      // Only their own articles; the review rules also stop edits once submitted.
      ...grants(['update'], [ARTICLE], ['admin::is-creator']),
      ...grants(['read'], [...LOOKUPS, SITE_SETTING]),
      // A reporter adds a tag while writing; categories and people are the desk's.
      ...grants(['create'], ['api::tag.tag']),
      { action: 'plugin::upload.read' },
      { action: 'plugin::upload.assets.create' },
      { action: 'plugin::upload.assets.download' },
      { action: 'plugin::upload.assets.copy-link' },
    ],
  },
  editor: {
    name: DESK_ROLES.editor.name,
    description: 'Sửa mọi bài viết, trả lại phóng viên kèm ghi chú hoặc duyệt bài. Không xuất bản.',
    grants: EDITOR_GRANTS,
  },
  publisher: {
    name: DESK_ROLES.publisher.name,
    description: 'Như biên tập viên, thêm xuất bản, gỡ bài, xóa bài; xem nhật ký thao tác.',
    grants: [
      ...EDITOR_GRANTS,
      // explorer.publish covers publish and unpublish in the content manager.
      ...grants(['publish', 'delete'], [ARTICLE]),
      ...grants(['delete'], LOOKUPS),
      // The audit trail is read-only for everyone (src/workflow/audit.ts refuses any write).
      ...grants(['read'], [AUDIT]),
    ],
  },
};

/** Every field of a content type, as the admin lists them in a permission (components expanded). */
function allFields(strapi: Core.Strapi, subject: string): string[] {
  const contentTypes = strapi.service('admin::content-type') as unknown as {
    getNestedFields(model: unknown, options: { components: unknown }): string[];
  };
  return contentTypes.getNestedFields(strapi.contentTypes[subject as keyof typeof strapi.contentTypes], { components: strapi.components });
}

function permissionsOf(strapi: Core.Strapi, role: NewsroomRole) {
  return ROLES[role].grants.map(({ action, subject, conditions }) => {
    // read/create/update apply to fields; an empty list would grant no field at all.
    const fieldLevel = subject && /\.(create|read|update)$/.test(action);
    return {
      action,
      subject: subject ?? null,
      properties: fieldLevel ? { fields: allFields(strapi, subject) } : {},
      conditions: conditions ?? [],
    };
  });
}

/** Creates the newsroom roles when missing and sets each one's permissions to exactly ROLES. */
export async function ensureNewsroomRoles(strapi: Core.Strapi): Promise<Record<NewsroomRole, number>> {
  const roles = strapi.service('admin::role');
  const ids = {} as Record<NewsroomRole, number>;
  for (const role of Object.keys(ROLES) as NewsroomRole[]) {
    const { name, description } = ROLES[role];
    let found = (await strapi.db.query('admin::role').findOne({ where: { code: ROLE_CODES[role] } })) as { id: number } | null;
    found ??= (await roles.create({ name, description, code: ROLE_CODES[role] })) as { id: number };
    ids[role] = found.id;
    await roles.assignPermissions(found.id, permissionsOf(strapi, role));
  }
  return ids;
}
