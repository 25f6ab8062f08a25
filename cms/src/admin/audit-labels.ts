/**
 * How the "Nhật ký biên tập" screen names what the audit trail records (cms/src/workflow/audit.ts
 * writes the codes: article actions, review transitions, schedules, admin user/role/permission
 * changes). A code missing here is shown as it is stored, so a new action is never hidden.
 */
import { reviewStateLabels } from '../newsroom/desk';
import { dateTime } from './date-time';
const ACTIONS: Record<string, string> = {
  create: 'Tạo bài',
  update: 'Sửa bài',
  submit: 'Gửi duyệt',
  withdraw: 'Rút về nháp',
  approve: 'Duyệt',
  return: 'Trả lại',
  'review-reset': 'Về "Chờ duyệt" (sửa bài đã duyệt)',
  publish: 'Xuất bản',
  unpublish: 'Gỡ xuất bản',
  schedule: 'Hẹn giờ đăng',
  unschedule: 'Bỏ hẹn giờ',
  'schedule-refused': 'Hẹn giờ không đăng được',
  delete: 'Xóa bài',
  'discard-draft': 'Bỏ bản nháp',
  clone: 'Nhân bản',
  'restore-version': 'Khôi phục phiên bản',
  'user-create': 'Tạo tài khoản',
  'user-update': 'Sửa tài khoản',
  'user-delete': 'Xóa tài khoản',
  'role-create': 'Tạo vai trò',
  'role-update': 'Sửa vai trò',
  'role-delete': 'Xóa vai trò',
  'permissions-create': 'Cấp quyền',
  'permissions-update': 'Sửa quyền',
  'permissions-delete': 'Thu hồi quyền',
};

export const auditActionLabel = (action: string): string => ACTIONS[action] ?? action;

/** The action filter: each article action, then the account and role changes as families. */
export const AUDIT_ACTION_FILTERS: Array<{ value: string; label: string }> = [
  ...[
    'create',
    'update',
    'submit',
    'approve',
    'return',
    'withdraw',
    'publish',
    'unpublish',
    'schedule',
    'unschedule',
    'schedule-refused',
    'delete',
    'restore-version',
  ].map((value) => ({ value, label: ACTIONS[value]! })),
  { value: 'user-*', label: 'Thay đổi tài khoản' },
  { value: 'role-*', label: 'Thay đổi vai trò' },
  { value: 'permissions-*', label: 'Thay đổi phân quyền' },
];

const STATES: Record<string, string> = reviewStateLabels('vi');
/** "03/12/2026 23:38:37": the audit trail keeps the second. */
export const auditTime = (iso: string): string => dateTime(iso, { seconds: true });
/** Written by Strapi on every save; not what the editor changed. */
const BOOKKEEPING = new Set(['updatedBy', 'createdBy', 'updatedAt', 'createdAt', 'publishedAt', 'locale', 'documentId']);

/** One line on what an entry's details say: the transition and its note, the schedule, the fields written. */
export function auditDetails(details: Record<string, unknown> | null, fieldLabels: Record<string, string> = {}): string {
  if (!details) return '';
  const parts: string[] = [];
  const state = (code: unknown) => STATES[String(code)] ?? String(code);
  if (details.from && details.to) parts.push(`${state(details.from)} → ${state(details.to)}`);
  if (typeof details.note === 'string' && details.note) parts.push(`Ghi chú: ${details.note}`);
  if ('scheduledAt' in details) parts.push(details.scheduledAt ? `Đăng lúc ${auditTime(String(details.scheduledAt))}` : 'Không còn hẹn giờ');
  if (typeof details.reason === 'string') parts.push(`Lý do: ${details.reason}`);
  if (typeof details.version === 'number') parts.push(`Bản ${details.version}`);
  if (typeof details.email === 'string') parts.push(details.email);
  if (Array.isArray(details.actions) && details.actions.length) parts.push(`${details.actions.length} quyền`);
  else if (Array.isArray(details.fields) && !details.from) {
    const fields = (details.fields as string[]).filter((field) => !BOOKKEEPING.has(field)).map((field) => fieldLabels[field] ?? field);
    if (fields.length) parts.push(`Trường: ${fields.join(', ')}`);
  }
  return parts.join(' · ');
}
