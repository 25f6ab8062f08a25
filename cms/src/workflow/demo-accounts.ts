import type { DeskRole as NewsroomRole } from '../newsroom/desk';

/**
 * One demo account per newsroom role (created at start with SEED_DEMO_CONTENT, cms/src/workflow/index.ts),
 * documented in cms/README.md and printed by `npm start`. Demo databases only.
 */
export const DEMO_USERS: Record<NewsroomRole, { email: string; firstname: string; lastname: string }> = {
  reporter: { email: 'phongvien@toasoan.local', firstname: 'Phóng', lastname: 'viên' },
  editor: { email: 'bientap@toasoan.local', firstname: 'Biên tập', lastname: 'viên' },
  publisher: { email: 'truongban@toasoan.local', firstname: 'Trưởng ban', lastname: 'biên tập' },
};
export const DEMO_PASSWORD_DEFAULT = 'ToaSoan-Demo-2026';
