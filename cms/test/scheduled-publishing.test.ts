/**
 * Scheduled publishing (issue 15): only the Trưởng ban schedules, only approved articles; the
 * cron task publishes what is due through every publishing rule; a schedule that came due while
 * the CMS was down is published at the next start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import axios, { type AxiosResponse } from 'axios';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { adminLogin, startCms, type CmsServer } from '@toa-soan/scripts/testing';

const CM = '/content-manager/collection-types/api::article.article';
const DEMO_PASSWORD = 'ToaSoan-Demo-2026';
const ADMIN_PASSWORD = 'Test-Scheduling-Admin-1a';

let dir: string;
let cms: CmsServer;
const jwt = { editor: '', publisher: '' };
let article: Record<string, unknown>;

const http = () => axios.create({ baseURL: cms.url, validateStatus: () => true });
const as = (who: keyof typeof jwt) => ({ headers: { Authorization: `Bearer ${jwt[who]}` } });
const ok = (res: AxiosResponse, status = 200) => expect(res.status, JSON.stringify(res.data).slice(0, 400)).toBe(status);

const start = (rule: string) =>
  startCms({ sqliteDir: dir, env: { SEED_DEMO_CONTENT: 'true', STRAPI_ADMIN_PASSWORD: ADMIN_PASSWORD, SCHEDULED_PUBLISHING_RULE: rule } });

async function approvedArticle(title: string): Promise<string> {
  const created = await http().post(CM, { ...article, title }, as('editor'));
  ok(created, 201);
  const documentId = created.data.data.documentId as string;
  ok(await http().put(`${CM}/${documentId}`, { reviewState: 'cho-duyet' }, as('editor')));
  ok(await http().put(`${CM}/${documentId}`, { reviewState: 'da-duyet' }, as('editor')));
  return documentId;
}

const isLive = async (documentId: string) => (await http().get(`/api/articles/${documentId}`)).status === 200;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-scheduling-'));
  cms = await start('*/2 * * * * *');
  jwt.editor = await adminLogin(cms.url, 'bientap@toasoan.local', DEMO_PASSWORD);
  jwt.publisher = await adminLogin(cms.url, 'truongban@toasoan.local', DEMO_PASSWORD);
  const res = await http().get('/api/articles', {
    params: { populate: { cover: { populate: { image: { fields: ['id'] } } }, category: { fields: ['documentId'] }, byline: { populate: { person: { fields: ['documentId'] } } } }, pagination: { pageSize: 1 } },
  });
  const first = res.data.data[0];
  article = {
    sapo: 'Tóm tắt.',
    category: first.category.documentId,
    byline: [{ role: 'writer', person: first.byline.find((c: { person?: unknown }) => c.person).person.documentId }],
    cover: { image: first.cover.image.id, caption: 'Chú thích.', credit: 'Lê Tính' },
    body: [{ __component: 'body.text', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung.' }] }] }],
  };
});

afterAll(async () => {
  await cms?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('only the Trưởng ban schedules, only an approved article, and the task publishes it when due', async () => {
  const created = await http().post(CM, { ...article, title: 'Bài chưa duyệt' }, as('editor'));
  const draftId = created.data.data.documentId as string;
  const soon = () => new Date(Date.now() + 3000).toISOString();
  const unapproved = await http().put(`${CM}/${draftId}`, { scheduledAt: soon() }, as('publisher'));
  ok(unapproved, 400);
  expect(unapproved.data.error.message).toMatch(/Đã duyệt/);

  const documentId = await approvedArticle('Bài hẹn giờ đăng');
  const byEditor = await http().put(`${CM}/${documentId}`, { scheduledAt: soon() }, as('editor'));
  ok(byEditor, 403);
  expect(byEditor.data.error.message).toMatch(/Chỉ Trưởng ban/);

  ok(await http().put(`${CM}/${documentId}`, { scheduledAt: soon() }, as('publisher')));
  expect(await isLive(documentId)).toBe(false);
  await vi.waitFor(async () => expect(await isLive(documentId)).toBe(true), { timeout: 30_000, interval: 500 });
  const draft = await http().get(`${CM}/${documentId}`, as('publisher'));
  expect(draft.data.data.scheduledAt).toBeNull();
});

it('an approved, scheduled article edited by the editor goes back to review and loses its schedule', async () => {
  const documentId = await approvedArticle('Bài hẹn giờ rồi bị sửa');
  ok(await http().put(`${CM}/${documentId}`, { scheduledAt: new Date(Date.now() + 3_600_000).toISOString() }, as('publisher')));
  ok(await http().put(`${CM}/${documentId}`, { title: 'Bài hẹn giờ rồi bị sửa lại' }, as('editor')));
  const draft = await http().get(`${CM}/${documentId}`, as('publisher'));
  expect(draft.data.data).toMatchObject({ reviewState: 'cho-duyet', scheduledAt: null });
});

it('publishes at the next start what came due while the CMS was down', async () => {
  const documentId = await approvedArticle('Bài đến giờ khi máy chủ tắt');
  const due = Date.now() + 4000;
  ok(await http().put(`${CM}/${documentId}`, { scheduledAt: new Date(due).toISOString() }, as('publisher')));
  await cms.stop();
  // Positive wait for the schedule to pass while nothing runs, not a check that something did not happen.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now() + 500)));
  // A rule that will not tick during the test: only the run at start can publish it.
  cms = await start('0 0 1 1 *');
  expect(await isLive(documentId)).toBe(true);
});
