/**
 * The newsroom's desk (issue 15): who takes which step, and the states an article's review goes
 * through, with the words each audience reads. The workflow's rules (src/workflow), the admin's
 * buttons and lists, and the browser journeys all take them from here.
 */

/** The newsroom's admin roles, found in Strapi by `code` (so renaming one in the admin is harmless). */
export const DESK_ROLES = {
  reporter: { code: 'toa-soan-phong-vien', name: 'Phóng viên' },
  editor: { code: 'toa-soan-bien-tap-vien', name: 'Biên tập viên' },
  publisher: { code: 'toa-soan-truong-ban', name: 'Trưởng ban biên tập' },
} as const;
export type DeskRole = keyof typeof DESK_ROLES;

/** Strapi's own operator role: held to no review, like the Trưởng ban for the admin's buttons. */
export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Who publishes and schedules, and who may approve, return or restore a version, by role code. */
export const PUBLISHER_ROLE_CODES: readonly string[] = [DESK_ROLES.publisher.code, SUPER_ADMIN_CODE];
export const REVIEWER_ROLE_CODES: readonly string[] = [DESK_ROLES.editor.code, ...PUBLISHER_ROLE_CODES];

/** Stored as codes; `vi` is what editors read (lists, filters, messages), `en` the English admin. */
export const REVIEW_STATE_WORDS = {
  nhap: { vi: 'Nháp', en: 'Draft (Nháp)' },
  'cho-duyet': { vi: 'Chờ duyệt', en: 'Awaiting review (Chờ duyệt)' },
  'da-duyet': { vi: 'Đã duyệt', en: 'Approved (Đã duyệt)' },
  'tra-lai': { vi: 'Trả lại', en: 'Returned (Trả lại)' },
} as const;
export type ReviewState = keyof typeof REVIEW_STATE_WORDS;
export const REVIEW_STATES = Object.keys(REVIEW_STATE_WORDS) as ReviewState[];

export function reviewStateLabels(language: 'vi' | 'en'): Record<ReviewState, string> {
  return Object.fromEntries(REVIEW_STATES.map((state) => [state, REVIEW_STATE_WORDS[state][language]])) as Record<ReviewState, string>;
}
